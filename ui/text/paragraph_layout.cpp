// The glue of the per-paragraph stages. Widths for line breaking come from the paragraph
// shaped once with full context; a line re-shapes an item only when the break falls where
// HarfBuzz flagged the glyph unsafe to break (e.g. inside an Arabic word split because it
// is longer than the line), so ordinary wrapping at spaces shapes each item exactly once.
#include "ui/text/paragraph_layout.h"

#include <algorithm>
#include <cmath>

#include "ui/text/font_set.h"

namespace ui::text {

std::uint32_t to_26_6(float px) {
    const float clamped = std::clamp(px, 1.0f, 4096.0f);
    return static_cast<std::uint32_t>(std::lround(clamped * 64.0f));
}

ParagraphLayouter::ParagraphLayouter(const FontSet& fonts, Shaper& shaper, LineBreaker& breaker)
    : fonts_(fonts), shaper_(shaper), breaker_(breaker) {}

void ParagraphLayouter::shape_paragraph(std::string_view p, const Style& style, std::uint32_t size26) {
    itemize(p, bidi_.byte_levels(), fonts_, fonts_.chain(style.weight), items_);
    glyphs_.clear();
    item_glyphs_.clear();
    for (const Item& item : items_) {
        item_glyphs_.push_back(static_cast<std::uint32_t>(glyphs_.size()));
        shaper_.shape(p, 0, static_cast<std::uint32_t>(p.size()), item, size26, glyphs_);
    }
    item_glyphs_.push_back(static_cast<std::uint32_t>(glyphs_.size()));
    width_before_.assign(p.size() + 1, 0);
    for (const ShapedGlyph& g : glyphs_) width_before_[g.cluster + 1] += g.advance;
    for (std::size_t i = 1; i < width_before_.size(); ++i) width_before_[i] += width_before_[i - 1];
}

bool ParagraphLayouter::safe_to_break(std::size_t item, std::uint32_t at) const {
    bool found = false;
    for (std::uint32_t g = item_glyphs_[item]; g < item_glyphs_[item + 1]; ++g) {
        if (glyphs_[g].cluster != at) continue;
        if (glyphs_[g].unsafe_to_break) return false;
        found = true;
    }
    return found;  // a break inside a cluster is never safe
}

void ParagraphLayouter::build_line(std::string_view p, const LineSpan& span, std::uint32_t size26,
                                   std::span<const std::uint32_t> to_source, Line& line) {
    line_items_.clear();
    line_glyphs_.clear();
    for (std::size_t k = 0; k < items_.size(); ++k) {
        const Item& item = items_[k];
        if (item.end <= span.begin || item.begin >= span.visible_end) continue;
        Item clipped = item;
        clipped.begin = std::max(span.begin, item.begin);
        clipped.end = std::min(span.end, item.end);
        const bool cut_front = item.begin < span.begin && !safe_to_break(k, span.begin);
        const bool cut_back = item.end > span.end && !safe_to_break(k, span.end);
        const ShapedGlyph* src = glyphs_.data() + item_glyphs_[k];
        std::size_t count = item_glyphs_[k + 1] - item_glyphs_[k];
        if (cut_front || cut_back) {
            reshaped_.clear();
            shaper_.shape(p, span.begin, span.end, clipped, size26, reshaped_);
            src = reshaped_.data();
            count = reshaped_.size();
        }
        LineItem li{clipped, static_cast<std::uint32_t>(line_glyphs_.size()), 0};
        for (std::size_t g = 0; g < count; ++g)
            if (src[g].cluster >= clipped.begin && src[g].cluster < std::min(clipped.end, span.visible_end))
                line_glyphs_.push_back(src[g]);
        li.glyph_end = static_cast<std::uint32_t>(line_glyphs_.size());
        line_items_.push_back(li);
    }
    bidi_.visual_runs(span.begin, span.visible_end, runs_);
    reorder_line(runs_, line_items_, line_glyphs_, to_source, line);
    line.begin = to_source[span.begin];
    line.end = to_source[span.end];
    line.rtl = bidi_.rtl();
}

bool ParagraphLayouter::layout(std::string_view p, std::span<const std::uint32_t> to_source, const Style& style,
                               float max_width, Direction direction, std::vector<Line>& lines,
                               std::vector<LineSource>* sources) {
    const std::uint32_t size26 = to_26_6(style.size_px);
    bidi_.analyze(p, direction);
    shape_paragraph(p, style, size26);
    const std::int64_t max26 = max_width > 0.0f ? static_cast<std::int64_t>(std::floor(max_width * 64.0f)) : 0;
    breaker_.break_lines(p, width_before_, max26, spans_);
    for (const LineSpan& span : spans_) {
        lines.emplace_back();
        build_line(p, span, size26, to_source, lines.back());
        if (sources != nullptr) sources->push_back({span.begin, span.end, span.visible_end});
    }
    return bidi_.rtl();
}

std::int64_t ParagraphLayouter::measure(std::string_view p, const Style& style, Direction direction) {
    bidi_.analyze(p, direction);
    shape_paragraph(p, style, to_26_6(style.size_px));
    return width_before_.back();
}

}  // namespace ui::text
