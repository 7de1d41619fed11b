// Grapheme boundaries come from ICU's character BreakIterator over the UTF-8 directly; the
// one deliberate exception to grapheme clusters is Arabic marks on backspace (see editing.h).
#include "ui/text/editing.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <memory>

#include "ui/text/text.h"
#include "ui/text/utf8.h"

namespace ui::text {
namespace {

// One character iterator per thread; creating one costs far more than a boundary query.
icu::BreakIterator* graphemes(std::string_view text) {
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode err = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
        return U_SUCCESS(err) ? std::move(b) : nullptr;
    }();
    if (!it) return nullptr;
    UText ut = UTEXT_INITIALIZER;
    UErrorCode err = U_ZERO_ERROR;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &err);
    it->setText(&ut, err);  // the iterator keeps a shallow clone; the bytes must outlive the call
    utext_close(&ut);
    return U_SUCCESS(err) ? it.get() : nullptr;
}

std::size_t code_point_start(std::string_view s, std::size_t index) {
    while (index > 0 && index < s.size() && utf8::is_continuation(s[index])) --index;
    return index;
}

bool is_arabic_mark(char32_t cp) {
    if (u_charType(static_cast<UChar32>(cp)) != U_NON_SPACING_MARK) return false;
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    if (sc == USCRIPT_ARABIC) return true;
    // Harakat are Script=Inherited but Script_Extensions include Arabic.
    return uscript_hasScript(static_cast<UChar32>(cp), USCRIPT_ARABIC) != 0;
}

}  // namespace

std::size_t previous_boundary(std::string_view s, std::size_t index) {
    if (index > s.size()) index = s.size();
    index = code_point_start(s, index);
    if (index == 0) return 0;
    const std::size_t last = code_point_start(s, index - 1);
    if (is_arabic_mark(utf8::decode(s, last).cp)) return last;
    icu::BreakIterator* it = graphemes(s);
    if (it == nullptr) return last;
    const int32_t b = it->preceding(static_cast<int32_t>(index));
    return b == icu::BreakIterator::DONE ? 0 : static_cast<std::size_t>(b);
}

std::size_t next_boundary(std::string_view s, std::size_t index) {
    if (index >= s.size()) return s.size();
    icu::BreakIterator* it = graphemes(s);
    if (it == nullptr)
        return std::min(s.size(), code_point_start(s, index) + utf8::decode(s, code_point_start(s, index)).length);
    const int32_t b = it->following(static_cast<int32_t>(index));
    return b == icu::BreakIterator::DONE ? s.size() : static_cast<std::size_t>(b);
}

std::string_view erase_last_character(std::string_view utf8_text) {
    return utf8_text.substr(0, previous_boundary(utf8_text, utf8_text.size()));
}

void EditState::insert(std::string_view typed) {
    const std::string clean = sanitize_input(typed);
    caret = std::min(code_point_start(text, std::min(caret, text.size())), text.size());
    text.insert(caret, clean);
    caret += clean.size();
}

void EditState::backspace() {
    caret = std::min(caret, text.size());
    const std::size_t from = previous_boundary(text, caret);
    text.erase(from, caret - from);
    caret = from;
}

void EditState::erase_forward() {
    caret = std::min(caret, text.size());
    const std::size_t to = next_boundary(text, caret);
    text.erase(caret, to - caret);
}

void EditState::set_text(std::string_view utf8_text) {
    text = sanitize_input(utf8_text);
    caret = text.size();
}

}  // namespace ui::text
