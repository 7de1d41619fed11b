// Bidi stages: the paragraph direction (first strong character, or forced), ICU's embedding
// levels per UTF-8 byte, and, per line, the visual runs after rule L1 (ubidi_setLine).
//
// Not for: glyph order inside a run (HarfBuzz already returns glyphs left to right) or
// mirroring (HarfBuzz mirrors brackets in right-to-left buffers).
// UTF-16 exists only inside this file's ICU calls; callers see UTF-8 byte offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/text/handles.h"
#include "ui/text/text.h"

namespace ui::text {

struct VisualRun {
    std::uint32_t begin = 0;  // UTF-8 byte range in the paragraph
    std::uint32_t end = 0;
    bool rtl = false;
};

class BidiParagraph {
public:
    BidiParagraph();

    // Runs the UBA over one paragraph of valid UTF-8. Returns false (and leaves every level
    // at the forced or left-to-right base) only if ICU fails, which needs absurd input.
    bool analyze(std::string_view utf8, Direction direction);

    bool rtl() const { return (base_level_ & 1) != 0; }
    std::uint8_t base_level() const { return base_level_; }
    // Resolved level of the character that owns each byte (rules up to I2, before L1).
    const std::vector<std::uint8_t>& byte_levels() const { return byte_levels_; }

    // Visual runs of the line [begin, end) (byte offsets on code point boundaries), in visual
    // order left to right, with L1 applied (trailing whitespace at the paragraph level).
    void visual_runs(std::uint32_t begin, std::uint32_t end, std::vector<VisualRun>& out);

    // For conformance tests: levels per code point after L1 over the whole paragraph as one
    // line, and the logical code point index at each visual position.
    void line_levels_and_order(std::vector<std::uint8_t>& levels, std::vector<std::uint32_t>& visual_to_logical);

private:
    std::u16string u16_;
    std::vector<std::uint32_t> u16_to_u8_;  // u16_.size() + 1 entries
    std::vector<std::uint32_t> u8_to_u16_;  // utf8 size + 1 entries (valid at code point starts)
    std::vector<std::uint8_t> byte_levels_;
    std::vector<std::int32_t> scratch_map_;
    UBiDiPtr para_;
    UBiDiPtr line_;
    std::uint8_t base_level_ = 0;
    bool ok_ = false;
};

// First strong character decides (P2/P3); no strong character gives `fallback`.
Direction detect_direction(std::string_view utf8, Direction fallback = Direction::Ltr);

}  // namespace ui::text
