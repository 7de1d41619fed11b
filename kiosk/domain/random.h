// kiosk/domain/random.h — where identifiers get their randomness.
// For: letting tests hand in a predictable source while the kiosk uses the system CSPRNG
// (libsodium's randombytes). Not for: keys or anything secret (that is libsodium directly).
#pragma once

#include <cstdint>
#include <functional>
#include <span>

namespace kiosk::domain {

// Fills the span with random bytes.
using RandomSource = std::function<void(std::span<std::uint8_t>)>;

RandomSource system_random();

}  // namespace kiosk::domain
