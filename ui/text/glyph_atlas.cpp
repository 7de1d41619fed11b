// Shelf packing is enough here: a kiosk draws a few sizes of one script mix, so glyph
// heights cluster and shelves stay full. Each page keeps a CPU copy of its coverage so
// uploads are one dirty rectangle per page per flush rather than one call per glyph.
#include "ui/text/glyph_atlas.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "ui/text/font_set.h"

namespace ui::text {
namespace {

constexpr int kPad = 1;  // empty border around each glyph so filtering never bleeds

std::uint64_t make_key(std::uint16_t face, std::uint32_t size26, std::uint32_t gid) {
    return (static_cast<std::uint64_t>(face) << 48) | (static_cast<std::uint64_t>(size26 & 0xFFFFFF) << 24) |
           (gid & 0xFFFFFF);
}

}  // namespace

bool rasterize_glyph(const FontSet& fonts, std::uint16_t face, std::uint32_t size26, std::uint32_t gid,
                     GlyphBitmap& out) {
    FT_Face ft = fonts.face(face).ft_face.get();
    out.width = out.height = out.left = out.top = 0;
    out.coverage.clear();
    if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(size26), 72, 72) != 0) return false;
    if (FT_Load_Glyph(ft, gid, FT_LOAD_TARGET_LIGHT) != 0) return false;
    if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return false;
    const FT_Bitmap& bm = ft->glyph->bitmap;
    if (bm.pixel_mode != FT_PIXEL_MODE_GRAY) return false;
    out.width = static_cast<int>(bm.width);
    out.height = static_cast<int>(bm.rows);
    out.left = ft->glyph->bitmap_left;
    out.top = ft->glyph->bitmap_top;
    out.coverage.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int row = 0; row < out.height; ++row) {
        const unsigned char* src = bm.buffer + static_cast<std::ptrdiff_t>(row) * bm.pitch;
        std::memcpy(out.coverage.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(out.width), src,
                    static_cast<std::size_t>(out.width));
    }
    return true;
}

GlyphAtlas::GlyphAtlas(const FontSet& fonts, int page_size, std::size_t byte_budget)
    : fonts_(fonts), page_size_(std::clamp(page_size, 64, 8192)), budget_(byte_budget) {}

GlyphAtlas::~GlyphAtlas() { set_sink(nullptr); }

void GlyphAtlas::set_sink(TextureSink* sink) {
    if (sink_ != nullptr)
        for (Page& p : pages_)
            if (p.texture != nullptr) sink_->destroy(p.texture);
    pages_.clear();
    entries_.clear();
    sink_ = sink;
}

int GlyphAtlas::add_page() {
    void* tex = sink_->create(page_size_, page_size_);
    if (tex == nullptr) return -1;
    Page p;
    p.texture = tex;
    p.coverage.assign(static_cast<std::size_t>(page_size_) * static_cast<std::size_t>(page_size_), 0);
    pages_.push_back(std::move(p));
    return static_cast<int>(pages_.size() - 1);
}

void GlyphAtlas::clear_page(std::size_t index) {
    Page& p = pages_[index];
    for (const std::uint64_t key : p.keys) entries_.erase(key);
    p.keys.clear();
    p.shelves.clear();
    p.next_y = 0;
    std::fill(p.coverage.begin(), p.coverage.end(), std::uint8_t{0});
}

bool GlyphAtlas::place(Page& page, int w, int h, int& x, int& y) {
    for (Shelf& s : page.shelves) {
        if (h <= s.height && h * 4 >= s.height * 3 - 8 && s.x + w <= page_size_) {
            x = s.x;
            y = s.y;
            s.x += w;
            return true;
        }
    }
    if (page.next_y + h > page_size_ || w > page_size_) return false;
    page.shelves.push_back({page.next_y, h, w});
    x = 0;
    y = page.next_y;
    page.next_y += h;
    return true;
}

int GlyphAtlas::page_for(int w, int h, int& x, int& y) {
    for (std::size_t i = pages_.size(); i-- > 0;)
        if (place(pages_[i], w, h, x, y)) return static_cast<int>(i);
    const std::size_t max_pages = std::max<std::size_t>(1, budget_ / page_bytes());
    int victim = -1;
    std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        if (pages_[i].last_batch < batch_ && pages_[i].last_batch < oldest) {
            oldest = pages_[i].last_batch;
            victim = static_cast<int>(i);
        }
    }
    // Over budget only when one draw call alone needs more pages than the budget holds,
    // and then at most twice the budget; past that the oldest page is reused regardless.
    const bool may_grow = pages_.size() < max_pages || (victim < 0 && pages_.size() < 2 * max_pages);
    if (may_grow) {
        const int fresh = add_page();
        if (fresh >= 0 && place(pages_[static_cast<std::size_t>(fresh)], w, h, x, y)) return fresh;
        return -1;
    }
    if (victim < 0)
        victim = static_cast<int>(
            std::min_element(pages_.begin(), pages_.end(),
                             [](const Page& a, const Page& b) { return a.last_batch < b.last_batch; }) -
            pages_.begin());
    clear_page(static_cast<std::size_t>(victim));
    return place(pages_[static_cast<std::size_t>(victim)], w, h, x, y) ? victim : -1;
}

