// Frame building and drawing for kiosk screens, headless (software renderer), text cached:
// the cost of one frame once a screen is up, and of a tap through to the next frame.
#include <filesystem>
#include <sstream>

#include <benchmark/benchmark.h>

#include "kiosk/app.h"
#include "kiosk/content.h"
#include "ui/platform/host.h"
#include "ui/platform/replay.h"
#include "ui/platform/resources.h"

namespace {

struct Kiosk {
    std::unique_ptr<ui::platform::Host> host;
    std::unique_ptr<ui::text::Engine> engine;
    std::optional<kiosk::store::Store> store;
    std::unique_ptr<kiosk::KioskApp> app;

    explicit Kiosk(int w, int h) {
        const std::string share = ui::platform::share_dir();
        const auto data = std::filesystem::temp_directory_path() / "bench_frames_data";
        std::filesystem::remove_all(data);
        host = std::move(*ui::platform::Host::create({.headless = true, .width = w, .height = h}));
        engine = std::move(*ui::text::Engine::create(share + "/fonts"));
        engine->set_texture_sink(&host->texture_sink());
        auto opened = kiosk::store::Store::open(data);
        if (opened) store.emplace(std::move(*opened));
        app = std::make_unique<kiosk::KioskApp>(*engine, std::move(*ui::i18n::Strings::load(share + "/assets/strings")),
                                                std::move(*kiosk::load_content(share + "/assets/content.json")),
                                                kiosk::AppConfig{}, store ? &*store : nullptr);
    }
    void replay(const std::string& steps) {
        std::istringstream in(steps);
        (void)ui::platform::run_replay(*host, *app, in, {});
    }
};

void screen_frame(benchmark::State& state, const char* steps) {
    Kiosk k(1280, 800);
    k.replay(steps);
    k.host->settle(*k.app);  // warm: layouts cached, glyphs in the atlas
    for (auto _ : state) k.host->settle(*k.app);
}

void BM_FrameHome(benchmark::State& state) { screen_frame(state, "{\"expect_screen\":\"home\"}\n"); }
void BM_FrameAbout(benchmark::State& state) { screen_frame(state, "{\"tap\":\"home.about\"}\n"); }
void BM_FrameRateForm(benchmark::State& state) { screen_frame(state, "{\"tap\":\"home.rate\"}\n"); }
void BM_FrameRateTyping(benchmark::State& state) {
    screen_frame(state, "{\"tap\":\"home.rate\"}\n{\"tap\":\"rate.comment\"}\n{\"type\":\"الخدمة ممتازة\"}\n");
}

// A tap on a face and the frames until the screen shows it.
void BM_TapToFrame(benchmark::State& state) {
    Kiosk k(1280, 800);
    k.replay("{\"tap\":\"home.rate\"}\n");
    const auto* face = k.host->targets().find("rate.overall.3");
    if (!face) {
        state.SkipWithError("rate.overall.3 not shown");
        return;
    }
    const float x = face->cx();
    const float y = face->cy();
    for (auto _ : state) {
        k.host->set_pointer(x, y, true);
        k.host->settle(*k.app);
        k.host->set_pointer(x, y, false);
        k.host->settle(*k.app);
    }
}

BENCHMARK(BM_FrameHome)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameAbout)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameRateForm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameRateTyping)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TapToFrame)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
