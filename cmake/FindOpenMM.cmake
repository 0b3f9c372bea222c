# FindOpenMM.cmake — locate an OpenMM C++ installation.
#
# Debian's libopenmm-dev (7.7) ships no CMake config file, so we look for the
# header and library ourselves.  A newer install (8.x, e.g. a conda or source
# build with CUDA) is found first when OpenMM_ROOT (CMake variable or
# environment variable) points at its prefix.
#
# Result:  OpenMM_FOUND, OpenMM_VERSION, OpenMM_INCLUDE_DIR, OpenMM_LIBRARY,
#          OpenMM_PLUGIN_DIR (compiled-in default plugin directory guess),
#          imported target OpenMM::OpenMM.

set(_openmm_hints)
if(OpenMM_ROOT)
  list(APPEND _openmm_hints "${OpenMM_ROOT}")
endif()
if(DEFINED ENV{OpenMM_ROOT})
  list(APPEND _openmm_hints "$ENV{OpenMM_ROOT}")
endif()
if(DEFINED ENV{OPENMM_HOME})
  list(APPEND _openmm_hints "$ENV{OPENMM_HOME}")
endif()

if(_openmm_hints)
  # When the user names a root, do not silently fall back to the system copy.
  find_path(OpenMM_INCLUDE_DIR OpenMM.h
            HINTS ${_openmm_hints} PATH_SUFFIXES include include/openmm
            NO_DEFAULT_PATH)
  find_library(OpenMM_LIBRARY NAMES OpenMM
               HINTS ${_openmm_hints} PATH_SUFFIXES lib lib64
               NO_DEFAULT_PATH)
else()
  find_path(OpenMM_INCLUDE_DIR OpenMM.h PATH_SUFFIXES openmm include/openmm)
  find_library(OpenMM_LIBRARY NAMES OpenMM)
endif()

# Version: OpenMM installs no version header.  Debian's library carries it in
# its file name (libOpenMM.so.7.7); an upstream 8.x build installs an
# unversioned libOpenMM.so, so there we compile and run a three-line program
# that prints Platform::getOpenMMVersion() (cached in OpenMM_VERSION_RUN).
set(OpenMM_VERSION "")
if(OpenMM_LIBRARY)
  get_filename_component(_openmm_real "${OpenMM_LIBRARY}" REALPATH)
  if(_openmm_real MATCHES "libOpenMM\\.so\\.([0-9]+\\.[0-9]+)")
    set(OpenMM_VERSION "${CMAKE_MATCH_1}")
  elseif(OpenMM_INCLUDE_DIR AND NOT CMAKE_CROSSCOMPILING)
    if(NOT OpenMM_VERSION_RUN OR NOT OpenMM_VERSION_RUN_LIBRARY STREQUAL OpenMM_LIBRARY)
      set(_openmm_probe "${CMAKE_BINARY_DIR}/CMakeFiles/openmm_version_probe.cpp")
      file(WRITE "${_openmm_probe}"
           "#include <iostream>\n#include \"OpenMM.h\"\n"
           "int main() { std::cout << OpenMM::Platform::getOpenMMVersion(); return 0; }\n")
      try_run(_openmm_run_rc _openmm_compile_ok "${CMAKE_BINARY_DIR}/CMakeFiles/openmm_version_probe"
              "${_openmm_probe}"
              CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${OpenMM_INCLUDE_DIR}"
              LINK_LIBRARIES "${OpenMM_LIBRARY}"
              COMPILE_OUTPUT_VARIABLE _openmm_compile_out
              RUN_OUTPUT_VARIABLE _openmm_run_out)
      if(_openmm_compile_ok AND _openmm_run_rc EQUAL 0 AND _openmm_run_out MATCHES "^([0-9]+\\.[0-9]+(\\.[0-9]+)?)")
        set(OpenMM_VERSION_RUN "${CMAKE_MATCH_1}" CACHE INTERNAL "OpenMM version from Platform::getOpenMMVersion()")
        set(OpenMM_VERSION_RUN_LIBRARY "${OpenMM_LIBRARY}" CACHE INTERNAL "the library OpenMM_VERSION_RUN was read from")
      else()
        message(WARNING "FindOpenMM: could not read the version of ${OpenMM_LIBRARY} "
                        "(compiled: ${_openmm_compile_ok}, ran: ${_openmm_run_rc}, printed: '${_openmm_run_out}')")
      endif()
    endif()
    set(OpenMM_VERSION "${OpenMM_VERSION_RUN}")
  endif()
  get_filename_component(_openmm_libdir "${OpenMM_LIBRARY}" DIRECTORY)
  # Debian: /usr/lib/x86_64-linux-gnu/openmm/plugins ; upstream: <prefix>/lib/plugins
  foreach(_cand "${_openmm_libdir}/openmm/plugins" "${_openmm_libdir}/plugins")
    if(EXISTS "${_cand}")
      set(OpenMM_PLUGIN_DIR "${_cand}")
      break()
    endif()
  endforeach()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenMM
  REQUIRED_VARS OpenMM_LIBRARY OpenMM_INCLUDE_DIR
  VERSION_VAR OpenMM_VERSION)

if(OpenMM_FOUND AND NOT TARGET OpenMM::OpenMM)
  add_library(OpenMM::OpenMM UNKNOWN IMPORTED)
  set_target_properties(OpenMM::OpenMM PROPERTIES
    IMPORTED_LOCATION "${OpenMM_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${OpenMM_INCLUDE_DIR}")
endif()
mark_as_advanced(OpenMM_INCLUDE_DIR OpenMM_LIBRARY OpenMM_PLUGIN_DIR)
