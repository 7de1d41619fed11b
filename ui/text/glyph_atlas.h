// The glyph atlas: FreeType bitmaps of (face, size, glyph id) packed on square RGBA pages
// created through the TextureSink (RGB white, A coverage, so the vertex colour tints).
// Shelf packing; a full atlas adds a page while under its byte budget, otherwise clears the
// least recently used page. Nothing is ever written outside a page.
//
// Not for: positioning glyphs (the Layout did) or building draw commands (engine.cpp).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ui/text/text.h"

namespace ui::text {

class FontSet;

// A glyph bitmap in 8-bit coverage, as FreeType rendered it.
struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int left = 0;                        // from the pen position to the bitmap's left edge
    int top = 0;                         // from the baseline up to the bitmap's top edge
    std::vector<std::uint8_t> coverage;  // width × height, top row first
};

// Renders one glyph with FreeType (light hinting, grey). False if the face cannot.
bool rasterize_glyph(const FontSet& fonts, std::uint16_t face, std::uint32_t size26, std::uint32_t gid,
                     GlyphBitmap& out);

struct AtlasEntry {
    std::uint16_t page = 0;
    std::uint16_t x = 0, y = 0, w = 0, h = 0;  // w == 0: nothing to draw (a space)
    std::int16_t left = 0, top = 0;
};

class GlyphAtlas {
public:
    GlyphAtlas(const FontSet& fonts, int page_size, std::size_t byte_budget);
    ~GlyphAtlas();
    GlyphAtlas(const GlyphAtlas&) = delete;
    GlyphAtlas& operator=(const GlyphAtlas&) = delete;

    // Drops every page (through the old sink) and uses `sink` from now on.
    void set_sink(TextureSink* sink);
    bool has_sink() const { return sink_ != nullptr; }

    // Starts a batch of lookups (one draw call): pages used in a batch are evicted last.
    void begin_batch() { ++batch_; }
    // The entry for a glyph, rasterising and packing it if needed; nullptr if it cannot be
    // drawn (no sink, or larger than a page).
    const AtlasEntry* find_or_add(std::uint16_t face, std::uint32_t size26, std::uint32_t gid);
    // Uploads what changed since the last flush.
    void flush();

    void* texture(std::uint16_t page) const { return pages_[page].texture; }
    int page_size() const { return page_size_; }
    std::size_t page_count() const { return pages_.size(); }
    std::size_t bytes() const { return pages_.size() * page_bytes(); }
    std::uint64_t uploads() const { return uploads_; }
    std::size_t glyph_count() const { return entries_.size(); }

private:
    struct Shelf {
        int y = 0;
        int height = 0;
        int x = 0;
    };
    struct Page {
        void* texture = nullptr;
        std::vector<std::uint8_t> coverage;  // CPU copy, page_size²
        std::vector<Shelf> shelves;
        std::vector<std::uint64_t> keys;  // entries living here, for eviction
        int next_y = 0;
        int dirty_x0 = 0, dirty_y0 = 0, dirty_x1 = 0, dirty_y1 = 0;
        std::uint64_t last_batch = 0;
    };
    std::size_t page_bytes() const {
        return static_cast<std::size_t>(page_size_) * static_cast<std::size_t>(page_size_) * 4;
    }
    bool place(Page& page, int w, int h, int& x, int& y);
    int page_for(int w, int h, int& x, int& y);
    int add_page();
    void clear_page(std::size_t index);
    void blit(std::size_t page, int x, int y, const GlyphBitmap& bmp);

    const FontSet& fonts_;
    int page_size_;
    std::size_t budget_;
    TextureSink* sink_ = nullptr;
    std::vector<Page> pages_;
    std::unordered_map<std::uint64_t, AtlasEntry> entries_;
    std::vector<std::uint32_t> upload_scratch_;
    GlyphBitmap bitmap_;
    std::uint64_t batch_ = 1;
    std::uint64_t uploads_ = 0;
};

}  // namespace ui::text
