// Strict UTF-8 per RFC 3629 / Unicode table 3-7, decoded by ICU; see utf8.h.
#include "kiosk/domain/utf8.h"

#include <algorithm>
#include <climits>
#include <cstdint>

#include <unicode/utf8.h>

namespace kiosk::domain::utf8 {

std::int32_t next(std::string_view bytes, std::size_t& i) {
    // ICU's strict decoder, the same one ui/text uses: one definition of well-formed UTF-8.
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    auto at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
#pragma GCC diagnostic push  // ICU's macro casts in C style
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
    U8_NEXT(bytes.data(), at, length, c);
#pragma GCC diagnostic pop
    i = static_cast<std::size_t>(at);
    return c;
}

std::optional<std::u32string> decode(std::string_view bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const std::int32_t c = next(bytes, i);
        if (c < 0) return std::nullopt;
        out.push_back(static_cast<char32_t>(c));
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
