#pragma once
// The one rule, shared by both engines, for where a new run may write:
// never over a user's files.  A directory that exists, is not empty (a
// run.lock alone counts as empty: a run killed while starting) and holds no
// glassbench run is refused unless the user passed --force.
#include <string>

namespace gb::runners {

/// Whether DIR holds a glassbench run: our marker, runner state, provenance
/// or case copy (docs/run-directory.md).
bool holds_glassbench_run(const std::string& dir);

/// Throws gb::InputError (naming DIR and --force) when a new run must not
/// write into DIR.  A missing DIR is fine; DIR that is a file never is.
void refuse_foreign_out_dir(const std::string& dir, bool force);

}  // namespace gb::runners
