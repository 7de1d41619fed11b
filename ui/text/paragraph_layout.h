// One paragraph through the pipeline: bidi → itemize → shape (whole paragraph as context) →
// break lines on shaped widths → re-shape only items a break cuts where HarfBuzz says it is
// unsafe → reorder each line. Owns the scratch buffers so a warm engine allocates little.
//
// Not for: paragraph splitting, truncation, alignment or baselines (engine.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/text/bidi.h"
#include "ui/text/itemize.h"
#include "ui/text/line_breaker.h"
#include "ui/text/reorder.h"
#include "ui/text/shaper.h"
#include "ui/text/text.h"

namespace ui::text {

class FontSet;

struct LineSource {
    std::uint32_t begin = 0;  // paragraph byte offsets of the line (LineSpan)
    std::uint32_t end = 0;
    std::uint32_t visible_end = 0;
};

class ParagraphLayouter {
public:
    ParagraphLayouter(const FontSet& fonts, Shaper& shaper, LineBreaker& breaker);

    // Appends the paragraph's lines (x and baseline left at 0) to `lines`, and where each came
    // from to `sources`. Returns whether the paragraph resolved right-to-left.
    bool layout(std::string_view paragraph, std::span<const std::uint32_t> to_source, const Style& style,
                float max_width, Direction direction, std::vector<Line>& lines, std::vector<LineSource>* sources);

    // 26.6 width of the whole paragraph as shaped on one line (for the ellipsis).
    std::int64_t measure(std::string_view paragraph, const Style& style, Direction direction);

private:
    void shape_paragraph(std::string_view p, const Style& style, std::uint32_t size26);
    void build_line(std::string_view p, const LineSpan& span, std::uint32_t size26,
                    std::span<const std::uint32_t> to_source, Line& line);
    std::pair<std::uint32_t, std::uint32_t> glyphs_in(std::size_t item, std::uint32_t from, std::uint32_t to) const;
    bool safe_to_break(std::size_t item, std::uint32_t at) const;
    bool shrink_span(std::string_view p, std::size_t i);

    const FontSet& fonts_;
    Shaper& shaper_;
    LineBreaker& breaker_;
    BidiParagraph bidi_;
    std::vector<Item> items_;
    std::vector<std::uint32_t> item_glyphs_;  // items_.size() + 1 offsets into glyphs_
    std::vector<ShapedGlyph> glyphs_;
    std::vector<std::int64_t> width_before_;
    std::vector<LineSpan> spans_;
    std::vector<LineItem> line_items_;
    std::vector<ShapedGlyph> line_glyphs_;
    std::vector<ShapedGlyph> reshaped_;
    std::vector<VisualRun> runs_;
};

std::uint32_t to_26_6(float px);

}  // namespace ui::text
