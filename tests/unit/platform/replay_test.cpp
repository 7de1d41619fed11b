// The replay driver against a headless host and a tiny app with two buttons: taps land on
// targets, virtual time advances without sleeping, failures name their step.
#include <chrono>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <imgui.h>

#include "ui/platform/host.h"
#include "ui/platform/replay.h"

namespace {

using ui::platform::Frame;
using ui::platform::Host;
using ui::platform::HostOptions;


// Two screens: "first" with a button to "second"; "second" counts typed text and wakes
// itself every second.
class TwoScreens final : public ui::platform::App {
public:
    void frame(const Frame& f) override {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration);
        typed += f.input->text;
        frames_seen++;
        const bool before = second;
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        if (!second && ImGui::InvisibleButton("go", ImVec2(200, 80))) second = true;
        if (!second) f.targets->add("first.go", {100, 100, 200, 80});
        if (second) f.targets->add("second.field", {10, 10, 50, 50});
        ImGui::End();
        changed = before != second;
        last_now = f.now_ms;
    }
    std::string_view screen_id() const override { return second ? "second" : "first"; }
    bool wants_frame() const override { return changed; }
    double next_wakeup_ms(double now) const override { return second ? now + 1000.0 : 1e300; }

    bool second = false;
    bool changed = false;
    int frames_seen = 0;
    double last_now = 0;
    std::string typed;
};

std::unique_ptr<Host> headless() {
    auto host = Host::create(HostOptions{.headless = true, .width = 640, .height = 480});
    EXPECT_TRUE(host.has_value()) << host.error();
    return std::move(*host);
}

TEST(Replay, TapMovesToTheNextScreenAndTypingArrives) {
    auto host = headless();
    TwoScreens app;
    std::istringstream steps(R"({"expect_screen":"first"}
{"tap":"first.go"}
{"expect_screen":"second"}
{"type":"سلام"}
)");
    auto result = run_replay(*host, app, steps, {});
    ASSERT_TRUE(result.has_value()) << result.error().reason;
    EXPECT_EQ(app.typed, "سلام");
}

TEST(Replay, WaitAdvancesVirtualTimeAndDrawsOnlyAtWakeups) {
    auto host = headless();
    TwoScreens app;
    std::istringstream steps("{\"tap\":\"first.go\"}\n{\"wait_ms\":10000}\n");
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(run_replay(*host, app, steps, {}).has_value());
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));  // ten virtual seconds
    EXPECT_GE(app.last_now, 10000.0);
    const int frames = app.frames_seen;
    std::istringstream idle("{\"wait_ms\":0}\n");
    TwoScreens idle_app;  // stays on "first", which never wakes itself
    ASSERT_TRUE(run_replay(*host, idle_app, idle, {}).has_value());
    std::istringstream long_wait("{\"wait_ms\":600000}\n");
    const int before = idle_app.frames_seen;
    ASSERT_TRUE(run_replay(*host, idle_app, long_wait, {}).has_value());
    EXPECT_LE(idle_app.frames_seen - before, 3) << "an idle screen must not be redrawn";
    EXPECT_GT(frames, 10);  // one frame per second of the waking screen
}

TEST(Replay, UnknownTargetFailsAtItsStep) {
    auto host = headless();
    TwoScreens app;
    std::istringstream steps("{\"expect_screen\":\"first\"}\n\n{\"tap\":\"first.nothing\"}\n{\"tap\":\"first.go\"}\n");
    auto result = run_replay(*host, app, steps, {});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().step, 2);
    EXPECT_NE(result.error().reason.find("first.nothing"), std::string::npos);
    EXPECT_FALSE(app.second);  // nothing after the failing step ran
}

TEST(Replay, HiddenTargetIsUnknown) {
    auto host = headless();
    TwoScreens app;
    std::istringstream steps("{\"tap\":\"first.go\"}\n{\"tap\":\"first.go\"}\n");
    auto result = run_replay(*host, app, steps, {});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().step, 2);
}

TEST(Replay, ExpectScreenMismatchAndBadJsonFail) {
    auto host = headless();
    TwoScreens app;
    std::istringstream wrong("{\"expect_screen\":\"second\"}\n");
    auto r1 = run_replay(*host, app, wrong, {});
    ASSERT_FALSE(r1.has_value());
    EXPECT_EQ(r1.error().step, 1);
    std::istringstream bad("{\"wait_ms\":1}\n{\"tap\": \n");
    auto r2 = run_replay(*host, app, bad, {});
    ASSERT_FALSE(r2.has_value());
    EXPECT_EQ(r2.error().step, 2);
    std::istringstream unknown("{\"fly\":\"away\"}\n");
    EXPECT_FALSE(run_replay(*host, app, unknown, {}).has_value());
}

TEST(Replay, ScreenshotWritesAPng) {
    auto host = headless();
    TwoScreens app;
    auto dir = std::filesystem::temp_directory_path() / "replay_test_shots";
    std::filesystem::remove_all(dir);
    std::istringstream steps("{\"screenshot\":\"one\"}\n");
    ASSERT_TRUE(run_replay(*host, app, steps, {.screenshots_dir = dir.string()}).has_value());
    EXPECT_GT(std::filesystem::file_size(dir / "one.png"), 100u);
}

}  // namespace
