// kiosk/app.h — the kiosk application: which screen is shown, the visitor's session, and
// when the next frame is due. The platform host calls frame(); screens draw and return what
// the visitor asked for (screens/action.h); the app performs it here, in one place
// (perform.cpp), against the store, the sync worker and the export. Staff tabs draw from a
// snapshot the app refreshes when a tab opens, after "sync now" or an export, when the sync
// worker's state changes and on a slow timer — never while a finger drags a list.
#pragma once

#include <string_view>
#include <utility>

#include "kiosk/screens/screen.h"
#include "kiosk/session/content.h"
#include "kiosk/staff/staff_state.h"
#include "kiosk/store/store.h"
#include "sync/client/client.h"
#include "ui/i18n/strings.h"
#include "ui/platform/app.h"
#include "ui/text/text.h"

namespace kiosk {

struct AppConfig {
    ui::i18n::Lang default_lang = ui::i18n::Lang::Ar;
    ui::text::Digits digits = ui::text::Digits::Western;
    int utc_offset_minutes = 180;  // Saudi Arabia, no daylight saving
    double idle_seconds = 90.0;    // untouched this long, a screen warns before it resets
    bool bigger_text = false;      // what every visit starts with (staff.settings)
    bool high_contrast = false;
};

class KioskApp final : public ui::platform::App {
public:
    // `store` may be null: the kiosk then still informs, and forms say calmly that they
    // cannot be received right now.
    KioskApp(ui::text::Engine& text, ui::i18n::Strings strings, session::Content content, AppConfig config,
             store::Store* store);

    // The sync worker, when this kiosk is provisioned; woken when a visitor's record is stored.
    void set_sync(kiosk_sync::client::Client* sync) { sync_ = sync; }
    // What staff mode shows of this kiosk, and its export to a drive.
    void set_staff_services(staff::StaffServices services);
    bool wait_until_synced(double seconds) override;
    void finish_background_work() override;

    void frame(const ui::platform::Frame& frame) override;
    std::string_view screen_id() const override { return screens::screen_name(session_.screen); }
    bool wants_frame() const override { return wants_frame_; }
    double next_wakeup_ms(double now_ms) const override;
    void reveal(std::string_view target_id) override { session_.reveal = std::string(target_id); }

    const screens::Session& session() const { return session_; }
    // How many times the staff tabs' snapshot was read from the store (each read runs SQL).
    std::uint64_t staff_snapshot_reads() const { return staff_reads_; }

private:
    screens::Action draw_screen(screens::ScreenContext& ctx);
    // perform.cpp: each action a screen can return, against the world outside the screens.
    void perform(screens::Action& action);
    void act(std::monostate&) {}
    void act(screens::Submit& submit);
    void act(screens::LookUp& look_up);
    void act(screens::TryPin& try_pin);
    void act(screens::ChangePin& change);
    void act(screens::SaveSettings& save);
    void act(screens::SyncNow&);
    void act(screens::StartExport& start);
    void act(screens::ExportDashboard& save);
    // Reads the staff tabs' figures again when due (see the top of this file); `force` after
    // an action that changed them.
    void refresh_staff(double now_ms, bool force);
    void read_staff_snapshot(double now_ms);
    // Notes input, shows the idle warning when due and wipes the visit when it runs out.
    void watch_idle(const ui::platform::Frame& frame, screens::ScreenContext& ctx);
    void wipe_visit();
    // Staff's saved settings (staff.settings) over config.json's, for every visit from now on.
    void apply_staff_settings();
    void use_settings(const staff::KioskSettings& settings);

    ui::text::Engine& text_;
    ui::i18n::Strings strings_;
    session::Content content_;
    AppConfig config_;
    store::Store* store_ = nullptr;
    kiosk_sync::client::Client* sync_ = nullptr;
    staff::StaffServices staff_services_;
    screens::Session session_;
    bool wants_frame_ = false;
    bool holding_ = false;
    bool animating_ = false;
    double last_input_ms_ = 0.0;
    bool pointer_was_down_ = false;
    bool idle_warning_ = false;
    double last_now_ms_ = 0.0;
    std::int64_t last_wall_ms_ = 0;
    screens::ScreenId shown_ = screens::ScreenId::Home;  // the screen the last frame drew
    bool pointer_down_ = false;                          // a finger on the screen this frame
    std::uint64_t staff_reads_ = 0;
};

}  // namespace kiosk
