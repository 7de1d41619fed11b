// Field rules for identity numbers, mobiles, names, free text and numbers; see validation.h.
// Each checker first runs text::clean, so encoding and invisible-character refusals are the
// same for every field.
#include "kiosk/domain/validation.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"

namespace kiosk::domain {
namespace {

template <class T>
Checked<T> failure(std::string_view key, int limit = 0) {
    return Checked<T>{T{}, key, limit};
}

// Cleans a single-line field; on success the code points of the cleaned text.
struct Prepared {
    std::u32string cps;
    std::string_view error;
};
Prepared prepare(std::string_view input) {
    const text::Cleaned cleaned = text::clean(input, {text::Lines::single, false, 1024});
    if (!cleaned.error.empty()) return {{}, cleaned.error};
    return {utf8::decode(cleaned.text).value_or(std::u32string{}), {}};
}

bool luhn_ok(std::string_view digits) {
    int sum = 0;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        int d = digits[i] - '0';
        if ((n - i) % 2 == 0) {  // every second digit counting from the check digit
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

}  // namespace

Checked<std::string> check_national_id(std::string_view input) {
    const Prepared p = prepare(input);
    if (!p.error.empty()) return failure<std::string>(p.error);
    std::string digits;
    for (char32_t cp : p.cps) {
        if (cp == U' ' || cp == U'-') continue;
        const int d = text::digit_value(cp);
        if (d < 0) return failure<std::string>(keys::national_id_invalid_character);
        digits.push_back(static_cast<char>('0' + d));
    }
    if (digits.empty()) return failure<std::string>(keys::required);
    if (digits.size() != 10) return failure<std::string>(keys::national_id_length);
    if (digits[0] != '1' && digits[0] != '2') return failure<std::string>(keys::national_id_prefix);
    if (!luhn_ok(digits)) return failure<std::string>(keys::national_id_checksum);
    return {digits, {}, 0};
}

Checked<std::string> check_mobile(std::string_view input, Presence presence) {
    const Prepared p = prepare(input);
    if (!p.error.empty()) return failure<std::string>(p.error);
    std::string digits;
    bool plus = false;
    for (char32_t cp : p.cps) {
        if (cp == U' ' || cp == U'-' || cp == U'.' || cp == U'(' || cp == U')') continue;
        if (cp == U'+' && digits.empty() && !plus) {
            plus = true;
            continue;
        }
        const int d = text::digit_value(cp);
        if (d < 0) return failure<std::string>(keys::mobile_invalid_character);
        digits.push_back(static_cast<char>('0' + d));
    }
    if (digits.empty() && !plus) {
        return presence == Presence::required ? failure<std::string>(keys::required) : Checked<std::string>{};
    }
    std::string_view rest = digits;
    if (rest.starts_with("00966")) {
        rest.remove_prefix(5);
    } else if (rest.starts_with("966") && (plus || rest.size() >= 12)) {
        rest.remove_prefix(3);
    } else if (plus) {
        return failure<std::string>(keys::mobile_format);  // another country
    }
    if (rest.starts_with("0")) rest.remove_prefix(1);  // trunk prefix, also "+966 05…"
    if (rest.size() != 9 || rest[0] != '5') return failure<std::string>(keys::mobile_format);
    return {"0" + std::string(rest), {}, 0};
}

Checked<std::string> check_text(std::string_view input, TextRule rule) {
    const std::size_t max_bytes = std::max<std::size_t>(1024, static_cast<std::size_t>(rule.max_chars) * 16);
    const text::Lines lines = rule.multiline ? text::Lines::multiple : text::Lines::single;
    const text::Cleaned cleaned = text::clean(input, {lines, rule.strip_tatweel, max_bytes});
    if (!cleaned.error.empty()) {
        return failure<std::string>(cleaned.error, cleaned.error == keys::too_long ? rule.max_chars : 0);
    }
    if (cleaned.text.empty()) {
        return rule.presence == Presence::required ? failure<std::string>(keys::required) : Checked<std::string>{};
    }
    const std::size_t length = text::visible_length(cleaned.text);
    if (length < static_cast<std::size_t>(rule.min_chars)) return failure<std::string>(keys::too_short, rule.min_chars);
    if (length > static_cast<std::size_t>(rule.max_chars)) return failure<std::string>(keys::too_long, rule.max_chars);
    return {cleaned.text, {}, 0};
}

Checked<std::int64_t> check_whole_number(std::string_view input, std::int64_t min, std::int64_t max,
                                         std::string_view range_key) {
    const Prepared p = prepare(input);
    if (!p.error.empty()) return failure<std::int64_t>(p.error);
    constexpr std::int64_t kCap = std::numeric_limits<std::int64_t>::max() / 20;
    std::int64_t value = 0;
    bool negative = false;
    bool any_digit = false;
    for (char32_t cp : p.cps) {
        if (cp == U' ' || cp == U',' || cp == U'\u066C' || cp == U'\u060C') continue;
        if (cp == U'-' && !any_digit && !negative) {
            negative = true;
            continue;
        }
        const int d = text::digit_value(cp);
        if (d < 0) return failure<std::int64_t>(keys::number_invalid);
        any_digit = true;
        value = std::min(kCap, value * 10 + d);  // saturate: anything this large is out of range
    }
    if (!any_digit) return failure<std::int64_t>(p.cps.empty() ? keys::required : keys::number_invalid);
    if (negative) value = -value;
    if (value < min || value > max) return failure<std::int64_t>(range_key);
    return {value, {}, 0};
}

bool is_content_key(std::string_view key) {
    if (key.empty() || key.size() > 64) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

}  // namespace kiosk::domain
