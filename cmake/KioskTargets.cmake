# Helpers shared by every folder: strict warnings for our own code, optional sanitizers.

set(KIOSK_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wno-sign-conversion
    -Wnull-dereference -Wdouble-promotion -Wformat=2 -Werror
    # Designated initializers leave the other members at their defaults on purpose.
    -Wno-missing-field-initializers)

if(KIOSK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# kiosk_library(NAME SOURCES... ) : a static library with our warnings.
function(kiosk_warnings target)
  target_compile_options(${target} PRIVATE ${KIOSK_WARNINGS})
endfunction()

function(kiosk_library name)
  add_library(${name} STATIC ${ARGN})
  kiosk_warnings(${name})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()

function(kiosk_executable name)
  add_executable(${name} ${ARGN})
  kiosk_warnings(${name})
endfunction()

# kiosk_test(NAME SOURCES... LIBS ... LABELS ... [SUFFIX S]) : a GoogleTest binary registered
# with ctest; SUFFIX is appended to each test's name (one source built twice, e.g. per engine).
function(kiosk_test name)
  cmake_parse_arguments(T "" "SUFFIX" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  kiosk_warnings(${name})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 TEST_SUFFIX "${T_SUFFIX}"
                       PROPERTIES ENVIRONMENT "KIOSK_SHARE_DIR=${KIOSK_SHARE_DIR};SDL_VIDEODRIVER=offscreen")
  # Labels are set after discovery: gtest_discover_tests (CMake 3.25) splits a list value into
  # separate arguments, so a second label would be read as the name of another property.
  set(label_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${label_file}
       "if(${name}_TESTS)\n  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"${T_LABELS}\")\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${label_file})
endfunction()
