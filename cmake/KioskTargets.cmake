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

# kiosk_test(NAME SOURCES... LIBS ...) : a GoogleTest binary registered with ctest.
function(kiosk_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  kiosk_warnings(${name})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${T_LABELS}"
                       ENVIRONMENT "KIOSK_SHARE_DIR=${KIOSK_SHARE_DIR};SDL_VIDEODRIVER=offscreen")
endfunction()
