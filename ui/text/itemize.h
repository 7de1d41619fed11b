// Itemisation: a paragraph cut into runs that one HarfBuzz call can shape — uniform bidi
// level, script and font face. The face is the first of the fallback chain that covers the
// character; marks, joiners and neutrals stay with their neighbour's face when it covers
// them, so a run is not split by a space or a haraka.
//
// Not for: shaping or measuring.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <hb.h>

namespace ui::text {

class FontSet;

struct Item {
    std::uint32_t begin = 0;  // byte range in the paragraph
    std::uint32_t end = 0;
    std::uint8_t level = 0;
    std::uint16_t face = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
    bool rtl() const { return (level & 1) != 0; }
};

void itemize(std::string_view paragraph, std::span<const std::uint8_t> byte_levels, const FontSet& fonts,
             std::span<const std::uint16_t> chain, std::vector<Item>& out);

}  // namespace ui::text
