#pragma once
// Process environment tweaks that keep user-facing output clean.
namespace gb {
/// Debian's OpenMM Amoeba/Drude plugins print load errors unless
/// LD_LIBRARY_PATH contains /usr/lib/x86_64-linux-gnu/openmm, and PoCL
/// warns that the CPU device is "unsupported".  Both are harmless.  If
/// needed, this re-executes the current program once with LD_LIBRARY_PATH
/// extended (the dynamic loader reads it only at start-up) and sets
/// POCL_DEBUG=0 / silences PoCL's warning.  Idempotent; never fails.
void quiet_library_noise();
}  // namespace gb
