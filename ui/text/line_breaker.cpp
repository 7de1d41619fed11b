// Greedy first-fit over ICU break opportunities. The iterators read the UTF-8 paragraph
// through a UText, so break positions are byte offsets with no UTF-16 copy.
#include "ui/text/line_breaker.h"

#include <unicode/locid.h>
#include <unicode/utext.h>

#include "ui/text/utf8.h"

namespace ui::text {

bool is_hanging_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0x3000 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x205F || cp == 0x2028;
}

LineBreaker::LineBreaker() {
    UErrorCode err = U_ZERO_ERROR;
    lines_.reset(icu::BreakIterator::createLineInstance(icu::Locale("ar"), err));
    err = U_ZERO_ERROR;
    graphemes_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
}

LineBreaker::~LineBreaker() { utext_close(&text_); }

std::uint32_t LineBreaker::trim(std::uint32_t begin, std::uint32_t end) const {
    while (end > begin) {
        std::uint32_t start = end - 1;
        while (start > begin && utf8::is_continuation(para_[start])) --start;
        if (!is_hanging_space(utf8::decode(para_, start).cp)) break;
        end = start;
    }
    return end;
}

void LineBreaker::emit(std::uint32_t begin, std::uint32_t end, bool last, std::vector<LineSpan>& out) const {
    out.push_back({begin, end, last ? end : trim(begin, end)});
}

std::uint32_t LineBreaker::split_long_word(std::uint32_t start, std::uint32_t stop, std::vector<LineSpan>& out) {
    auto width = [&](std::uint32_t a, std::uint32_t b) { return width_[trim(a, b)] - width_[a]; };
    while (width(start, stop) > max_) {
        std::uint32_t fit = start;
        for (int32_t g = graphemes_->following(static_cast<int32_t>(start));
             g != icu::BreakIterator::DONE && static_cast<std::uint32_t>(g) <= stop; g = graphemes_->next()) {
            const auto gu = static_cast<std::uint32_t>(g);
            if (fit != start && width_[gu] - width_[start] > max_) break;
            fit = gu;  // at least one character per line, however narrow the box
        }
        if (fit == start || fit >= stop) break;
        emit(start, fit, false, out);
        start = fit;
    }
    return start;
}

void LineBreaker::break_lines(std::string_view p, std::span<const std::int64_t> width_before, std::int64_t max_width,
                              std::vector<LineSpan>& out) {
    out.clear();
    const auto n = static_cast<std::uint32_t>(p.size());
    if (n == 0 || !lines_ || !graphemes_) {
        out.push_back({0, n, n});
        return;
    }
    para_ = p;
    width_ = width_before;
    max_ = max_width;
    UErrorCode err = U_ZERO_ERROR;
    utext_openUTF8(&text_, p.data(), static_cast<int64_t>(p.size()), &err);
    lines_->setText(&text_, err);
    graphemes_->setText(&text_, err);
    if (U_FAILURE(err)) {
        out.push_back({0, n, n});
        return;
    }
    std::uint32_t start = 0;
    std::uint32_t candidate = 0;  // last break after `start` that fits; 0 = none yet
    for (int32_t b = lines_->following(0); b != icu::BreakIterator::DONE; b = lines_->next()) {
        const auto bu = static_cast<std::uint32_t>(b);
        const bool hard = lines_->getRuleStatus() >= UBRK_LINE_HARD && bu < n;
        for (;;) {
            const bool fits = max_ <= 0 || width_[trim(start, bu)] - width_[start] <= max_;
            if (fits) break;
            if (candidate > start) {
                emit(start, candidate, false, out);
                start = candidate;
                continue;
            }
            start = split_long_word(start, bu, out);
            break;
        }
        candidate = bu;
        if (hard) {
            emit(start, bu, false, out);
            start = bu;
        }
    }
    if (start < n || out.empty()) emit(start, n, true, out);
}

std::uint32_t LineBreaker::previous_grapheme(std::string_view text, std::uint32_t index) {
    if (index == 0 || !graphemes_) return 0;
    if (index > text.size()) index = static_cast<std::uint32_t>(text.size());
    UErrorCode err = U_ZERO_ERROR;
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &err);
    graphemes_->setText(&text_, err);
    const int32_t b = graphemes_->preceding(static_cast<int32_t>(index));
    return b == icu::BreakIterator::DONE ? 0 : static_cast<std::uint32_t>(b);
}

}  // namespace ui::text
