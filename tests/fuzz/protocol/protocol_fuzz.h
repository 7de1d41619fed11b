// tests/fuzz/protocol/protocol_fuzz.h — one entry point that feeds untrusted bytes to every
// parser HQ and the kiosk expose to each other (records, batches, replies, status pages,
// errors, bundles, hex keys, timestamps, Retry-After) and checks what must hold: no crash,
// encoding after decoding is a fixed point, builders produce what the parsers accept.
// Shared by the libFuzzer target and an always-built GoogleTest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk_sync::fuzz {

// "" when every invariant held, else a description of the first that broke.
std::string check_protocol(const std::uint8_t* data, std::size_t size);

}  // namespace kiosk_sync::fuzz
