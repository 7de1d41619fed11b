// The Engine behind text.h: paragraphs, truncation, alignment and the cache around
// ParagraphLayouter, and draw() over the glyph atlas. Overview of what was optimised:
// a cache hit hashes the text once and allocates nothing; a miss reuses every scratch buffer
// of the pipeline; draw() touches the atlas hash once per glyph and uploads once per page.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/text/caret.h"
#include "ui/text/font_set.h"
#include "ui/text/glyph_atlas.h"
#include "ui/text/layout_builder.h"
#include "ui/text/layout_cache.h"
#include "ui/text/text.h"

namespace ui::text {
namespace {

class EngineImpl final : public Engine {
public:
    EngineImpl(FontSet fonts, const EngineOptions& options)
        : fonts_(std::move(fonts)),
          builder_(fonts_),
          cache_(options.cache_bytes),
          atlas_(fonts_, options.atlas_page_size, options.atlas_bytes) {}

    const Layout& layout(const LayoutRequest& request) override {
        LayoutRequest r = request;
        if (!(r.max_width > 0.0f) || !std::isfinite(r.max_width)) r.max_width = 0.0f;
        if (!(r.style.size_px > 0.0f) || !std::isfinite(r.style.size_px)) r.style.size_px = 1.0f;
        if (r.max_lines < 0) r.max_lines = 0;
        const LayoutKey key = LayoutKey::of(r);
        if (const Layout* hit = cache_.find(key)) {
            ++cache_hits_;
            return *hit;
        }
        ++layouts_built_;
        return cache_.insert(key, builder_.build(r));
    }

    void draw(ImDrawList* list, const Layout& layout, float x, float y, std::uint32_t colour) override;

    void set_texture_sink(TextureSink* sink) override { atlas_.set_sink(sink); }

    Caret caret(const Layout& layout, std::size_t logical_byte) const override {
        return caret_at(layout, logical_byte);
    }
    std::size_t hit_test(const Layout& layout, float x, float y) const override { return hit_test_at(layout, x, y); }
    std::size_t hit_test(const Layout& layout, std::string_view text, float x, float y) const override {
        return hit_test_at(layout, x, y, text);
    }

    const std::vector<std::string>& face_paths() const override { return fonts_.paths(); }

    Stats stats() const override {
        Stats s;
        s.shaped_runs = builder_.shaped_runs();
        s.layouts_built = layouts_built_;
        s.cache_hits = cache_hits_;
        s.atlas_uploads = atlas_.uploads();
        s.cache_bytes = cache_.bytes();
        s.atlas_bytes = atlas_.bytes();
        return s;
    }

    void clear_cache() override { cache_.clear(); }

private:
    FontSet fonts_;
    LayoutBuilder builder_;
    LayoutCache cache_;
    GlyphAtlas atlas_;
    std::uint64_t layouts_built_ = 0;
    std::uint64_t cache_hits_ = 0;
};

void EngineImpl::draw(ImDrawList* list, const Layout& layout, float x, float y, std::uint32_t colour) {
    if (list == nullptr || !atlas_.has_sink()) return;
    atlas_.begin_batch();
    const float inv = 1.0f / static_cast<float>(atlas_.page_size());
    void* current = nullptr;
    for (const Line& line : layout.lines) {
        const std::uint32_t size26 = to_26_6(layout.size_px);
        for (const Glyph& g : line.glyphs) {
            const AtlasEntry* e = atlas_.find_or_add(g.face, size26, g.gid);
            if (e == nullptr || e->w == 0) continue;
            void* tex = atlas_.texture(e->page);
            if (tex != current) {
                if (current != nullptr) list->PopTextureID();
                list->PushTextureID(tex);
                current = tex;
            }
            const float x0 = std::round(x + line.x + g.x) + static_cast<float>(e->left);
            const float y0 = std::round(y + line.baseline + g.y) - static_cast<float>(e->top);
            const ImVec2 uv0(static_cast<float>(e->x) * inv, static_cast<float>(e->y) * inv);
            const ImVec2 uv1(static_cast<float>(e->x + e->w) * inv, static_cast<float>(e->y + e->h) * inv);
            list->PrimReserve(6, 4);
            list->PrimRectUV(ImVec2(x0, y0), ImVec2(x0 + static_cast<float>(e->w), y0 + static_cast<float>(e->h)), uv0,
                             uv1, colour);
        }
    }
    if (current != nullptr) list->PopTextureID();
    atlas_.flush();
}

}  // namespace

Expected<std::unique_ptr<Engine>, std::string> Engine::create(const std::string& font_dir) {
    EngineOptions options;
    options.font_dir = font_dir;
    return create(options);
}

Expected<std::unique_ptr<Engine>, std::string> Engine::create(const EngineOptions& options) {
    auto fonts = FontSet::load(options.font_dir.empty() ? default_font_dir() : options.font_dir, options.first_role);
    if (!fonts) return Unexpected(fonts.error());
    return std::unique_ptr<Engine>(std::make_unique<EngineImpl>(std::move(*fonts), options));
}

}  // namespace ui::text
