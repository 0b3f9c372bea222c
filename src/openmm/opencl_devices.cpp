#include "openmm/opencl_devices.hpp"

#include <mutex>
#include <vector>

#ifdef GB_HAVE_OPENCL
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>
#endif

namespace gb {
namespace {

OpenClDevices query() {
#ifdef GB_HAVE_OPENCL
  cl_uint n_platforms = 0;
  if (clGetPlatformIDs(0, nullptr, &n_platforms) != CL_SUCCESS || n_platforms == 0) return OpenClDevices::None;
  std::vector<cl_platform_id> platforms(n_platforms);
  if (clGetPlatformIDs(n_platforms, platforms.data(), nullptr) != CL_SUCCESS) return OpenClDevices::None;
  bool any = false;
  for (cl_platform_id p : platforms) {
    cl_uint n = 0;
    if (clGetDeviceIDs(p, CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR, 0, nullptr, &n) == CL_SUCCESS && n > 0)
      return OpenClDevices::GpuOrAccelerator;
    if (clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, nullptr, &n) == CL_SUCCESS && n > 0) any = true;
  }
  return any ? OpenClDevices::CpuOnly : OpenClDevices::None;
#else
  return OpenClDevices::Unknown;
#endif
}

}  // namespace

OpenClDevices opencl_devices() {
  static std::once_flag once;
  static OpenClDevices answer = OpenClDevices::Unknown;
  std::call_once(once, [] { answer = query(); });
  return answer;
}

}  // namespace gb
