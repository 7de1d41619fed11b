// tests/fuzz/validation/validation_fuzz.h — one entry point shared by the libFuzzer target
// and the always-built GoogleTest: feed arbitrary bytes through every validator and check
// the promises that must hold for any input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk::domain::fuzz {

// Empty when every invariant held; otherwise a description of the first one broken.
std::string check_validation(const std::uint8_t* data, std::size_t size);

}  // namespace kiosk::domain::fuzz
