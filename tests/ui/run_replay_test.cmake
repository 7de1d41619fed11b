# One UI test: run the kiosk headless through a replay, then compare every screenshot it
# wrote with the golden images, and make sure no golden went unchecked; then check that every
# screenshot came with the record of what its frame showed (NAME.labels.jsonl), holding text.
# Variables: KIOSK PNG_COMPARE LABELS_CHECK REPLAY SIZE LANG GOLDEN_DIR OUT_DIR
get_filename_component(replay_dir ${REPLAY} DIRECTORY)
get_filename_component(replay_name ${REPLAY} NAME_WE)
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR}/shots ${OUT_DIR}/data/keys)
# A provisioned kiosk: HQ's public key (a fixed test key; nothing here is ever decrypted).
file(WRITE ${OUT_DIR}/data/keys/hq_box.pub "8f40c5adb68f25624ae5b214ea767a6ec94d829d3d7b5e1ad1ba6f3e2138285f\n")
file(WRITE ${OUT_DIR}/data/config.json "{\"kiosk_id\": \"test-kiosk-1\"}\n")
# Its secret, for sealing an export (a fixed test secret): the kiosk counts as provisioned
# only when its configuration also names an HQ address, as replays/NAME.config.json may.
file(WRITE ${OUT_DIR}/data/keys/kiosk.secret "3c1f0e5a9b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e\n")
# A replay that needs a particular configuration brings it: replays/NAME.config.json.
if(EXISTS ${replay_dir}/${replay_name}.config.json)
  configure_file(${replay_dir}/${replay_name}.config.json ${OUT_DIR}/data/config.json COPYONLY)
endif()
# A staff PIN when the replay needs one: replays/NAME.setup's first line is the PIN, given to
# `kiosk --set-staff-pin` on standard input, exactly as an administrator would.
if(EXISTS ${replay_dir}/${replay_name}.setup)
  file(STRINGS ${replay_dir}/${replay_name}.setup setup_lines LIMIT_COUNT 1)
  file(WRITE ${OUT_DIR}/staff-pin.txt "${setup_lines}\n")
  execute_process(COMMAND ${KIOSK} --data ${OUT_DIR}/data --set-staff-pin INPUT_FILE ${OUT_DIR}/staff-pin.txt
                  RESULT_VARIABLE pin_status ERROR_VARIABLE pin_err OUTPUT_QUIET)
  if(NOT pin_status EQUAL 0)
    message(FATAL_ERROR "kiosk --set-staff-pin exited with ${pin_status}: ${pin_err}")
  endif()
endif()
# Removable drives the replay expects mounted: replays/NAME.drives lists directories to make
# under the data directory (the replay's configuration points its drive_roots there).
if(EXISTS ${replay_dir}/${replay_name}.drives)
  file(STRINGS ${replay_dir}/${replay_name}.drives drives)
  foreach(drive ${drives})
    file(MAKE_DIRECTORY ${OUT_DIR}/data/${drive})
  endforeach()
endif()
# What the store must already hold (HQ's answers, earlier records): replays/NAME.seed.sql,
# applied after a first start has created the database.
if(EXISTS ${replay_dir}/${replay_name}.seed.sql)
  file(WRITE ${OUT_DIR}/first-start.jsonl "{\"expect_screen\":\"home\"}\n")
  execute_process(COMMAND ${KIOSK} --headless --size ${SIZE} --data ${OUT_DIR}/data --replay ${OUT_DIR}/first-start.jsonl
                  RESULT_VARIABLE first_status ERROR_VARIABLE first_err OUTPUT_QUIET)
  if(NOT first_status EQUAL 0)
    message(FATAL_ERROR "the first start exited with ${first_status}: ${first_err}")
  endif()
  execute_process(COMMAND sqlite3 ${OUT_DIR}/data/kiosk.db INPUT_FILE ${replay_dir}/${replay_name}.seed.sql
                  RESULT_VARIABLE seed_status ERROR_VARIABLE seed_err)
  if(NOT seed_status EQUAL 0)
    message(FATAL_ERROR "seeding the store failed: ${seed_err}")
  endif()
endif()
execute_process(
  COMMAND ${KIOSK} --headless --size ${SIZE} --lang ${LANG} --data ${OUT_DIR}/data
          --replay ${REPLAY} --screenshots ${OUT_DIR}/shots
  RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "kiosk exited with ${status}: ${err}")
endif()
# What the replay must have left in the store: replays/NAME.expect holds lines "SQL => RESULT".
if(EXISTS ${replay_dir}/${replay_name}.expect)
  file(STRINGS ${replay_dir}/${replay_name}.expect checks)
  foreach(check ${checks})
    string(REGEX MATCH "^(.*) => (.*)$" matched "${check}")
    if(NOT matched)
      continue()
    endif()
    set(sql "${CMAKE_MATCH_1}")
    set(expected "${CMAKE_MATCH_2}")
    execute_process(COMMAND sqlite3 ${OUT_DIR}/data/kiosk.db "${sql}" OUTPUT_VARIABLE got OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE sql_status)
    if(NOT sql_status EQUAL 0 OR NOT got STREQUAL expected)
      message(FATAL_ERROR "store check failed: ${sql} gave '${got}', expected '${expected}'")
    endif()
  endforeach()
endif()

# Files the replay must have written: replays/NAME.files holds globs under the data
# directory, each of which must match exactly one file.
if(EXISTS ${replay_dir}/${replay_name}.files)
  file(STRINGS ${replay_dir}/${replay_name}.files patterns)
  foreach(pattern ${patterns})
    file(GLOB found ${OUT_DIR}/data/${pattern})
    list(LENGTH found found_count)
    if(NOT found_count EQUAL 1)
      message(FATAL_ERROR "expected one file matching ${pattern}, found ${found_count}: ${found}")
    endif()
  endforeach()
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
# The texts and controls each frame held, listed in the test log and in OUT_DIR/labels.txt.
execute_process(COMMAND ${LABELS_CHECK} ${OUT_DIR}/shots RESULT_VARIABLE labels_status
                OUTPUT_VARIABLE labels_out ERROR_VARIABLE labels_err)
file(WRITE ${OUT_DIR}/labels.txt "${labels_out}")
message(STATUS "What each screenshot shows (${OUT_DIR}/labels.txt):\n${labels_out}")
if(NOT labels_status EQUAL 0)
  string(APPEND failures "frame records: ${labels_err}")
endif()
# DESIGN.md's layout rules on the same records (tests/ui/layout_check.cpp); the violations a
# screen still has are listed in GOLDEN_DIR/layout.known and may only go away.
execute_process(COMMAND ${LAYOUT_CHECK} ${OUT_DIR}/shots ${SIZE} ${GOLDEN_DIR}/layout.known
                RESULT_VARIABLE layout_status OUTPUT_VARIABLE layout_out ERROR_VARIABLE layout_err)
message(STATUS "${layout_out}")
if(NOT layout_status EQUAL 0)
  string(APPEND failures "layout rules: ${layout_err}")
endif()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
