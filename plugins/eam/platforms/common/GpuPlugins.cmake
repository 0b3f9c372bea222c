# GPU kernel libraries of the native EAM force (included from
# plugins/eam/CMakeLists.txt).  Each is built only when its ingredients are
# there, else a STATUS line says why (the Reference/CPU force still builds):
#   OpenCL: libOpenMMOpenCL.so in OpenMM's plugin folder, OpenCL headers, and
#           OpenMM's lepton/ headers (Debian's libopenmm-dev lacks them:
#           ci/install-deps.sh copies them from `apt-get source openmm` to
#           /usr/local/share/glassbench/openmm-headers; an OpenMM 8.x prefix
#           has them in include/).
#   CUDA:   additionally libOpenMMCUDA.so and the CUDA toolkit (OpenMM 8.x
#           built with CUDA, -DOpenMM_ROOT=...).
set(GB_OPENMM_EXTRA_HEADERS "/usr/local/share/glassbench/openmm-headers" CACHE PATH
    "folder holding OpenMM's lepton/ (and sfmt/) headers when the OpenMM install lacks them")
find_path(GB_LEPTON_INCLUDE_DIR lepton/Parser.h
          HINTS "${OpenMM_INCLUDE_DIR}" "${OpenMM_INCLUDE_DIR}/.." "${GB_OPENMM_EXTRA_HEADERS}")
find_library(GB_OPENMM_OPENCL_LIBRARY NAMES OpenMMOpenCL HINTS "${OpenMM_PLUGIN_DIR}" NO_DEFAULT_PATH)
find_library(GB_OPENMM_CUDA_LIBRARY NAMES OpenMMCUDA HINTS "${OpenMM_PLUGIN_DIR}" NO_DEFAULT_PATH)
find_package(OpenCL QUIET)

function(gb_eam_gpu_plugin target platform_dir platform_lib)
  add_library(${target} MODULE
    "${CMAKE_CURRENT_SOURCE_DIR}/platforms/common/CommonEamKernels.cpp"
    "${CMAKE_CURRENT_SOURCE_DIR}/platforms/${platform_dir}/${ARGN}")
  target_include_directories(${target} PRIVATE "${OpenMM_INCLUDE_DIR}/openmm/${platform_dir}"
    "${OpenMM_INCLUDE_DIR}/openmm/common" "${GB_LEPTON_INCLUDE_DIR}" "${CMAKE_CURRENT_SOURCE_DIR}/platforms/common")
  target_link_libraries(${target} PRIVATE GlassbenchEam gb_evaluator OpenMM::OpenMM "${platform_lib}")
  set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${GB_EAM_PLUGIN_DIR}"
    BUILD_RPATH "${OpenMM_PLUGIN_DIR};${GB_EAM_PLUGIN_DIR}")
  if(NOT GB_SANITIZE)  # the sanitizer runtime comes with the executable (plugins/eam/CMakeLists.txt)
    target_link_options(${target} PRIVATE "-Wl,--no-undefined")
  endif()
endfunction()

if(GB_LEPTON_INCLUDE_DIR AND GB_OPENMM_OPENCL_LIBRARY AND OpenCL_FOUND)
  gb_eam_gpu_plugin(GlassbenchEamOpenCL opencl "${GB_OPENMM_OPENCL_LIBRARY}" OpenCLEamKernelFactory.cpp)
  target_link_libraries(GlassbenchEamOpenCL PRIVATE OpenCL::OpenCL)
  message(STATUS "native EAM force: OpenCL kernels will be built")
else()
  message(STATUS "native EAM force: OpenCL kernels NOT built (lepton headers: ${GB_LEPTON_INCLUDE_DIR}, "
                 "OpenMM OpenCL plugin: ${GB_OPENMM_OPENCL_LIBRARY}, OpenCL: ${OpenCL_FOUND}); run ci/install-deps.sh")
endif()

# Version guard: the common-kernel API used here (ComputeContext, ComputeArray,
# ReorderListener, long force buffers) is the one of OpenMM 7.6-8.x; the CUDA
# factory is only attempted for OpenMM >= 8 (the project's CUDA target).
if(GB_LEPTON_INCLUDE_DIR AND GB_OPENMM_CUDA_LIBRARY AND OpenMM_VERSION VERSION_GREATER_EQUAL 8.0)
  find_package(CUDAToolkit QUIET)
  if(CUDAToolkit_FOUND)
    gb_eam_gpu_plugin(GlassbenchEamCUDA cuda "${GB_OPENMM_CUDA_LIBRARY}" CudaEamKernelFactory.cpp)
    target_link_libraries(GlassbenchEamCUDA PRIVATE CUDA::cuda_driver)
    message(STATUS "native EAM force: CUDA kernels will be built")
  endif()
endif()
