// Line breaking: ICU's line BreakIterator proposes break opportunities, shaped widths decide
// which are taken (greedy, first fit). A word wider than the line is split between
// user-perceived characters. Trailing spaces of a wrapped line hang: they belong to the line
// but take no width.
//
// Not for: re-shaping at the breaks (engine.cpp decides, from HarfBuzz's unsafe-to-break
// flags) or anything visual.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace ui::text {

struct LineSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;          // next line starts here
    std::uint32_t visible_end = 0;  // end without hanging spaces (== end on a paragraph's last line)
};

class LineBreaker {
public:
    LineBreaker();
    ~LineBreaker();
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;

    // `width_before[i]` is the shaped width (any unit) of bytes [0, i); max_width <= 0 means
    // no wrapping (hard line breaks only).
    void break_lines(std::string_view paragraph, std::span<const std::int64_t> width_before, std::int64_t max_width,
                     std::vector<LineSpan>& out);

    // Last grapheme boundary strictly before / first strictly after `index` (clamped).
    std::uint32_t previous_grapheme(std::string_view text, std::uint32_t index);

private:
    std::uint32_t split_long_word(std::uint32_t start, std::uint32_t stop, std::vector<LineSpan>& out);
    void emit(std::uint32_t begin, std::uint32_t end, bool last, std::vector<LineSpan>& out) const;
    std::uint32_t trim(std::uint32_t begin, std::uint32_t end) const;

    std::unique_ptr<icu::BreakIterator> lines_;
    std::unique_ptr<icu::BreakIterator> graphemes_;
    UText text_ = UTEXT_INITIALIZER;
    std::string_view para_;
    std::span<const std::int64_t> width_;
    std::int64_t max_ = 0;
};

// True for the spaces that hang at the end of a wrapped line.
bool is_hanging_space(char32_t cp);

}  // namespace ui::text
