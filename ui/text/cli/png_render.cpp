// The same FreeType bitmaps as the atlas (rasterize_glyph) and the same rounding of glyph
// origins as Engine::draw, so a PNG from the CLI shows what the kiosk shows.
#include "ui/text/cli/png_render.h"

#include <stb_image_write.h>
#include <algorithm>
#include <cmath>

#include "ui/text/glyph_atlas.h"
#include "ui/text/paragraph_layout.h"

namespace ui::text {

GreyImage render_layout(const FontSet& fonts, const Layout& layout, int margin) {
    GreyImage img;
    img.width = static_cast<int>(std::ceil(layout.width)) + 2 * margin;
    img.height = static_cast<int>(std::ceil(layout.height)) + 2 * margin;
    img.width = std::clamp(img.width, 1, 16384);
    img.height = std::clamp(img.height, 1, 16384);
    img.coverage.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height), 0);
    const std::uint32_t size26 = to_26_6(layout.size_px);
    GlyphBitmap bmp;
    for (const Line& line : layout.lines) {
        for (const Glyph& g : line.glyphs) {
            if (!rasterize_glyph(fonts, g.face, size26, g.gid, bmp)) continue;
            const int x0 = static_cast<int>(std::round(static_cast<float>(margin) + line.x + g.x)) + bmp.left;
            const int y0 = static_cast<int>(std::round(static_cast<float>(margin) + line.baseline + g.y)) - bmp.top;
            for (int row = 0; row < bmp.height; ++row) {
                const int y = y0 + row;
                if (y < 0 || y >= img.height) continue;
                for (int col = 0; col < bmp.width; ++col) {
                    const int x = x0 + col;
                    if (x < 0 || x >= img.width) continue;
                    auto& dst = img.coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) +
                                             static_cast<std::size_t>(x)];
                    const int src = bmp.coverage[static_cast<std::size_t>(row) * static_cast<std::size_t>(bmp.width) +
                                                 static_cast<std::size_t>(col)];
                    dst = static_cast<std::uint8_t>(std::min(255, dst + src));
                }
            }
        }
    }
    return img;
}

Expected<void, std::string> write_png(const GreyImage& image, const std::string& path) {
    std::vector<std::uint8_t> rgb(image.coverage.size() * 3);
    for (std::size_t i = 0; i < image.coverage.size(); ++i) {
        const auto v = static_cast<std::uint8_t>(255 - image.coverage[i]);
        rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = v;
    }
    if (stbi_write_png(path.c_str(), image.width, image.height, 3, rgb.data(), image.width * 3) == 0)
        return Unexpected("cannot write " + path);
    return {};
}

}  // namespace ui::text
