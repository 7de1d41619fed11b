// Benchmarks of ui/text (Google Benchmark; not timed tests). Uncached layout of short labels
// and of a 300-character mixed paragraph wrapped to 600 px, a cached lookup, atlas upload,
// and the same strings through libraqm (bidi + itemisation + shaping, no line breaking) in
// the same run; main() prints the engine/raqm time ratios at the end.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ui/text/font_set.h"
#include "ui/text/glyph_atlas.h"
#include "ui/text/text.h"

#if KIOSK_HAVE_RAQM
#include <raqm.h>
#endif

namespace {

using namespace ui::text;

const std::vector<std::string> kLabels = {
    "طلب دعم",         "استفسار أو شكوى",  "سجّل متطوعًا", "قيّم الخدمة", "حالة الطلب", "عن الجمعية",
    "Support request", "Rate the service", "رقم الجوال", "التالي",     "رجوع",       "English"};

// 300 characters of Arabic with a phone number, a reference code, an e-mail and brackets.
const std::string kParagraph =
    "تسعى الجمعية إلى تنمية المجتمع المحلي من خلال برامج الدعم والتمكين، وتستقبل طلبات المستفيدين "
    "عبر هذه الشاشة، ويمكنكم متابعة حالة الطلب برقم المرجع MJ-2024-0042 أو بالاتصال على 0138096734 "
    "أو مراسلتنا على info@mouj.org، كما نرحب بالمتطوعين في جميع المجالات (التعليم، الصحة، الإغاثة) "
    "ونشكر لكم ثقتكم جدا.";

Engine& engine() {
    static std::unique_ptr<Engine> e = [] {
        auto created = Engine::create(default_font_dir());
        if (!created) {
            std::fprintf(stderr, "%s\n", created.error().c_str());
            std::abort();
        }
        return std::move(*created);
    }();
    return *e;
}

void BM_LayoutShortLabelUncached(benchmark::State& state) {
    Engine& e = engine();
    std::size_t i = 0;
    for (auto _ : state) {
        e.clear_cache();
        LayoutRequest r;
        r.text = kLabels[i++ % kLabels.size()];
        r.style.size_px = 28;
        benchmark::DoNotOptimize(&e.layout(r));
    }
}
BENCHMARK(BM_LayoutShortLabelUncached);

void BM_LayoutParagraph300Uncached(benchmark::State& state) {
    Engine& e = engine();
    for (auto _ : state) {
        e.clear_cache();
        LayoutRequest r;
        r.text = kParagraph;
        r.style.size_px = 24;
        r.max_width = 600;
        benchmark::DoNotOptimize(&e.layout(r));
    }
    std::size_t chars = 0;
    for (const char c : kParagraph) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    state.counters["chars"] = static_cast<double>(chars);
}
BENCHMARK(BM_LayoutParagraph300Uncached);

void BM_LayoutCachedLookup(benchmark::State& state) {
    Engine& e = engine();
    LayoutRequest r;
    r.text = kParagraph;
    r.style.size_px = 24;
    r.max_width = 600;
    e.layout(r);
    for (auto _ : state) benchmark::DoNotOptimize(&e.layout(r));
}
BENCHMARK(BM_LayoutCachedLookup);

class DiscardSink final : public TextureSink {
public:
    void* create(int, int) override { return &pages_[next_++ % 64]; }
    void update(void*, int, int, int, int, const std::uint32_t* rgba) override { benchmark::DoNotOptimize(rgba); }
    void destroy(void*) override {}

private:
    int pages_[64] = {};
    int next_ = 0;
};

// Rasterise, pack and upload 100 glyphs into an empty atlas; time per glyph.
void BM_AtlasUpload(benchmark::State& state) {
    static FontSet fonts = std::move(*FontSet::load(default_font_dir()));
    GlyphAtlas atlas(fonts, 1024, 16u << 20);
    DiscardSink sink;
    for (auto _ : state) {
        atlas.set_sink(&sink);
        atlas.begin_batch();
        for (std::uint32_t gid = 100; gid < 200; ++gid) benchmark::DoNotOptimize(atlas.find_or_add(0, 28 * 64, gid));
        atlas.flush();
    }
    state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_AtlasUpload);

#if KIOSK_HAVE_RAQM
struct RaqmFonts {
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    RaqmFonts() {
        FT_Init_FreeType(&lib);
        FT_New_Face(lib, (default_font_dir() + "/NotoSansArabicUI-Regular.ttf").c_str(), 0, &face);
    }
    ~RaqmFonts() {
        FT_Done_Face(face);
        FT_Done_FreeType(lib);
    }
};

std::size_t raqm_layout_once(FT_Face face, const std::string& text) {
    raqm_t* rq = raqm_create();
    raqm_set_text_utf8(rq, text.data(), text.size());
    raqm_set_par_direction(rq, RAQM_DIRECTION_DEFAULT);
    raqm_set_freetype_face(rq, face);
    raqm_layout(rq);
    std::size_t count = 0;
    benchmark::DoNotOptimize(raqm_get_glyphs(rq, &count));
    raqm_destroy(rq);
    return count;
}

void BM_RaqmShortLabel(benchmark::State& state) {
    static RaqmFonts fonts;
    FT_Set_Char_Size(fonts.face, 0, 28 * 64, 72, 72);
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(raqm_layout_once(fonts.face, kLabels[i++ % kLabels.size()]));
}
BENCHMARK(BM_RaqmShortLabel);

void BM_RaqmParagraph300(benchmark::State& state) {
    static RaqmFonts fonts;
    FT_Set_Char_Size(fonts.face, 0, 24 * 64, 72, 72);
    for (auto _ : state) benchmark::DoNotOptimize(raqm_layout_once(fonts.face, kParagraph));
}
BENCHMARK(BM_RaqmParagraph300);
#endif

// Console output as usual, plus the times kept for the ratios printed at the end.
class RatioReporter final : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs)
            if (r.run_type == Run::RT_Iteration)
                ns[r.benchmark_name()] = r.GetAdjustedCPUTime();  // CPU: the kiosk shares its cores
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> ns;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto ratio = [&](const char* ours, const char* raqm) {
        if (reporter.ns.count(ours) == 0 || reporter.ns.count(raqm) == 0) return;
        std::printf("engine/raqm CPU time ratio, %s vs %s: %.2f (below 1 = engine faster, and it also breaks lines)\n",
                    ours, raqm, reporter.ns[ours] / reporter.ns[raqm]);
    };
    ratio("BM_LayoutShortLabelUncached", "BM_RaqmShortLabel");
    ratio("BM_LayoutParagraph300Uncached", "BM_RaqmParagraph300");
    benchmark::Shutdown();
    return 0;
}
