// Text cleaning with ICU character properties and NFC; see text.h.
#include "kiosk/domain/text.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/utf8.h"

namespace kiosk::domain::text {
namespace {

enum class CharClass { allowed, invisible, unsupported };

CharClass classify(char32_t cp, Lines lines) {
    if (cp == U'\n') return lines == Lines::multiple ? CharClass::allowed : CharClass::invisible;
    const auto c = static_cast<UChar32>(cp);
    switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:  // bidi embeddings, overrides, isolates, marks; ZWJ/ZWNJ; BOM
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR: return CharClass::invisible;
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:  // includes noncharacters
    case U_SURROGATE: return CharClass::unsupported;
    default: break;
    }
    // Variation selectors, the combining grapheme joiner, Hangul fillers: they draw
    // nothing yet change what a string compares equal to.
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CharClass::invisible;
    return CharClass::allowed;
}

// Tatweel removal and white-space collapsing, before NFC: removing a starter such as
// tatweel after NFC could leave two mark sequences in non-canonical order.
std::u32string collapse(std::u32string_view in, bool strip_tatweel) {
    std::u32string out;
    out.reserve(in.size());
    bool space = false;
    std::size_t newlines = 0;
    for (char32_t cp : in) {
        if (strip_tatweel && cp == kTatweel) continue;
        if (cp == U'\n') {
            ++newlines;
            space = false;
            continue;
        }
        if (is_space(cp)) {
            space = true;
            continue;
        }
        if (!out.empty()) {
            if (newlines > 0) {
                out.append(std::min<std::size_t>(newlines, 2), U'\n');
            } else if (space) {
                out.push_back(U' ');
            }
        }
        newlines = 0;
        space = false;
        out.push_back(cp);
    }
    return out;
}

// NFC on the UTF-8 itself (no UTF-16 copy), and no copy at all when already NFC: what a
// visitor types nearly always is.
std::string to_nfc(std::string utf8_text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) return utf8_text;  // no ICU data: keep as typed
    if (nfc->isNormalizedUTF8(utf8_text, status) || U_FAILURE(status)) return utf8_text;
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, utf8_text, sink, nullptr, status);
    return U_SUCCESS(status) ? out : utf8_text;
}

}  // namespace

bool is_space(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0; }

int digit_value(char32_t cp) {
    if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
    if (cp >= U'\u0660' && cp <= U'\u0669') return static_cast<int>(cp - U'\u0660');
    if (cp >= U'\u06F0' && cp <= U'\u06F9') return static_cast<int>(cp - U'\u06F0');
    return -1;
}

Cleaned clean(std::string_view input, CleanOptions options) {
    if (input.size() > options.max_bytes) return {{}, keys::too_long};
    const std::optional<std::u32string> cps = utf8::decode(input);
    if (!cps) return {{}, keys::invalid_encoding};
    for (char32_t cp : *cps) {
        switch (classify(cp, options.lines)) {
        case CharClass::invisible: return {{}, keys::invisible_character};
        case CharClass::unsupported: return {{}, keys::unsupported_character};
        case CharClass::allowed: break;
        }
    }
    return {to_nfc(utf8::encode(collapse(*cps, options.strip_tatweel))), {}};
}

std::string keep_typeable(std::string_view typed, Lines lines) {
    std::string kept;
    kept.reserve(typed.size());
    for (std::size_t i = 0; i < typed.size();) {
        const std::int32_t c = utf8::next(typed, i);
        if (c >= 0 && classify(static_cast<char32_t>(c), lines) == CharClass::allowed)
            utf8::append(kept, static_cast<char32_t>(c));
    }
    return kept;
}

std::size_t visible_length(std::string_view utf8_text) {
    const std::optional<std::u32string> cps = utf8::decode(utf8_text);
    if (!cps) return utf8_text.size();
    return static_cast<std::size_t>(std::count_if(cps->begin(), cps->end(), [](char32_t cp) {
        const auto type = u_charType(static_cast<UChar32>(cp));
        return type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK;
    }));
}

}  // namespace kiosk::domain::text
