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

# Version: OpenMM has no version header; read it from the library's SONAME
# or the Version.h.in-derived define if present, else ask at run time.
set(OpenMM_VERSION "")
if(OpenMM_LIBRARY)
  get_filename_component(_openmm_real "${OpenMM_LIBRARY}" REALPATH)
  if(_openmm_real MATCHES "libOpenMM\\.so\\.([0-9]+\\.[0-9]+)")
    set(OpenMM_VERSION "${CMAKE_MATCH_1}")
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
