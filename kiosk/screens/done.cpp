// The confirmation screen; see done.h.
#include "kiosk/screens/done.h"

#include <algorithm>

#include "kiosk/screens/chrome.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/qr.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

void draw_done(ScreenContext& ctx, const DoneSpec& spec) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{.show_back = false, .show_rate = spec.offer_rating});
    const Rect body = chrome.body;
    const float w = std::min(body.w - 80.0f * u, 960.0f * u);
    const float x = (ui.width() - w) * 0.5f;
    const bool with_reference = !spec.reference.empty();
    const float icon = (with_reference ? 84.0f : 130.0f) * u;
    float y = body.y + (with_reference ? 24.0f * u : body.h * 0.15f);
    ui::widgets::draw_icon(ui::widgets::Icon::Check, Rect{(ui.width() - icon) * 0.5f, y, icon, icon}, t.success, false);
    y += icon + 16.0f * u;
    const TextOptions centred{.role = TextRole::Label, .align = ui::text::Align::Center};
    y += ui.label(ctx.tr(spec.title_key), Rect{x, y, w, 0},
                  TextOptions{.role = TextRole::Heading,
                              .weight = ui::text::Weight::Bold,
                              .colour = t.primary,
                              .align = ui::text::Align::Center}) +
         10.0f * u;
    y += ui.label(ctx.tr(spec.detail_key), Rect{x, y, w, 0}, centred) + 24.0f * u;
    if (with_reference) {
        // The reference and its code side by side; the code is what a phone camera reads.
        const float qr = std::min(200.0f * u, body.bottom() - y - 140.0f * u);
        // Tall enough for the text beside the code too: the hint wraps to several lines.
        const float text_w = w - qr - 64.0f * u;
        const float text_h = ui.measure(ctx.tr("done.reference"), text_w, TextOptions{.role = TextRole::Body}) +
                             ui.measure(spec.reference, text_w, TextOptions{.role = TextRole::Display, .wrap = false}) +
                             ui.measure(ctx.tr("done.reference_hint"), text_w, TextOptions{.role = TextRole::Body}) +
                             36.0f * u;
        const float box_h = std::max({qr, 150.0f * u, text_h});
        const Rect box{x, y, w, box_h};
        ui.fill(box, t.surface, 16.0f * u);
        ui.outline(box, t.primary, 16.0f * u, 3.0f * u);
        const Rect qr_box = ui.rtl() ? Rect{box.x + 16.0f * u, y + (box_h - qr) * 0.5f, qr, qr}
                                     : Rect{box.right() - 16.0f * u - qr, y + (box_h - qr) * 0.5f, qr, qr};
        ui::widgets::draw_qr(spec.reference, qr_box);
        const Rect text =
            ui.rtl() ? Rect{qr_box.right() + 24.0f * u, y + 16.0f * u, box.right() - qr_box.right() - 48.0f * u, 0}
                     : Rect{box.x + 24.0f * u, y + 16.0f * u, qr_box.x - box.x - 48.0f * u, 0};
        float ty = text.y;
        ty += ui.label(ctx.tr("done.reference"), Rect{text.x, ty, text.w, 0},
                       TextOptions{.role = TextRole::Body, .colour = t.text_muted});
        ty += ui.label(spec.reference, Rect{text.x, ty, text.w, 0},
                       TextOptions{.role = TextRole::Display,
                                   .weight = ui::text::Weight::Bold,
                                   .colour = t.text,
                                   .wrap = false,
                                   .direction = ui::text::Direction::Ltr}) +
              4.0f * u;
        ui.label(ctx.tr("done.reference_hint"), Rect{text.x, ty, text.w, 0}, TextOptions{.role = TextRole::Body});
        y += box_h + 24.0f * u;
    }
    const float bw = 320.0f * u;
    const float bh = 76.0f * u;
    if (ui::widgets::button(ui, spec.home_id, ctx.tr("done.finish"),
                            Rect{(ui.width() - bw) * 0.5f, std::min(y, body.bottom() - bh - 16.0f * u), bw, bh},
                            ui::widgets::ButtonKind::Primary))
        ctx.session.go(ScreenId::Home);
}

}  // namespace kiosk::screens
