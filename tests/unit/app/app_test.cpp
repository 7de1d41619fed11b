// The kiosk application in one process: a headless host, the text engine, a real store in a
// temporary directory, driven by replay steps as a visitor or staff would. What it pins down:
// screens return actions and the app performs them (a store failure reaches the form as a calm
// message), and staff tabs read the store when a tab opens or the figures are stale, never
// while a finger drags a list.
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/app.h"
#include "kiosk/session/content.h"
#include "kiosk/staff/pin.h"
#include "store_fixture.h"
#include "ui/platform/host.h"
#include "ui/platform/replay.h"
#include "ui/platform/resources.h"

namespace kiosk {
namespace {

using store::testing::HqKeys;
using store::testing::TempDir;

class App : public ::testing::Test {
protected:
    void open(bool with_store) {
        const std::string share = ui::platform::share_dir();
        auto host = ui::platform::Host::create({.headless = true, .width = 1280, .height = 800});
        ASSERT_TRUE(host) << host.error();
        host_ = std::move(*host);
        auto engine = ui::text::Engine::create(share + "/fonts");
        ASSERT_TRUE(engine) << engine.error();
        engine_ = std::move(*engine);
        engine_->set_texture_sink(&host_->texture_sink());
        if (with_store) {
            auto opened = store::Store::open(dir_.path(), store::testing::options_for(HqKeys::generate()));
            ASSERT_TRUE(opened);
            store_.emplace(std::move(*opened));
        }
        auto strings = ui::i18n::Strings::load(share + "/assets/strings");
        auto content = session::load_content(share + "/assets/content.json");
        ASSERT_TRUE(strings && content);
        app_ = std::make_unique<KioskApp>(*engine_, std::move(*strings), std::move(*content), AppConfig{},
                                          store_ ? &*store_ : nullptr);
    }
    // Runs JSON-lines replay steps; empty when they all held.
    std::string run(const std::string& steps) {
        std::istringstream in(steps);
        auto result = ui::platform::run_replay(*host_, *app_, in, {});
        if (result) return {};
        return "step " + std::to_string(result.error().step) + ": " + result.error().reason;
    }

    TempDir dir_;
    std::unique_ptr<ui::platform::Host> host_;
    std::unique_ptr<ui::text::Engine> engine_;
    std::optional<store::Store> store_;
    std::unique_ptr<KioskApp> app_;
};

constexpr const char* kOpenStaff = R"({"hold":"home.logo"}
{"expect_screen":"staff.pin"}
{"type":"2468"}
{"tap":"nav.submit"}
{"expect_screen":"staff.queue"}
)";

TEST_F(App, StaffTabsReadTheStoreWhenOpenedNotWhileDragged) {
    open(true);
    ASSERT_TRUE(staff::set_pin(*store_, "2468"));
    ASSERT_EQ(run(kOpenStaff), "");
    const auto opened = app_->staff_snapshot_reads();
    EXPECT_GE(opened, 2u);  // staff.pin, then the queue tab as it opens

    // A slow drag down the list and a fling: many frames, not one read.
    ASSERT_EQ(run(R"({"drag":[[640,700],[640,650],[640,600],[640,550],[640,500],[640,450],[640,400],[640,350]]}
{"drag":[[640,300],[640,700]]}
{"wait_ms":2000}
{"expect_screen":"staff.queue"}
)"),
              "");
    EXPECT_EQ(app_->staff_snapshot_reads(), opened);

    // Another tab opens: one read; the figures grow stale on the slow timer: another.
    ASSERT_EQ(run("{\"tap\":\"staff.tab.dashboard\"}\n{\"expect_screen\":\"staff.dashboard\"}\n"), "");
    const auto dashboard = app_->staff_snapshot_reads();
    EXPECT_EQ(dashboard, opened + 1);
    ASSERT_EQ(run("{\"wait_ms\":61000}\n{\"expect_screen\":\"staff.dashboard\"}\n"), "");
    EXPECT_GT(app_->staff_snapshot_reads(), dashboard);
}

TEST_F(App, AWrongPinIsCheckedByTheAppAndSaidOnThePinScreen) {
    open(true);
    ASSERT_TRUE(staff::set_pin(*store_, "2468"));
    ASSERT_EQ(run(R"({"hold":"home.logo"}
{"type":"1111"}
{"tap":"nav.submit"}
{"expect_screen":"staff.pin"}
)"),
              "");
    EXPECT_EQ(app_->session().forms.staff.pin_message.key, "staff.pin.wrong");
    EXPECT_FALSE(app_->session().forms.staff.unlocked);
    EXPECT_TRUE(app_->session().forms.staff.pin.empty());
}

TEST_F(App, ARatingWithoutAStoreKeepsTheFormAndSaysWhy) {
    open(false);
    ASSERT_EQ(run(R"({"tap":"home.rate"}
{"tap":"rate.overall.4"}
{"tap":"nav.submit"}
{"expect_screen":"rate.form"}
)"),
              "");
    const auto& rating = app_->session().forms.rating;
    EXPECT_EQ(rating.error_key, "store.error.io");
    EXPECT_EQ(rating.form.overall, 4);
}

TEST_F(App, ACommittedRequestLeavesMemoryAndShowsItsReference) {
    open(true);
    ASSERT_EQ(run(R"({"tap":"home.feedback"}
{"tap":"feedback.kind.suggestion"}
{"tap":"feedback.text"}
{"type":"ساعات العمل مساءً"}
{"tap":"nav.submit"}
{"expect_screen":"feedback.done"}
)"),
              "");
    const auto& flow = app_->session().forms.feedback;
    EXPECT_FALSE(flow.reference.empty());
    auto found = store_->lookup(flow.reference);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->local.has_value());
}

// What the form would refuse cannot be typed: an invisible joiner and a private-use character
// are dropped as they are typed, the letters around them kept.
TEST_F(App, FieldsDropWhatTheFormWouldRefuseAsItIsTyped) {
    open(true);
    ASSERT_EQ(run("{\"tap\":\"home.feedback\"}\n{\"tap\":\"feedback.text\"}\n"
                  "{\"type\":\"شكر\\u200dا\\ue000 لكم\"}\n"),
              "");
    EXPECT_EQ(app_->session().forms.feedback.form.text, "شكرا لكم");
}

}  // namespace
}  // namespace kiosk
