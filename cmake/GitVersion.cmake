# Bake the glassbench version and the git commit of the source tree into
# src/core/generated/version_info.hpp, so every output can carry provenance.
find_package(Git QUIET)
set(GLASSBENCH_GIT_COMMIT "unknown")
set(GLASSBENCH_GIT_DIRTY "")
if(GIT_FOUND AND EXISTS "${CMAKE_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE _c
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _r)
  if(_r EQUAL 0)
    set(GLASSBENCH_GIT_COMMIT "${_c}")
  endif()
  execute_process(COMMAND "${GIT_EXECUTABLE}" status --porcelain --untracked-files=no
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE _d
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_d)
    set(GLASSBENCH_GIT_DIRTY "-dirty")
  endif()
endif()
configure_file("${CMAKE_SOURCE_DIR}/src/core/version_info.hpp.in"
               "${CMAKE_BINARY_DIR}/generated/glassbench/version_info.hpp" @ONLY)
