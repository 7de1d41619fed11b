// kiosk/domain/text.h — cleaning what a visitor typed before it is checked or stored.
// For: refusing malformed UTF-8, control, bidi and other invisible characters (so a name
// cannot disguise itself), NFC, collapsing whitespace, removing tatweel, reading digits in
// the three sets a Saudi visitor may type, masking numbers in text that stays in the clear.
// Not for: field rules (validation.h) or display (ui/text).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::domain::text {

enum class Lines { single, multiple };

struct CleanOptions {
    Lines lines = Lines::single;
    bool strip_tatweel = false;         // names and places: tatweel is decoration, not spelling
    std::size_t max_bytes = 16 * 1024;  // refuse before doing any work on absurd input
};

// `text` is NFC, trimmed, with every run of white space one ASCII space (and, for multiple
// lines, at most one empty line in a row). `error` is a message key, empty on success;
// on error `text` is empty.
struct Cleaned {
    std::string text;
    std::string_view error;
};
Cleaned clean(std::string_view input, CleanOptions options = {});

// What a visitor may type: the characters clean() accepts, the rest of `typed` dropped
// (malformed bytes, controls, invisible and unassigned characters; new lines unless `lines`
// is multiple). Text fields apply it as the visitor types, so the form never refuses what the
// visitor could type and cannot see.
std::string keep_typeable(std::string_view typed, Lines lines);

// What a visitor would call the length: code points that are not combining marks, so a
// fully vowelled Arabic name is as long as the same name without harakat.
std::size_t visible_length(std::string_view utf8);

// 0..9 for ASCII, Arabic-Indic (U+0660..0669) and Eastern Arabic-Indic (U+06F0..06F9)
// digits; -1 for anything else.
int digit_value(char32_t cp);

// White space as Unicode defines it (so no-break spaces too).
bool is_space(char32_t cp);

inline constexpr char32_t kTatweel = U'\u0640';

// Replaces runs of five or more digits (in any digit set, allowing single spaces, dashes,
// dots or slashes between groups) and e-mail-like words with "•••". Used for text kept in
// the clear on the kiosk, such as rating comments, where a phone or ID number must not be.
std::string redact_contact_details(std::string_view clean_utf8);

}  // namespace kiosk::domain::text
