// Strict UTF-8 per RFC 3629 / Unicode 15 table 3-7; see utf8.h.
#include "kiosk/domain/utf8.h"

#include <cstdint>

namespace kiosk::domain::utf8 {
namespace {

// Number of continuation bytes for a lead byte, or -1 when the byte cannot start a sequence.
int trailing_count(std::uint8_t lead) {
    if (lead < 0x80) return 0;
    if (lead >= 0xC2 && lead <= 0xDF) return 1;
    if (lead >= 0xE0 && lead <= 0xEF) return 2;
    if (lead >= 0xF0 && lead <= 0xF4) return 3;
    return -1;  // continuation bytes, C0/C1 (always overlong), F5..FF (past U+10FFFF)
}

}  // namespace

std::optional<std::u32string> decode(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<std::uint8_t>(bytes[i]);
        const int trail = trailing_count(lead);
        if (trail < 0) return std::nullopt;
        const auto length = static_cast<std::size_t>(trail) + 1;
        if (bytes.size() - i < length) return std::nullopt;  // truncated at the end
        char32_t cp = trail == 0 ? lead : static_cast<char32_t>(lead & (0x3F >> trail));
        for (int k = 1; k <= trail; ++k) {
            const auto byte = static_cast<std::uint8_t>(bytes[i + static_cast<std::size_t>(k)]);
            if ((byte & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (byte & 0x3Fu);
        }
        // Overlong three- and four-byte forms, surrogates and values past the last plane.
        if (trail == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return std::nullopt;
        if (trail == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return std::nullopt;
        out.push_back(cp);
        i += length;
    }
    return out;
}

void append(std::string& out, char32_t cp) {
    auto push = [&out](char32_t byte) { out.push_back(static_cast<char>(static_cast<std::uint8_t>(byte))); };
    if (cp < 0x80) {
        push(cp);
    } else if (cp < 0x800) {
        push(0xC0 | (cp >> 6));
        push(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        push(0xE0 | (cp >> 12));
        push(0x80 | ((cp >> 6) & 0x3F));
        push(0x80 | (cp & 0x3F));
    } else {
        push(0xF0 | (cp >> 18));
        push(0x80 | ((cp >> 12) & 0x3F));
        push(0x80 | ((cp >> 6) & 0x3F));
        push(0x80 | (cp & 0x3F));
    }
}

std::string encode(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size());
    for (char32_t cp : cps) append(out, cp);
    return out;
}

}  // namespace kiosk::domain::utf8
