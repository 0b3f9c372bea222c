# Runs one libFuzzer target for SECONDS from a fresh corpus (seeds +
# regression inputs + shipped files); a crash, leak, sanitizer report or
# timeout fails the test and leaves the input in WORK/artifacts/.
file(REMOVE_RECURSE "${WORK}/corpus")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
foreach(dir "${SEEDS}" "${REGRESSION}")
  file(GLOB _f "${dir}/*")
  if(_f)
    file(COPY ${_f} DESTINATION "${WORK}/corpus")
  endif()
endforeach()
if(SHIPPED)
  file(GLOB _f ${SHIPPED})
  if(_f)
    file(COPY ${_f} DESTINATION "${WORK}/corpus")
  endif()
endif()
execute_process(
  COMMAND "${FUZZER}" "${WORK}/corpus" -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10
          -max_len=65536 "-artifact_prefix=${WORK}/artifacts/" -print_final_stats=1
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz_${TARGET} found a failing input (exit ${rc}); see ${WORK}/artifacts/")
endif()
