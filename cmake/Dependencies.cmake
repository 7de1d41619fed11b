# Every third-party library comes from a Debian package (scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
include(GoogleTest)
find_package(SQLite3 REQUIRED)
find_package(CURL REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(Freetype REQUIRED)
if(KIOSK_BENCH)
  find_package(benchmark REQUIRED)
endif()

pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(MICROHTTPD REQUIRED IMPORTED_TARGET libmicrohttpd)
pkg_check_modules(GNUTLS REQUIRED IMPORTED_TARGET gnutls)
pkg_check_modules(PQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(QRCODEGEN REQUIRED IMPORTED_TARGET qrcodegencpp)
pkg_check_modules(RAQM IMPORTED_TARGET raqm)

# Dear ImGui's SDL2 platform and SDL_Renderer backends, compiled from the Debian package's
# examples (never copied into this repository). Not our code: no -Werror here.
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)
add_library(imgui_backends STATIC
  ${IMGUI_BACKENDS_DIR}/imgui_impl_sdl.cpp
  ${IMGUI_BACKENDS_DIR}/imgui_impl_sdlrenderer.cpp)
target_include_directories(imgui_backends PUBLIC /usr/include/imgui/backends)
target_link_libraries(imgui_backends PUBLIC PkgConfig::IMGUI PkgConfig::SDL2)
set_target_properties(imgui_backends PROPERTIES POSITION_INDEPENDENT_CODE ON)
