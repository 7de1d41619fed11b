// Escaping untrusted text for logs and terminals; see log_text.h.
#include "sync/hq/log_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace kiosk_sync::hq {

namespace {

// The length of the valid UTF-8 sequence at the start of text and its code point; 0 when
// the bytes are not one (overlong forms, surrogates and values past U+10FFFF included).
std::size_t decode(std::string_view text, char32_t& out) {
    auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    std::uint8_t lead = byte(0);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || length > text.size()) return 0;
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i) & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    out = value;
    return length;
}

// Characters a terminal acts on or that reorder what is shown around them.
bool is_hidden_control(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || (c >= 0x200E && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    out.reserve(std::min(text.size(), max_bytes) + 8);
    char escape[16];
    while (!text.empty()) {
        char32_t c = 0;
        std::size_t length = decode(text, c);
        std::string_view piece;
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(static_cast<std::uint8_t>(text[0])));
            piece = escape;
            length = 1;
        } else if (is_hidden_control(c) || c == '\\') {
            if (c == '\\') std::snprintf(escape, sizeof escape, "\\\\");
            else std::snprintf(escape, sizeof escape, "\\u{%04X}", static_cast<unsigned>(c));
            piece = escape;
        } else {
            piece = text.substr(0, length);
        }
        if (out.size() + piece.size() > max_bytes) {
            out += "…";
            break;
        }
        out += piece;
        text.remove_prefix(length);
    }
    return out;
}

}  // namespace kiosk_sync::hq
