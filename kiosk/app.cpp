// The kiosk application; see app.h.
#include "kiosk/app.h"

#include <imgui.h>

#include "kiosk/screens/about.h"
#include "kiosk/screens/home.h"
#include "kiosk/screens/rate.h"
#include "ui/widgets/ui.h"

namespace kiosk {

KioskApp::KioskApp(ui::text::Engine& text, ui::i18n::Strings strings, Content content, AppConfig config,
                   store::Store* store)
    : text_(text), strings_(std::move(strings)), content_(std::move(content)), config_(config), store_(store) {
    session_.lang = config_.default_lang;
    strings_.set_lang(session_.lang);
}

void KioskApp::frame(const ui::platform::Frame& frame) {
    last_now_ms_ = frame.now_ms;
    last_wall_ms_ = frame.wall_ms;
    const auto screen_before = session_.screen;
    session_.changed = false;
    strings_.set_lang(session_.lang);

    ui::widgets::Theme theme = session_.high_contrast ? ui::widgets::Theme::high_contrast()
                                                      : ui::widgets::Theme::standard();
    theme.text_scale = session_.bigger_text ? 1.25f : 1.0f;
    ui::widgets::Ui ui(text_, frame, theme, ui::i18n::is_rtl(session_.lang), config_.digits);
    screens::ScreenContext ctx{ui, strings_, session_, content_, store_, config_.utc_offset_minutes};
    ui.set_reveal(session_.reveal);
    const std::string reveal = std::move(session_.reveal);
    session_.reveal.clear();

    ui.begin();
    draw_screen(ctx);
    ui.end();

    holding_ = ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsAnyItemActive();
    animating_ = session_.changed && !frame.input->pointer_down;
    wants_frame_ = session_.changed || ui.tapped_any() || session_.screen != screen_before || !reveal.empty() ||
                   !session_.focus.pending.empty() || session_.focus.reveal_frames > 0;
}

void KioskApp::draw_screen(screens::ScreenContext& ctx) {
    using screens::ScreenId;
    switch (session_.screen) {
    case ScreenId::Home: screens::draw_home(ctx); return;
    case ScreenId::About: screens::draw_about(ctx, content_); return;
    case ScreenId::RateForm: screens::draw_rate_form(ctx); return;
    case ScreenId::RateDone: screens::draw_rate_done(ctx); return;
    default: break;
    }
    // A flow this build does not offer has no tile; reaching it is a bug, and home is safe.
    session_.go(ScreenId::Home);
    screens::draw_home(ctx);
}

double KioskApp::next_wakeup_ms(double now_ms) const {
    // While a finger rests on a hold target its progress ring moves; otherwise only the
    // clock changes, once a minute.
    if (holding_ || animating_) return now_ms + 16.0;
    const std::int64_t wall_now = last_wall_ms_ + static_cast<std::int64_t>(now_ms - last_now_ms_);
    const std::int64_t to_next_minute = 60000 - (wall_now % 60000);
    return now_ms + static_cast<double>(to_next_minute);
}

}  // namespace kiosk
