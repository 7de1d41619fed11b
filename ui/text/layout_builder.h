// A LayoutRequest to a Layout, uncached: the caller's text to display text (normalize.cpp),
// split into paragraphs, each paragraph through ParagraphLayouter, then truncation with an
// ellipsis, baselines and alignment.
//
// Not for: caching (layout_cache.cpp) or drawing (engine.cpp).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ui/text/line_breaker.h"
#include "ui/text/normalize.h"
#include "ui/text/paragraph_layout.h"
#include "ui/text/shaper.h"
#include "ui/text/text.h"

namespace ui::text {

class FontSet;

class LayoutBuilder {
public:
    explicit LayoutBuilder(const FontSet& fonts);

    Layout build(const LayoutRequest& request);
    std::uint64_t shaped_runs() const { return shaper_.calls(); }

private:
    struct ParagraphSpan {
        std::uint32_t begin = 0;  // display-text byte range, separator excluded
        std::uint32_t end = 0;
        bool rtl = false;
    };
    void split_paragraphs(std::string_view text);
    void truncate(const LayoutRequest& request, Layout& layout);
    void place_lines(const LayoutRequest& request, Layout& layout) const;

    const FontSet& fonts_;
    Shaper shaper_;
    LineBreaker breaker_;
    ParagraphLayouter paragraph_;
    DisplayText display_;
    std::vector<ParagraphSpan> paragraphs_;
    std::vector<LineSource> sources_;  // per line of the layout being built
    std::vector<std::uint32_t> line_paragraph_;
    std::string synthetic_;
    std::vector<std::uint32_t> synthetic_map_;
};

}  // namespace ui::text
