// Escaping untrusted text for logs and terminals; see log_text.h.
#include "sync/hq/log_text.h"

#include "sync/protocol/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace kiosk_sync::hq {

namespace {

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
        std::size_t length = protocol::decode_utf8(text, c);
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
