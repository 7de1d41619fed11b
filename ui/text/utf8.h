// UTF-8 decoding helpers shared by every stage of ui/text. Header-only and allocation-free;
// the decoding itself is ICU's, the one UTF-8 decoder of the project (kiosk/domain uses it too).
//
// Not for: validation policy (normalize.cpp decides what an invalid byte becomes) or any
// conversion that ICU does better (UTF-16 lives only inside bidi.cpp and line_breaker.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace ui::text::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
    char32_t cp = kReplacement;
    std::uint32_t length = 1;  // bytes consumed, at least 1 so loops always advance
    bool valid = false;
};

// Decodes one code point at s[i] with ICU's strict decoder (U8_NEXT: no overlongs,
// surrogates or values past U+10FFFF); an ill-formed sequence consumes its maximal subpart.
inline Decoded decode(std::string_view s, std::size_t i) {
    auto at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
#pragma GCC diagnostic push  // ICU's macro casts in C style
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
    U8_NEXT(s.data(), at, static_cast<std::int32_t>(s.size()), c);
#pragma GCC diagnostic pop
    const auto length = static_cast<std::uint32_t>(at - static_cast<std::int32_t>(i));
    if (c < 0) return {kReplacement, length, false};
    return {static_cast<char32_t>(c), length, true};
}

inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace ui::text::utf8
