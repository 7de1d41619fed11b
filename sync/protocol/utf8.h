// sync/protocol/utf8.h — reading one UTF-8 character strictly, for the checks on text from
// outside (record_schema.h) and HQ's escaping of it for logs (sync/hq/log_text.h).
// Not here: normalisation or anything about what the characters mean.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kiosk_sync::protocol {

// The length of the valid UTF-8 sequence at the start of text (1-4), with its code point in
// out; 0 when the bytes are not one: overlong forms, surrogates and values past U+10FFFF
// are not characters.
inline std::size_t decode_utf8(std::string_view text, char32_t& out) {
    if (text.empty()) return 0;
    auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    std::uint8_t lead = byte(0);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || length > text.size()) return 0;
    char32_t value = length == 1 ? lead : lead & (0x7Fu >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i) & 0x3Fu);
    }
    constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    out = value;
    return length;
}

}  // namespace kiosk_sync::protocol
