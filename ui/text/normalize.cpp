// NFC through ICU's Normalizer2 on UTF-8 directly (with Edits, to keep the offset map), plus
// the two substitutions that precede it. The common case (valid, already NFC, no digit
// change) costs one validation pass, one quick check and an identity map.
#include "ui/text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "ui/text/utf8.h"

namespace ui::text {
namespace {

const icu::Normalizer2* nfc() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    return U_SUCCESS(err) ? n : nullptr;
}

bool needs_substitution(std::string_view s, Digits digits) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (digits == Digits::ArabicIndic && c >= '0' && c <= '9') return true;
            ++i;
            continue;
        }
        const auto d = utf8::decode(s, i);
        if (!d.valid) return true;
        i += d.length;
    }
    return false;
}

// Replaces invalid sequences by U+FFFD and maps digits, recording the source offset per byte.
void substitute(std::string_view s, Digits digits, DisplayText& out) {
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        char32_t cp = d.cp;
        if (digits == Digits::ArabicIndic && cp >= U'0' && cp <= U'9') cp = 0x0660 + (cp - U'0');
        const std::size_t before = out.text.size();
        utf8::append(out.text, cp);
        out.to_source.insert(out.to_source.end(), out.text.size() - before, static_cast<std::uint32_t>(i));
        i += d.length;
    }
    out.to_source.push_back(static_cast<std::uint32_t>(s.size()));
}

// Applies NFC to out.text, composing the offset map through ICU's Edits.
void normalize_in_place(DisplayText& out) {
    const icu::Normalizer2* n = nfc();
    if (n == nullptr) return;
    UErrorCode err = U_ZERO_ERROR;
    if (n->isNormalizedUTF8(out.text, err) || U_FAILURE(err)) return;
    std::string result;
    icu::StringByteSink<std::string> sink(&result);
    icu::Edits edits;
    err = U_ZERO_ERROR;
    n->normalizeUTF8(0, out.text, sink, &edits, err);
    if (U_FAILURE(err)) return;
    std::vector<std::uint32_t> map(result.size() + 1, out.to_source.back());
    auto it = edits.getFineIterator();
    while (it.next(err)) {
        const auto src = static_cast<std::size_t>(it.sourceIndex());
        const auto dst = static_cast<std::size_t>(it.destinationIndex());
        const auto len = static_cast<std::size_t>(it.newLength());
        for (std::size_t k = 0; k < len; ++k) map[dst + k] = out.to_source[it.hasChange() ? src : src + k];
    }
    out.text = std::move(result);
    out.to_source = std::move(map);
}

}  // namespace

void prepare_display_text(std::string_view source, Digits digits, DisplayText& out) {
    out.text.clear();
    out.to_source.clear();
    if (needs_substitution(source, digits)) {
        substitute(source, digits, out);
    } else {
        out.text.assign(source);
        out.to_source.resize(source.size() + 1);
        for (std::size_t i = 0; i <= source.size(); ++i) out.to_source[i] = static_cast<std::uint32_t>(i);
    }
    normalize_in_place(out);
}

std::string to_nfc(std::string_view utf8_text) {
    const icu::Normalizer2* n = nfc();
    UErrorCode err = U_ZERO_ERROR;
    if (n == nullptr || n->isNormalizedUTF8(utf8_text, err) || U_FAILURE(err)) return std::string(utf8_text);
    std::string result;
    icu::StringByteSink<std::string> sink(&result);
    err = U_ZERO_ERROR;
    n->normalizeUTF8(0, utf8_text, sink, nullptr, err);
    return U_SUCCESS(err) ? result : std::string(utf8_text);
}

std::string localize_digits(std::string_view utf8_text, Digits digits) {
    std::string out;
    out.reserve(utf8_text.size());
    for (const char c : utf8_text) {
        if (digits == Digits::ArabicIndic && c >= '0' && c <= '9')
            utf8::append(out, static_cast<char32_t>(0x0660 + (c - '0')));
        else out.push_back(c);
    }
    return out;
}

bool is_bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

std::string sanitize_input(std::string_view utf8_text) {
    std::string kept;
    kept.reserve(utf8_text.size());
    for (std::size_t i = 0; i < utf8_text.size();) {
        const auto d = utf8::decode(utf8_text, i);
        i += d.length;
        if (!d.valid) continue;  // stored text must be valid; a broken byte is dropped, not guessed
        if (d.cp == 0x2028 || d.cp == 0x2029) {
            kept.push_back('\n');
            continue;
        }
        // Bidi controls would reorder what is shown; what else a form accepts is the
        // application's rule, applied as the visitor types (a field's filter).
        if (is_bidi_control(d.cp)) continue;
        utf8::append(kept, d.cp);
    }
    return to_nfc(kept);
}

}  // namespace ui::text
