// HarfBuzz shaping of one item, with the surrounding text given as context
// (hb_buffer_add_utf8 with item offset and length) so Arabic letters stay joined across a
// font or level split. Direction, script and language are set on every buffer.
//
// Not for: choosing faces (itemize.cpp) or ordering runs on a line (reorder.cpp).
// Positions are 26.6 fixed point pixels: hb_font scale = size × 64, the same convention as
// `hb-shape --font-size=<size × 64>`.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/text/handles.h"
#include "ui/text/itemize.h"

namespace ui::text {

class FontSet;

struct ShapedGlyph {
    std::uint32_t gid = 0;
    std::uint32_t cluster = 0;  // byte offset in the paragraph
    std::int32_t advance = 0;   // 26.6
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;  // HarfBuzz convention: positive is up
    std::uint16_t face = 0;
    bool unsafe_to_break = false;
};

class Shaper {
public:
    explicit Shaper(const FontSet& fonts);

    // Shapes text[item.begin, item.end) with text[context_begin, context_end) as context and
    // appends the glyphs in visual order (left to right). Clusters are offsets in `text`.
    void shape(std::string_view text, std::uint32_t context_begin, std::uint32_t context_end, const Item& item,
               std::uint32_t size26, std::vector<ShapedGlyph>& out);

    hb_font_t* font(std::uint16_t face, std::uint32_t size26);
    std::uint64_t calls() const { return calls_; }

private:
    const FontSet& fonts_;
    HbBufferPtr buffer_;
    std::unordered_map<std::uint64_t, HbFontPtr> sized_fonts_;
    std::uint64_t calls_ = 0;
};

}  // namespace ui::text
