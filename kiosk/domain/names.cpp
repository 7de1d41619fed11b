// The name rule of validation.h: Arabic or Latin letters, harakat on letters, single spaces,
// a hyphen or apostrophe only between letters. Mixed scripts are refused: in a name they
// are far more often a disguise (look-alike letters) than a real spelling.
#include <optional>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {
namespace {

constexpr int kMaxMarksPerLetter = 3;  // e.g. shadda + vowel, with room for one more
constexpr int kMinLetters = 2;

bool is_letter(char32_t cp) { return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_L_MASK) != 0; }
bool is_mark(char32_t cp) { return u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK; }
bool is_joiner(char32_t cp) { return cp == U'-' || cp == U'\'' || cp == U'\u2019'; }

UScriptCode script_of(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    return U_FAILURE(status) ? USCRIPT_INVALID_CODE : script;
}

struct NameShape {
    std::string_view error;
    int letters = 0;
    int words = 0;
};

// Walks the cleaned name once, checking each code point against its neighbours.
NameShape shape_of(std::u32string_view name) {
    NameShape shape;
    bool arabic = false;
    bool latin = false;
    int marks = 0;
    bool after_letter = false;  // the previous code point was a letter or a mark on one
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char32_t cp = name[i];
        if (cp == U' ') {
            after_letter = false;
            continue;
        }
        if (is_joiner(cp)) {
            const bool next_letter = i + 1 < name.size() && is_letter(name[i + 1]);
            if (!after_letter || !next_letter) return {keys::name_invalid_character};
            after_letter = false;
            continue;
        }
        if (is_letter(cp)) {
            const UScriptCode script = script_of(cp);
            if (script == USCRIPT_ARABIC) arabic = true;
            else if (script == USCRIPT_LATIN) latin = true;
            else return {keys::name_invalid_character};
            if (!after_letter && (i == 0 || name[i - 1] == U' ')) ++shape.words;
            ++shape.letters;
            marks = 0;
            after_letter = true;
            continue;
        }
        const UScriptCode script = script_of(cp);
        const bool name_script = script == USCRIPT_INHERITED || script == USCRIPT_ARABIC || script == USCRIPT_LATIN;
        if (!is_mark(cp) || !after_letter || !name_script || ++marks > kMaxMarksPerLetter) {
            return {keys::name_invalid_character};
        }
    }
    if (arabic && latin) shape.error = keys::name_mixed_scripts;
    return shape;
}

}  // namespace

Checked<std::string> check_name(std::string_view input, NameRule rule) {
    const text::Cleaned cleaned = text::clean(input, {text::Lines::single, true, 4096});
    if (!cleaned.error.empty()) {
        return {{}, cleaned.error, cleaned.error == keys::too_long ? kNameMaxChars : 0};
    }
    if (cleaned.text.empty()) {
        if (rule.presence == Presence::optional) return {};
        return {{}, keys::required, 0};
    }
    if (text::visible_length(cleaned.text) > static_cast<std::size_t>(kNameMaxChars)) {
        return {{}, keys::too_long, kNameMaxChars};
    }
    const NameShape shape = shape_of(utf8::decode(cleaned.text).value_or(std::u32string{}));
    if (!shape.error.empty()) return {{}, shape.error, 0};
    if (shape.letters < kMinLetters) return {{}, keys::too_short, kMinLetters};
    if (rule.full_name && shape.words < 2) return {{}, keys::name_full_name_required, 0};
    return {cleaned.text, {}, 0};
}

}  // namespace kiosk::domain
