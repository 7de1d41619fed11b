# One UI test: run the kiosk headless through a replay, then compare every screenshot it
# wrote with the golden images, and make sure no golden went unchecked.
# Variables: KIOSK PNG_COMPARE REPLAY SIZE LANG GOLDEN_DIR OUT_DIR
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR}/shots ${OUT_DIR}/data)
execute_process(
  COMMAND ${KIOSK} --headless --size ${SIZE} --lang ${LANG} --data ${OUT_DIR}/data
          --replay ${REPLAY} --screenshots ${OUT_DIR}/shots
  RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "kiosk exited with ${status}: ${err}")
endif()
file(GLOB shots RELATIVE ${OUT_DIR}/shots ${OUT_DIR}/shots/*.png)
if(NOT shots)
  message(FATAL_ERROR "the replay wrote no screenshot")
endif()
set(failures "")
foreach(shot ${shots})
  execute_process(COMMAND ${PNG_COMPARE} ${OUT_DIR}/shots/${shot} ${GOLDEN_DIR}/${shot} ${OUT_DIR}/diff-${shot}
                  RESULT_VARIABLE cmp ERROR_VARIABLE cmp_err)
  if(NOT cmp EQUAL 0)
    string(APPEND failures "${cmp_err}")
  endif()
endforeach()
file(GLOB goldens RELATIVE ${GOLDEN_DIR} ${GOLDEN_DIR}/*.png)
foreach(golden ${goldens})
  if(NOT EXISTS ${OUT_DIR}/shots/${golden})
    string(APPEND failures "golden ${golden} was not produced by the replay\n")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
