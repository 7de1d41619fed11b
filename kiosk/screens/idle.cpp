// The idle warning; see idle.h.
#include "kiosk/screens/idle.h"

#include <algorithm>

#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

double idle_pause_ms(ScreenId screen, double base_seconds) {
    switch (screen) {
    // Writing a description or reading the declaration takes longer than tapping a face.
    case ScreenId::RequestData:
    case ScreenId::RequestSign:
    case ScreenId::FeedbackForm:
    case ScreenId::VolunteerForm: return base_seconds * 2000.0;
    default: return base_seconds * 1000.0;
    }
}

IdleChoice draw_idle_warning(ScreenContext& ctx, int seconds_left) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    IdleChoice choice;
    ui.begin_overlay("idle");
    const float w = std::min(ui.width() - 80.0f * u, 820.0f * u);
    const float pad = 36.0f * u;
    const float text_w = w - 2 * pad;
    const std::string count = ctx.strings.format("idle.seconds_left", {ui::i18n::Arg::num("n", seconds_left)});
    const float title_h = ui.measure(ctx.tr("idle.title"), text_w, TextOptions{.role = TextRole::Heading});
    const float body_h = ui.measure(ctx.tr("idle.body"), text_w, TextOptions{.role = TextRole::Label});
    const float count_h = ui.measure(count, text_w, TextOptions{.role = TextRole::Title});
    const float button_h = 80.0f * u;
    const float h = pad + title_h + 12.0f * u + body_h + 20.0f * u + count_h + 28.0f * u + button_h + pad;
    const Rect box{(ui.width() - w) * 0.5f, (ui.height() - h) * 0.5f, w, h};
    ui.fill(box, t.surface, 24.0f * u);
    ui.outline(box, t.accent, 24.0f * u, 4.0f * u);
    float y = box.y + pad;
    y += ui.label(ctx.tr("idle.title"), Rect{box.x + pad, y, text_w, 0},
                  TextOptions{.role = TextRole::Heading, .weight = ui::text::Weight::Bold, .colour = t.primary,
                              .align = ui::text::Align::Center}) + 12.0f * u;
    y += ui.label(ctx.tr("idle.body"), Rect{box.x + pad, y, text_w, 0},
                  TextOptions{.role = TextRole::Label, .align = ui::text::Align::Center}) + 20.0f * u;
    y += ui.label(count, Rect{box.x + pad, y, text_w, 0},
                  TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .colour = t.danger,
                              .align = ui::text::Align::Center}) + 28.0f * u;
    const float gap = 20.0f * u;
    const float bw = (text_w - gap) * 0.5f;
    choice.more_time = ui::widgets::button(ui, "idle.more_time", ctx.tr("idle.more_time"),
                                           ui.from_start(ui.width() - box.right() + pad, y, bw * 1.2f, button_h), ui::widgets::ButtonKind::Primary);
    choice.finish = ui::widgets::button(ui, "idle.finish", ctx.tr("idle.finish"),
                                        ui.from_start(ui.width() - box.right() + pad + bw * 1.2f + gap, y, bw * 0.8f, button_h));
    ui.end_overlay();
    return choice;
}

}  // namespace kiosk::screens
