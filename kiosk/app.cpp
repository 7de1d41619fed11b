// The kiosk application; see app.h.
#include "kiosk/app.h"

#include <imgui.h>

#include "kiosk/screens/about.h"
#include "kiosk/screens/home.h"
#include "ui/widgets/ui.h"

namespace kiosk {

KioskApp::KioskApp(ui::text::Engine& text, ui::i18n::Strings strings, Content content, AppConfig config)
    : text_(text), strings_(std::move(strings)), content_(std::move(content)), config_(config) {
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
    screens::ScreenContext ctx{ui, strings_, session_, config_.utc_offset_minutes};

    ui.begin();
    switch (session_.screen) {
    case screens::ScreenId::Home: screens::draw_home(ctx); break;
    case screens::ScreenId::About: screens::draw_about(ctx, content_); break;
    }
    ui.end();

    holding_ = ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsAnyItemActive();
    wants_frame_ = session_.changed || session_.screen != screen_before;
}

double KioskApp::next_wakeup_ms(double now_ms) const {
    // While a finger rests on a hold target its progress ring moves; otherwise only the
    // clock changes, once a minute.
    if (holding_) return now_ms + 50.0;
    const std::int64_t wall_now = last_wall_ms_ + static_cast<std::int64_t>(now_ms - last_now_ms_);
    const std::int64_t to_next_minute = 60000 - (wall_now % 60000);
    return now_ms + static_cast<double>(to_next_minute);
}

}  // namespace kiosk
