// UUID formatting per RFC 9562; see ids.h.
#include "kiosk/domain/ids.h"

#include <array>

namespace kiosk::domain {
namespace {

using Bytes = std::array<std::uint8_t, 16>;

std::string format_uuid(const Bytes& b) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0x0F]);
    }
    return out;
}

void set_version_and_variant(Bytes& b, std::uint8_t version) {
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
}

}  // namespace

std::string new_uuid_v7(std::int64_t unix_ms, const RandomSource& random) {
    Bytes b{};
    random(b);
    const auto ms = static_cast<std::uint64_t>(unix_ms);
    for (std::size_t i = 0; i < 6; ++i) {
        b[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    }
    set_version_and_variant(b, 7);
    return format_uuid(b);
}

std::string new_uuid_v4(const RandomSource& random) {
    Bytes b{};
    random(b);
    set_version_and_variant(b, 4);
    return format_uuid(b);
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

}  // namespace kiosk::domain
