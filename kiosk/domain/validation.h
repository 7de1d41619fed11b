// kiosk/domain/validation.h — one field at a time: is what the visitor typed acceptable,
// and what is its normalised form?
// For: the record validators (records.h) and the UI, which may check a field when it loses
// focus. Every failure is a message key from message_keys.h, never text.
// Not for: cross-field rules (records.cpp) or storage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::domain {

// The outcome of checking one field. On success `error` is empty and `value` holds the
// normalised form (empty for an optional field left blank); on failure `value` is default.
// `limit` qualifies too_short / too_long (the minimum or maximum number of characters).
template <class T>
struct Checked {
    T value{};
    std::string_view error;
    int limit = 0;
    bool ok() const { return error.empty(); }
};

enum class Presence { required, optional };

// National ID (first digit 1) or iqama (first digit 2): 10 digits with a Luhn check digit.
// Digits in any of the three sets; spaces and dashes between them are ignored.
// value: the 10 ASCII digits.
Checked<std::string> check_national_id(std::string_view input);

// Saudi mobile: 05XXXXXXXX, also written 5XXXXXXXX, +9665…, 009665…, 9665… (with or without
// the trunk 0 after the country code), in any digit set, with spaces, dashes, dots or
// parentheses. value: "05" and eight ASCII digits, or empty when optional and blank.
Checked<std::string> check_mobile(std::string_view input, Presence presence = Presence::required);

// A person's name in Arabic or Latin letters (not both), harakat allowed, hyphen or
// apostrophe only between letters. value: NFC, tatweel removed, single spaces.
struct NameRule {
    Presence presence = Presence::required;
    bool full_name = false;  // at least two words: given and family name
};
inline constexpr int kNameMaxChars = 100;
Checked<std::string> check_name(std::string_view input, NameRule rule = {});

// Free text: no invisible or unsupported characters, length within [min_chars, max_chars].
struct TextRule {
    Presence presence = Presence::required;
    int min_chars = 1;
    int max_chars = 1000;
    bool multiline = false;
    bool strip_tatweel = false;
};
Checked<std::string> check_text(std::string_view input, TextRule rule);

// A whole number typed in any digit set, thousands separators (, ٬ ،) and spaces ignored;
// `range_key` when it is outside [min, max].
Checked<std::int64_t> check_whole_number(std::string_view input, std::int64_t min, std::int64_t max,
                                         std::string_view range_key);

// A content key (service, skill, …): lower-case ASCII letters, digits, '_', '-', '.'; 1–64.
bool is_content_key(std::string_view key);

}  // namespace kiosk::domain
