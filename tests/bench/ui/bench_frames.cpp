// Frame building and drawing for kiosk screens, headless (software renderer), text cached:
// the cost of one frame once a screen is up, and of a tap through to the next frame.
#include <expected>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "kiosk/app.h"
#include "kiosk/session/content.h"
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
        // HQ's public key (a fixed test key), so records can be sealed and receipts shown.
        std::filesystem::create_directories(data / "keys");
        std::ofstream(data / "keys" / "hq_box.pub")
            << "8f40c5adb68f25624ae5b214ea767a6ec94d829d3d7b5e1ad1ba6f3e2138285f\n";
        host = std::move(*ui::platform::Host::create({.headless = true, .width = w, .height = h}));
        engine = std::move(*ui::text::Engine::create(share + "/fonts"));
        engine->set_texture_sink(&host->texture_sink());
        auto opened = kiosk::store::Store::open(data);
        if (opened) store.emplace(std::move(*opened));
        app =
            std::make_unique<kiosk::KioskApp>(*engine, std::move(*ui::i18n::Strings::load(share + "/assets/strings")),
                                              std::move(*kiosk::session::load_content(share + "/assets/content.json")),
                                              kiosk::AppConfig{}, store ? &*store : nullptr);
    }
    // Empty, or why the steps did not reach where they meant to.
    std::expected<void, std::string> replay(const std::string& steps) {
        std::istringstream in(steps);
        auto result = ui::platform::run_replay(*host, *app, in, {});
        if (!result)
            return std::unexpected("step " + std::to_string(result.error().step) + ": " + result.error().reason);
        return {};
    }
};

// The steps that reach each screen a visitor sees (DESIGN.md's ids), ending on that screen.
struct ScreenSteps {
    const char* screen;
    std::string steps;
};

std::string step(const std::string& kind, const std::string& value) { return "{\"" + kind + "\":\"" + value + "\"}\n"; }

std::vector<ScreenSteps> visitor_screens() {
    const std::string request_data =
        step("tap", "home.request") + step("tap", "request.type.rent") + step("tap", "nav.next");
    const std::string request_review =
        request_data + step("tap", "request.name") + step("type", "محمد عبدالله العتيبي") +
        step("tap", "request.national_id") + step("type", "1045678909") + step("tap", "request.mobile") +
        step("type", "0551234567") + step("tap", "request.city") + step("type", "الدمام") +
        step("tap", "request.district") + step("type", "الفيصلية") + step("tap", "request.family_size") +
        step("type", "5") + step("tap", "request.income") + step("type", "3000") + step("tap", "request.description") +
        step("type", "أسرة من خمسة أفراد، ودخلنا الشهري لا يكفي لسداد إيجار السكن المتأخر منذ شهرين.") +
        step("tap", "keyboard.done") + step("tap", "nav.next");
    const std::string request_sign = request_review + step("tap", "nav.next");
    const std::string signature =
        "{\"drag_in\":\"request.signature\",\"path\":[[0.12,0.62],[0.2,0.38],[0.3,0.64],[0.4,0.34],[0.5,0.6],[0.7,0.5]]"
        "}\n";
    const std::string feedback = step("tap", "home.feedback") + step("tap", "feedback.kind.inquiry") +
                                 step("tap", "feedback.text") + step("type", "هل توجد دورات تدريبية للأمهات؟") +
                                 step("tap", "keyboard.done");
    const std::string volunteer = step("tap", "home.volunteer") + step("tap", "volunteer.name") +
                                  step("type", "محمد الشهري") + step("tap", "volunteer.mobile") +
                                  step("type", "0501234567") + step("tap", "volunteer.skill.teaching") +
                                  step("tap", "volunteer.availability.weekends") + step("tap", "keyboard.done");
    const std::string status = step("tap", "home.status") + step("tap", "status.reference") +
                               step("type", "5aa3 97z7") + step("tap", "keyboard.done");
    return {
        {"home", ""},
        {"about", step("tap", "home.about")},
        {"rate.form", step("tap", "home.rate")},
        {"rate.done", step("tap", "home.rate") + step("tap", "rate.overall.4") + step("tap", "nav.submit")},
        {"request.need", step("tap", "home.request")},
        {"request.data", request_data},
        {"request.review", request_review},
        {"request.sign", request_sign},
        {"request.done", request_sign + step("tap", "request.declaration") + signature + step("tap", "nav.submit")},
        {"feedback.form", feedback},
        {"feedback.done", feedback + step("tap", "nav.submit")},
        {"volunteer.form", volunteer},
        {"volunteer.done", volunteer + step("tap", "nav.submit")},
        {"status.lookup", status},
        {"status.result", status + step("tap", "nav.submit")},
    };
}

bool g_unreached = false;  // a screen's steps did not reach it: the smoke test fails

// One settled frame of a screen that is up, its text laid out and its glyphs in the atlas.
void screen_frame(benchmark::State& state, const ScreenSteps& target, int w, int h) {
    Kiosk k(w, h);
    const auto reached = k.replay(target.steps + step("expect_screen", target.screen));
    if (!reached) {
        g_unreached = true;
        state.SkipWithError(reached.error().c_str());
        return;
    }
    k.host->settle(*k.app);
    for (auto _ : state) k.host->settle(*k.app);
}

void BM_FrameRateTyping(benchmark::State& state) {
    screen_frame(state,
                 {"rate.form", step("tap", "home.rate") + step("tap", "rate.comment") + step("type", "الخدمة ممتازة")},
                 1280, 800);
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

BENCHMARK(BM_FrameRateTyping)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TapToFrame)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    // BM_Frame/<screen>/<size>: every screen a visitor sees, landscape and portrait.
    for (const auto& target : visitor_screens())
        for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1080, 1920}})
            benchmark::RegisterBenchmark(
                ("BM_Frame/" + std::string(target.screen) + "/" + std::to_string(w) + "x" + std::to_string(h)).c_str(),
                [target, w, h](benchmark::State& state) { screen_frame(state, target, w, h); })
                ->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return g_unreached ? 1 : 0;
}
