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

namespace {

constexpr float kQrSide = 240.0f;  // layout units; at 1280x800 a unit is a pixel

// The reference card: "your reference", the reference itself (Hero size), how to follow it
// up, and its QR code — beside the text in landscape, under it in portrait, where there is
// room for a larger code. Returns the card's height.
float reference_card(ScreenContext& ctx, const DoneSpec& spec, const Rect& area) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 24.0f * u;
    const bool portrait = ui.height() > ui.width();
    const float qr = portrait ? std::min(area.w - 2 * pad, 320.0f * u) : kQrSide * u;
    const float text_w = portrait ? area.w - 2 * pad : area.w - qr - 3 * pad;
    const TextOptions label{.role = TextRole::Body, .colour = t.text_muted};
    const TextOptions reference{.role = TextRole::Hero,
                                .weight = ui::text::Weight::Bold,
                                .colour = t.text,
                                .wrap = false,
                                .direction = ui::text::Direction::Ltr};
    const TextOptions hint{.role = TextRole::Body};
    const float text_h = ui.measure(ctx.tr("done.reference"), text_w, label) +
                         ui.measure(spec.reference, text_w, reference) + 4.0f * u +
                         ui.measure(ctx.tr("done.reference_hint"), text_w, hint);
    const float box_h = portrait ? text_h + qr + 3 * pad : std::max(qr, text_h) + 2 * pad;
    const Rect box{area.x, area.y, area.w, box_h};
    ui.fill(box, t.surface, 16.0f * u);
    ui.outline(box, t.primary, 16.0f * u, 3.0f * u);
    const Rect text = portrait ? Rect{box.x + pad, box.y + pad, text_w, text_h}
                               : ui.mirrored(Rect{box.x + pad, box.y + (box_h - text_h) * 0.5f, text_w, text_h});
    const Rect qr_box = portrait ? Rect{box.x + (box.w - qr) * 0.5f, text.bottom() + pad, qr, qr}
                                 : ui.mirrored(Rect{box.right() - pad - qr, box.y + pad, qr, qr});
    ui::widgets::draw_qr(spec.reference, qr_box);
    float ty = text.y;
    ty += ui.label(ctx.tr("done.reference"), Rect{text.x, ty, text.w, 0}, label);
    ty += ui.label(spec.reference, Rect{text.x, ty, text.w, 0}, reference) + 4.0f * u;
    ui.label(ctx.tr("done.reference_hint"), Rect{text.x, ty, text.w, 0}, hint);
    return box_h;
}

}  // namespace

void draw_done(ScreenContext& ctx, const DoneSpec& spec) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{.show_back = false, .show_rate = spec.offer_rating});
    const Rect body = chrome.body;
    const float w = std::min(body.w - 80.0f * u, 1040.0f * u);
    const float x = (ui.width() - w) * 0.5f;
    const bool with_reference = !spec.reference.empty();
    // With a reference card to fit, the check mark is smaller, and in landscape it gives its
    // room to the card: the title says the same, and card and button must never touch.
    const bool portrait = ui.height() > ui.width();
    const float icon = with_reference ? (portrait ? 64.0f * u : 0.0f) : 130.0f * u;
    float y = body.y + (with_reference ? 16.0f * u : body.h * 0.15f);
    if (icon > 0.0f) {
        ui::widgets::draw_icon(ui::widgets::Icon::Check, Rect{(ui.width() - icon) * 0.5f, y, icon, icon}, t.success,
                               false);
        y += icon + 10.0f * u;
    }
    y += ui.label(ctx.tr(spec.title_key), Rect{x, y, w, 0},
                  TextOptions{.role = TextRole::Heading,
                              .weight = ui::text::Weight::Bold,
                              .colour = t.primary,
                              .align = ui::text::Align::Center}) +
         8.0f * u;
    y += ui.label(ctx.tr(spec.detail_key), Rect{x, y, w, 0},
                  TextOptions{.role = TextRole::Label, .align = ui::text::Align::Center}) +
         20.0f * u;
    if (with_reference) y += reference_card(ctx, spec, Rect{x, y, w, 0}) + 24.0f * u;
    // "Finish" under the card, never on it.
    const float bw = 320.0f * u;
    const float bh = 76.0f * u;
    if (ui::widgets::button(ui, spec.home_id, ctx.tr("done.finish"), Rect{(ui.width() - bw) * 0.5f, y, bw, bh},
                            ui::widgets::ButtonKind::Primary))
        ctx.session.go(ScreenId::Home);
}

}  // namespace kiosk::screens
