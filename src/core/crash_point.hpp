#pragma once
// Test hook for crash-consistency tests: a named place in the code where the
// process kills itself with SIGKILL when the environment asks for it,
//   GLASSBENCH_CRASH_AT=<name>[:<n>]   (die at the n-th time, default 1st)
// e.g. "dump-mid-frame" (half a frame written and flushed),
// "checkpoint-between-files" (OpenMM checkpoint written, runner state not),
// "atomic-before-rename" (temp file complete, not yet renamed).  Without the
// variable this is one cached getenv and a string compare per call.
namespace gb {

void crash_point(const char* name);

}  // namespace gb
