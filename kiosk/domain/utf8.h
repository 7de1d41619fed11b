// kiosk/domain/utf8.h — strict UTF-8 decoding and encoding for visitor input.
// For: turning the bytes a text field hands us into code points and back, refusing every
// malformed sequence (overlong forms, surrogates, values past U+10FFFF) instead of guessing.
// Not for: normalisation or character classes; that is text.h, with ICU.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::domain::utf8 {

// The code point at bytes[i], with i moved past it; negative for a malformed sequence, whose
// maximal subpart i then skips.
std::int32_t next(std::string_view bytes, std::size_t& i);

// The code points of `bytes`, or nothing when `bytes` is not well-formed UTF-8.
std::optional<std::u32string> decode(std::string_view bytes);

// Appends the UTF-8 form of `cp` (a Unicode scalar value) to `out`.
void append(std::string& out, char32_t cp);

std::string encode(std::u32string_view cps);

}  // namespace kiosk::domain::utf8
