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

std::pair<std::uint32_t, std::uint32_t> ParagraphLayouter::glyphs_in(std::size_t item, std::uint32_t from,
                                                                     std::uint32_t to) const {
    // HarfBuzz keeps clusters monotone within a buffer (rising left to right for LTR, falling
    // for RTL), so the glyphs of a byte range are one contiguous block: binary search it.
    const ShapedGlyph* b = glyphs_.data() + item_glyphs_[item];
    const ShapedGlyph* e = glyphs_.data() + item_glyphs_[item + 1];
    const ShapedGlyph* lo;
    const ShapedGlyph* hi;
    if (items_[item].rtl()) {
        lo = std::partition_point(b, e, [&](const ShapedGlyph& g) { return g.cluster >= to; });
        hi = std::partition_point(lo, e, [&](const ShapedGlyph& g) { return g.cluster >= from; });
    } else {
        lo = std::partition_point(b, e, [&](const ShapedGlyph& g) { return g.cluster < from; });
        hi = std::partition_point(lo, e, [&](const ShapedGlyph& g) { return g.cluster < to; });
    }
    return {static_cast<std::uint32_t>(lo - glyphs_.data()), static_cast<std::uint32_t>(hi - glyphs_.data())};
}

bool ParagraphLayouter::safe_to_break(std::size_t item, std::uint32_t at) const {
    const auto [lo, hi] = glyphs_in(item, at, at + 1);
    bool found = false;
    for (std::uint32_t g = lo; g < hi; ++g) {
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
    const auto first =
        std::partition_point(items_.begin(), items_.end(), [&](const Item& it) { return it.end <= span.begin; });
    for (std::size_t k = static_cast<std::size_t>(first - items_.begin()); k < items_.size(); ++k) {
        const Item& item = items_[k];
        if (item.begin >= span.visible_end) break;
        Item clipped = item;
        clipped.begin = std::max(span.begin, item.begin);
        clipped.end = std::min(span.end, item.end);
        const std::uint32_t visible_end = std::min(clipped.end, span.visible_end);
        const bool cut_front = item.begin < span.begin && !safe_to_break(k, span.begin);
        const bool cut_back = item.end > span.end && !safe_to_break(k, span.end);
        LineItem li{clipped, static_cast<std::uint32_t>(line_glyphs_.size()), 0};
        if (cut_front || cut_back) {
            reshaped_.clear();
            shaper_.shape(p, span.begin, span.end, clipped, size26, reshaped_);
            for (const ShapedGlyph& g : reshaped_)
                if (g.cluster >= clipped.begin && g.cluster < visible_end) line_glyphs_.push_back(g);
        } else {
            const auto [lo, hi] = glyphs_in(k, clipped.begin, visible_end);
            line_glyphs_.insert(line_glyphs_.end(), glyphs_.begin() + lo, glyphs_.begin() + hi);
        }
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
    for (std::size_t i = 0; i < spans_.size(); ++i) {
        lines.emplace_back();
        build_line(p, spans_[i], size26, to_source, lines.back());
        // Re-shaping a cut word can make it wider than measured in context (a final form is
        // wider than a medial one): give its last character to the next line and try again.
        while (max26 > 0 && static_cast<std::int64_t>(lines.back().width * 64.0f) > max26 && shrink_span(p, i))
            build_line(p, spans_[i], size26, to_source, lines.back());
        if (sources != nullptr) sources->push_back({spans_[i].begin, spans_[i].end, spans_[i].visible_end});
    }
    return bidi_.rtl();
}

bool ParagraphLayouter::shrink_span(std::string_view p, std::size_t i) {
    LineSpan& span = spans_[i];
    const std::uint32_t cut = breaker_.previous_grapheme(p, span.visible_end);
    if (cut <= span.begin) return false;  // one character wider than the box: nothing to move
    const std::uint32_t old_end = span.end;
    span.end = span.visible_end = cut;
    if (i + 1 < spans_.size()) spans_[i + 1].begin = cut;
    else spans_.push_back({cut, old_end, old_end});
    return true;
}

std::int64_t ParagraphLayouter::measure(std::string_view p, const Style& style, Direction direction) {
    bidi_.analyze(p, direction);
    shape_paragraph(p, style, to_26_6(style.size_px));
    return width_before_.back();
}

}  // namespace ui::text
