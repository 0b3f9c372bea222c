#pragma once
// Which kinds of device the machine's OpenCL platforms offer, so the platform
// choice can tell an OpenCL that drives a GPU from one that only runs on the
// host CPU (PoCL, Debian's default ICD).  On the same cores OpenMM's CPU
// platform with the native EAM kernel is 2-3x faster than PoCL (docs/cases.md,
// "Speed"), so a preference list [.., OpenCL, CPU, ..] should not pick PoCL.

namespace gb {

enum class OpenClDevices {
  Unknown,          // glassbench built without the OpenCL headers/library: nothing is known
  None,             // no OpenCL platform or device at all
  CpuOnly,          // every device is a CPU (PoCL and the like)
  GpuOrAccelerator  // at least one GPU or accelerator device
};

/// Queries every OpenCL platform's devices once (the answer is cached).
OpenClDevices opencl_devices();

}  // namespace gb
