// Masking of phone numbers, ID numbers and e-mail addresses in text kept in the clear;
// declared in text.h. Deliberately coarse: it errs towards masking a long amount of money
// rather than leaving a number someone can call.
#include <optional>

#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"

namespace kiosk::domain::text {
namespace {

constexpr std::size_t kMaskDigits = 5;
constexpr std::u32string_view kMask = U"\u2022\u2022\u2022";

bool is_digit_separator(char32_t cp) { return cp == U' ' || cp == U'-' || cp == U'.' || cp == U'/'; }

// End of the number-like span starting at a digit at `begin`, and how many digits it holds.
std::size_t number_span_end(std::u32string_view s, std::size_t begin, std::size_t& digits) {
    std::size_t i = begin;
    digits = 0;
    while (i < s.size()) {
        if (digit_value(s[i]) >= 0) {
            ++digits;
            ++i;
        } else if (is_digit_separator(s[i]) && i + 1 < s.size() && digit_value(s[i + 1]) >= 0) {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

std::u32string mask_numbers(std::u32string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (digit_value(s[i]) < 0) {
            out.push_back(s[i++]);
            continue;
        }
        std::size_t digits = 0;
        const std::size_t end = number_span_end(s, i, digits);
        if (digits >= kMaskDigits) {
            if (!out.empty() && out.back() == U'+') out.pop_back();  // +9665...
            out.append(kMask);
        } else {
            out.append(s.substr(i, end - i));
        }
        i = end;
    }
    return out;
}

std::u32string mask_emails(std::u32string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t end = i;
        while (end < s.size() && !is_space(s[end])) ++end;
        const std::u32string_view word = s.substr(i, end - i);
        const std::size_t at = word.find(U'@');
        const bool email = at != std::u32string_view::npos && at > 0 && at + 1 < word.size();
        out.append(email ? kMask : word);
        while (end < s.size() && is_space(s[end])) out.push_back(s[end++]);
        i = end;
    }
    return out;
}

}  // namespace

std::string redact_contact_details(std::string_view clean_utf8) {
    const std::optional<std::u32string> cps = utf8::decode(clean_utf8);
    if (!cps) return {};
    return utf8::encode(mask_numbers(mask_emails(*cps)));
}

}  // namespace kiosk::domain::text
