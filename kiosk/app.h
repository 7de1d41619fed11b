// kiosk/app.h — the kiosk application: which screen is shown, the visitor's session, and
// when the next frame is due. The platform host calls frame(); screens draw.
#pragma once

#include <string_view>

#include "kiosk/content.h"
#include "kiosk/screens/screen.h"
#include "kiosk/store/store.h"
#include "ui/i18n/strings.h"
#include "ui/platform/app.h"
#include "ui/text/text.h"

namespace kiosk {

struct AppConfig {
    ui::i18n::Lang default_lang = ui::i18n::Lang::Ar;
    ui::text::Digits digits = ui::text::Digits::Western;
    int utc_offset_minutes = 180;   // Saudi Arabia, no daylight saving
};

class KioskApp final : public ui::platform::App {
public:
    // `store` may be null: the kiosk then still informs, and forms say calmly that they
    // cannot be received right now.
    KioskApp(ui::text::Engine& text, ui::i18n::Strings strings, Content content, AppConfig config, store::Store* store);

    void frame(const ui::platform::Frame& frame) override;
    std::string_view screen_id() const override { return screens::screen_name(session_.screen); }
    bool wants_frame() const override { return wants_frame_; }
    double next_wakeup_ms(double now_ms) const override;
    void reveal(std::string_view target_id) override { session_.reveal = std::string(target_id); }

    const screens::Session& session() const { return session_; }

private:
    void draw_screen(screens::ScreenContext& ctx);

    ui::text::Engine& text_;
    ui::i18n::Strings strings_;
    Content content_;
    AppConfig config_;
    store::Store* store_ = nullptr;
    screens::Session session_;
    bool wants_frame_ = false;
    bool holding_ = false;
    bool animating_ = false;
    double last_now_ms_ = 0.0;
    std::int64_t last_wall_ms_ = 0;
};

}  // namespace kiosk
