// Rendering a Layout into a CPU image and a PNG, for kiosk-text render and for tests that
// look at pixels without SDL.
//
// Not for: the kiosk's screen (the platform draws through ImGui and the TextureSink).
#pragma once

#include <cstdint>
#include <string>
#include <vector>
#include "ui/text/expected.h"

#include "ui/text/font_set.h"
#include "ui/text/text.h"

namespace ui::text {

struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> coverage;  // ink, 0..255, top row first
};

// Draws `layout` with its top-left at (margin, margin).
GreyImage render_layout(const FontSet& fonts, const Layout& layout, int margin);

// Black ink on white, 8-bit RGB.
Expected<void, std::string> write_png(const GreyImage& image, const std::string& path);

}  // namespace ui::text
