# gb_add_module(<target> DEPS <targets...>)
# One static library per folder: every *.cpp directly in the calling folder
# is compiled into it (new files are picked up on the next configure).
# Include paths are rooted at src/ and the project root, so code includes
# "core/error.hpp", "potential/eam_potential.hpp", "runners/...".
function(gb_add_module target)
  cmake_parse_arguments(GB "" "" "DEPS" ${ARGN})
  file(GLOB _srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  if(_srcs)
    add_library(${target} STATIC ${_srcs})
    target_include_directories(${target} PUBLIC
      "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/generated")
    target_link_libraries(${target} PUBLIC ${GB_DEPS})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE
      "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/generated")
    target_link_libraries(${target} INTERFACE ${GB_DEPS})
  endif()
endfunction()
