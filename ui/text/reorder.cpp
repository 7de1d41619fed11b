// Items never straddle a level change, so a visual run is a sequence of whole or clipped
// items; only the L1 trailing-whitespace rule can give a run a direction its item was not
// shaped in, and then the few glyphs involved are simply taken in the run's order.
#include "ui/text/reorder.h"

namespace ui::text {
namespace {

constexpr float kFrom26 = 1.0f / 64.0f;

void append_item_glyphs(const VisualRun& run, const LineItem& li, std::span<const ShapedGlyph> glyphs,
                        std::span<const std::uint32_t> to_source, std::int32_t& pen, Line& line) {
    const bool reverse = li.item.rtl() != run.rtl;
    const std::uint32_t n = li.glyph_end - li.glyph_begin;
    for (std::uint32_t k = 0; k < n; ++k) {
        const ShapedGlyph& g = glyphs[li.glyph_begin + (reverse ? n - 1 - k : k)];
        if (g.cluster < run.begin || g.cluster >= run.end) continue;
        Glyph out;
        out.face = g.face;
        out.gid = g.gid;
        out.cluster = to_source[g.cluster];
        out.x = static_cast<float>(pen + g.x_offset) * kFrom26;
        out.y = static_cast<float>(-g.y_offset) * kFrom26;
        out.advance = static_cast<float>(g.advance) * kFrom26;
        line.glyphs.push_back(out);
        pen += g.advance;
    }
}

}  // namespace

void reorder_line(std::span<const VisualRun> runs, std::span<const LineItem> items, std::span<const ShapedGlyph> glyphs,
                  std::span<const std::uint32_t> to_source, Line& line) {
    line.glyphs.clear();
    line.runs.clear();
    std::int32_t pen = 0;
    for (const VisualRun& run : runs) {
        Run out;
        out.begin = to_source[run.begin];
        out.end = to_source[run.end];
        out.rtl = run.rtl;
        out.x = static_cast<float>(pen) * kFrom26;
        out.glyph_begin = static_cast<std::uint32_t>(line.glyphs.size());
        const std::size_t count = items.size();
        for (std::size_t k = 0; k < count; ++k) {
            const LineItem& li = items[run.rtl ? count - 1 - k : k];
            if (li.item.end <= run.begin || li.item.begin >= run.end) continue;
            append_item_glyphs(run, li, glyphs, to_source, pen, line);
        }
        out.glyph_end = static_cast<std::uint32_t>(line.glyphs.size());
        out.width = static_cast<float>(pen) * kFrom26 - out.x;
        line.runs.push_back(out);
    }
    line.width = static_cast<float>(pen) * kFrom26;
}

}  // namespace ui::text
