// Visual reordering of one line: the bidi visual runs (after L1) in order, and inside each
// run the shaped items in the run's direction, each item's glyphs as HarfBuzz returned them
// (already left to right). Produces the public Line with pixel positions and runs.
//
// Not for: alignment or baselines (the engine places lines) or mirroring (HarfBuzz did it).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ui/text/bidi.h"
#include "ui/text/itemize.h"
#include "ui/text/shaper.h"
#include "ui/text/text.h"

namespace ui::text {

struct LineItem {
    Item item;                      // clipped to the line
    std::uint32_t glyph_begin = 0;  // range in the line's glyph buffer, HarfBuzz order
    std::uint32_t glyph_end = 0;
};

// `to_source` maps paragraph byte offsets to the caller's offsets (size = paragraph + 1).
void reorder_line(std::span<const VisualRun> runs, std::span<const LineItem> items, std::span<const ShapedGlyph> glyphs,
                  std::span<const std::uint32_t> to_source, Line& line);

}  // namespace ui::text