void GlyphAtlas::blit(std::size_t index, int x, int y, const GlyphBitmap& bmp) {
    Page& p = pages_[index];
    const auto stride = static_cast<std::size_t>(page_size_);
    for (int row = 0; row < bmp.height; ++row) {
        std::uint8_t* dst =
            p.coverage.data() + static_cast<std::size_t>(y + kPad + row) * stride + static_cast<std::size_t>(x + kPad);
        std::memcpy(dst, bmp.coverage.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(bmp.width),
                    static_cast<std::size_t>(bmp.width));
    }
    const int x1 = x + bmp.width + 2 * kPad;
    const int y1 = y + bmp.height + 2 * kPad;
    if (p.dirty_x1 <= p.dirty_x0 || p.dirty_y1 <= p.dirty_y0) {
        p.dirty_x0 = x;
        p.dirty_y0 = y;
        p.dirty_x1 = x1;
        p.dirty_y1 = y1;
    } else {
        p.dirty_x0 = std::min(p.dirty_x0, x);
        p.dirty_y0 = std::min(p.dirty_y0, y);
        p.dirty_x1 = std::max(p.dirty_x1, x1);
        p.dirty_y1 = std::max(p.dirty_y1, y1);
    }
}

const AtlasEntry* GlyphAtlas::find_or_add(std::uint16_t face, std::uint32_t size26, std::uint32_t gid) {
    if (sink_ == nullptr || face >= fonts_.size()) return nullptr;
    const std::uint64_t key = make_key(face, size26, gid);
    if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second.w != 0) pages_[it->second.page].last_batch = batch_;
        return &it->second;
    }
    AtlasEntry e;
    if (!rasterize_glyph(fonts_, face, size26, gid, bitmap_) || bitmap_.width == 0 || bitmap_.height == 0)
        return &entries_.emplace(key, e).first->second;  // remembered as blank: spaces cost nothing next time
    const int w = bitmap_.width + 2 * kPad;
    const int h = bitmap_.height + 2 * kPad;
    if (w > page_size_ || h > page_size_) return nullptr;
    int x = 0;
    int y = 0;
    const int page = page_for(w, h, x, y);
    if (page < 0) return nullptr;
    blit(static_cast<std::size_t>(page), x, y, bitmap_);
    Page& p = pages_[static_cast<std::size_t>(page)];
    p.keys.push_back(key);
    p.last_batch = batch_;
    e.page = static_cast<std::uint16_t>(page);
    e.x = static_cast<std::uint16_t>(x + kPad);
    e.y = static_cast<std::uint16_t>(y + kPad);
    e.w = static_cast<std::uint16_t>(bitmap_.width);
    e.h = static_cast<std::uint16_t>(bitmap_.height);
    e.left = static_cast<std::int16_t>(bitmap_.left);
    e.top = static_cast<std::int16_t>(bitmap_.top);
    return &entries_.emplace(key, e).first->second;
}

void GlyphAtlas::flush() {
    if (sink_ == nullptr) return;
    const auto stride = static_cast<std::size_t>(page_size_);
    for (Page& p : pages_) {
        const int w = p.dirty_x1 - p.dirty_x0;
        const int h = p.dirty_y1 - p.dirty_y0;
        if (w <= 0 || h <= 0) continue;
        upload_scratch_.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        for (int row = 0; row < h; ++row) {
            const std::uint8_t* src = p.coverage.data() + static_cast<std::size_t>(p.dirty_y0 + row) * stride +
                                      static_cast<std::size_t>(p.dirty_x0);
            std::uint32_t* dst = upload_scratch_.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(w);
            for (int col = 0; col < w; ++col) dst[col] = (static_cast<std::uint32_t>(src[col]) << 24) | 0x00FFFFFFu;
        }
        sink_->update(p.texture, p.dirty_x0, p.dirty_y0, w, h, upload_scratch_.data());
        ++uploads_;
        p.dirty_x0 = p.dirty_y0 = p.dirty_x1 = p.dirty_y1 = 0;
    }
}

}  // namespace ui::text
