// The layout cache (a repeated frame shapes nothing; memory stays under budget) and the glyph
// atlas (grows by pages, evicts the least recently used page, never writes outside a page).
#include <gtest/gtest.h>
#include <imgui.h>

#include "tests/unit/text/test_support.h"
#include "ui/text/glyph_atlas.h"
#include "ui/text/layout_cache.h"

namespace ui::text {
namespace {

TEST(Cache, SecondLayoutOfTheSameRequestShapesNothing) {
    auto engine = testing::make_engine();
    LayoutRequest r;
    r.text = "قيّم الخدمة — Rate the service";
    r.max_width = 300;
    const Layout* first = &engine->layout(r);
    const Stats s1 = engine->stats();
    EXPECT_GT(s1.shaped_runs, 0u);
    const std::string copy(r.text);  // equal text at another address still hits
    r.text = copy;
    const Layout* second = &engine->layout(r);
    const Stats s2 = engine->stats();
    EXPECT_EQ(first, second);
    EXPECT_EQ(s2.shaped_runs, s1.shaped_runs);
    EXPECT_EQ(s2.layouts_built, s1.layouts_built);
    EXPECT_EQ(s2.cache_hits, s1.cache_hits + 1);
    r.max_width = 301;  // any part of the key changes the layout
    engine->layout(r);
    EXPECT_EQ(engine->stats().layouts_built, s1.layouts_built + 1);
    engine->clear_cache();
    EXPECT_EQ(engine->stats().cache_bytes, 0u);
}

TEST(Cache, AFrameThatChangesNothingShapesAndUploadsNothing) {
    auto engine = testing::make_engine();
    testing::CpuSink sink;
    engine->set_texture_sink(&sink);
    ImGui::CreateContext();
    const char* labels[] = {"طلب دعم", "استفسار", "تطوع", "قيّم الخدمة", "حالة الطلب", "English"};
    auto frame = [&] {
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        float y = 0;
        for (const char* label : labels) {
            LayoutRequest r;
            r.text = label;
            r.style.size_px = 32;
            engine->draw(&list, engine->layout(r), 0, y, 0xFFFFFFFF);
            y += 40;
        }
        return list.VtxBuffer.Size;
    };
    const int vertices = frame();
    const Stats s1 = engine->stats();
    EXPECT_EQ(frame(), vertices);
    const Stats s2 = engine->stats();
    EXPECT_EQ(s2.shaped_runs, s1.shaped_runs);
    EXPECT_EQ(s2.layouts_built, s1.layouts_built);
    EXPECT_EQ(s2.atlas_uploads, s1.atlas_uploads);
    ImGui::DestroyContext();
    engine->set_texture_sink(nullptr);
}

TEST(Cache, StaysUnderItsByteBudget) {
    EngineOptions options;
    options.cache_bytes = 64 * 1024;
    auto engine = testing::make_engine(options);
    std::size_t peak = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string text = "طلب رقم " + std::to_string(i) + " Request";
        LayoutRequest r;
        r.text = text;
        engine->layout(r);
        peak = std::max(peak, engine->stats().cache_bytes);
    }
    EXPECT_LE(peak, options.cache_bytes);
    EXPECT_GT(peak, options.cache_bytes / 2);
}

TEST(Atlas, GrowsEvictsAndNeverOverflows) {
    testing::CpuSink sink;
    const int page = 128;
    const std::size_t budget = 2u * page * page * 4;  // two pages
    GlyphAtlas atlas(testing::fonts(), page, budget);
    EXPECT_EQ(atlas.find_or_add(0, 24 * 64, 10), nullptr);  // no sink yet
    atlas.set_sink(&sink);
    std::size_t max_pages = 0;
    for (std::uint32_t size = 10; size <= 60; size += 5) {
        atlas.begin_batch();
        for (std::uint32_t gid = 1; gid < 120; ++gid) {
            const AtlasEntry* e = atlas.find_or_add(testing::face_of("arabic"), size * 64, gid);
            if (e == nullptr || e->w == 0) continue;  // nothing to draw: no page
            ASSERT_LT(e->page, atlas.page_count());
            EXPECT_LE(e->x + e->w, page);
            EXPECT_LE(e->y + e->h, page);
        }
        atlas.flush();  // CpuSink asserts every upload is inside its texture
        max_pages = std::max(max_pages, atlas.page_count());
        EXPECT_LE(atlas.bytes(), 2 * budget);  // a single batch may borrow up to twice the budget
    }
    EXPECT_GT(sink.created, 2);  // pages were evicted and new glyphs placed
    EXPECT_LE(max_pages, 4u);
    EXPECT_EQ(sink.created - sink.destroyed, static_cast<int>(atlas.page_count()));
    // A glyph larger than a page is refused, not clipped.
    atlas.begin_batch();
    EXPECT_EQ(atlas.find_or_add(testing::face_of("arabic"), 400 * 64, 50), nullptr);
    atlas.set_sink(nullptr);
    EXPECT_EQ(sink.created, sink.destroyed);
}

TEST(Atlas, PixelsAreWhiteWithCoverageInAlpha) {
    testing::CpuSink sink;
    GlyphAtlas atlas(testing::fonts(), 256, 1 << 20);
    atlas.set_sink(&sink);
    hb_codepoint_t gid = 0;
    const std::uint16_t arabic = testing::face_of("arabic");
    ASSERT_TRUE(hb_font_get_nominal_glyph(testing::fonts().face(arabic).hb_font.get(), 0x0628, &gid));
    const AtlasEntry* e = atlas.find_or_add(arabic, 40 * 64, gid);
    ASSERT_NE(e, nullptr);
    ASSERT_GT(e->w, 0);
    atlas.flush();
    const auto& tex = *sink.textures.begin()->second;
    std::uint32_t max_alpha = 0;
    for (int y = e->y; y < e->y + e->h; ++y)
        for (int x = e->x; x < e->x + e->w; ++x) {
            const std::uint32_t px = tex.pixels[static_cast<std::size_t>(y * tex.w + x)];
            EXPECT_EQ(px & 0x00FFFFFFu, 0x00FFFFFFu);
            max_alpha = std::max(max_alpha, px >> 24);
        }
    EXPECT_EQ(max_alpha, 255u);
}

}  // namespace
}  // namespace ui::text
