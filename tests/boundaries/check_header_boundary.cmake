# Header boundary (issue 8, part 4): a module's internal headers live in
# <module>/internal/ and only that module's own code includes them.  Tests may
# include them (they test internals, as OpenMM's tests do).
#   cmake -DROOT=<project root> -P check_header_boundary.cmake
# Fails with file:line for every include of another module's internal header.
# Module of a file: src/<m>/... -> m; runners|validation|reports/... -> that
# folder; any other top-level folder (cli, bench, fuzz, plugins) is its own.
if(NOT ROOT)
  message(FATAL_ERROR "check_header_boundary.cmake: pass -DROOT=<project root>")
endif()
set(_dirs src runners validation reports cli bench fuzz plugins)
set(_violations "")
set(_scanned 0)
foreach(_d ${_dirs})
  if(NOT IS_DIRECTORY "${ROOT}/${_d}")
    continue()
  endif()
  file(GLOB_RECURSE _files RELATIVE "${ROOT}" "${ROOT}/${_d}/*.cpp" "${ROOT}/${_d}/*.hpp"
       "${ROOT}/${_d}/*.h" "${ROOT}/${_d}/*.cc")
  foreach(_f ${_files})
    string(REPLACE "/" ";" _parts "${_f}")
    list(GET _parts 0 _top)
    if(_top STREQUAL "src")
      list(GET _parts 1 _module)
    else()
      set(_module "${_top}")
    endif()
    math(EXPR _scanned "${_scanned} + 1")
    file(STRINGS "${ROOT}/${_f}" _lines)
    set(_n 0)
    foreach(_line IN LISTS _lines)
      math(EXPR _n "${_n} + 1")
      # Only our own modules' internal headers count: "openmm/internal/ContextImpl.h"
      # is OpenMM's, not src/openmm's, so the included file must exist in this tree.
      if(_line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"(([A-Za-z0-9_]+)/internal/[^\"]+)\"")
        set(_target "${CMAKE_MATCH_1}")
        set(_owner "${CMAKE_MATCH_2}")
        if((EXISTS "${ROOT}/src/${_target}" OR EXISTS "${ROOT}/${_target}") AND NOT _owner STREQUAL _module)
          string(APPEND _violations "\n  ${_f}:${_n}: module '${_module}' includes an internal header of '${_owner}': ${_line}")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()
if(_scanned EQUAL 0)
  message(FATAL_ERROR "check_header_boundary.cmake: no source files under ${ROOT}")
endif()
if(_violations)
  message(FATAL_ERROR "header boundary broken (move the header out of internal/ if it is meant to be public):${_violations}")
endif()
message(STATUS "header boundary holds: ${_scanned} files scanned")
