// The faces the engine shapes and rasterises with, loaded from fonts.json (fonts/README.md),
// and the fallback chain per weight.
//
// Not for: choosing a face for a piece of text (itemize.cpp) or glyph bitmaps (glyph_atlas.cpp).
// A FontSet is immutable after load() except for FreeType's current size, which only the
// rasteriser touches.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include "ui/text/expected.h"

#include "ui/text/handles.h"
#include "ui/text/text.h"

namespace ui::text {

struct FontFace {
    std::string role;  // "arabic", "latin-bold", ...
    std::string path;
    HbFacePtr hb_face;
    HbFontPtr hb_font;  // at upem scale; only for coverage and metrics
    HbSetPtr coverage;  // every code point the cmap maps
    FtFacePtr ft_face;
    unsigned upem = 1000;
    bool covers(char32_t cp) const { return hb_set_has(coverage.get(), cp) != 0; }
};

class FontSet {
public:
    // Opens every role of <dir>/fonts.json. `first_role`, when not empty, is put at the head
    // of both chains (the CLI's --font).
    static Expected<FontSet, std::string> load(const std::string& dir, const std::string& first_role = {});

    std::size_t size() const { return faces_.size(); }
    const FontFace& face(std::uint16_t index) const { return faces_[index]; }
    FT_Library ft_library() const { return ft_.get(); }
    const std::vector<std::string>& paths() const { return paths_; }
    // Face indices in fallback order: arabic → latin → symbols → symbols2 (bold roles for Bold).
    std::span<const std::uint16_t> chain(Weight weight) const {
        return weight == Weight::Bold ? std::span<const std::uint16_t>(bold_chain_)
                                      : std::span<const std::uint16_t>(chain_);
    }
    // Line metrics in 26.6 pixels at `size26`, the largest over the chain's first two faces.
    struct Metrics {
        std::int32_t ascent = 0;
        std::int32_t descent = 0;
        std::int32_t gap = 0;
    };
    Metrics metrics(Weight weight, std::uint32_t size26) const;

private:
    FtLibraryPtr ft_;
    std::vector<FontFace> faces_;
    std::vector<std::string> paths_;
    std::vector<std::uint16_t> chain_;
    std::vector<std::uint16_t> bold_chain_;
};

}  // namespace ui::text
