// The about screen; see about.h. Landscape: text at the start, channels and codes at the
// end; portrait: one column.
#include "kiosk/screens/about.h"

#include <algorithm>

#include "kiosk/screens/chrome.h"
#include "ui/widgets/qr.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

float bullet_list(ui::widgets::Ui& ui, const std::vector<std::string>& items, float x, float y, float w) {
    const float u = ui.scale();
    const float dot = 10.0f * u;
    const float indent = 28.0f * u;
    float top = y;
    for (const auto& item : items) {
        const float line = ui.text_px(TextRole::Body) * 1.6f;
        Rect dot_box = ui.rtl() ? Rect{x + w - dot - 6.0f * u, y + line * 0.5f - dot * 0.5f, dot, dot}
                                : Rect{x + 6.0f * u, y + line * 0.5f - dot * 0.5f, dot, dot};
        ui.fill(dot_box, ui.theme().accent, dot * 0.5f);
        Rect text = ui.rtl() ? Rect{x, y, w - indent, 0} : Rect{x + indent, y, w - indent, 0};
        y += ui.label(item, text, TextOptions{.role = TextRole::Body}) + 8.0f * u;
    }
    return y - top;
}

float section_title(ui::widgets::Ui& ui, const std::string& text, float x, float y, float w) {
    return ui.label(
        text, Rect{x, y, w, 0},
        TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .colour = ui.theme().primary});
}

void qr_card(ui::widgets::Ui& ui, const std::string& payload, const std::string& caption, const Rect& r) {
    const float u = ui.scale();
    ui.fill(r, ui.theme().surface, 14.0f * u);
    ui.outline(r, ui.theme().border, 14.0f * u);
    const float cap = ui.text_px(TextRole::Body) * 1.8f;
    ui::widgets::draw_qr(payload, Rect{r.x + 10 * u, r.y + 10 * u, r.w - 20 * u, r.h - cap - 20 * u});
    ui.label(caption, Rect{r.x, r.bottom() - cap - 6 * u, r.w, cap},
             TextOptions{.role = TextRole::Body,
                         .weight = ui::text::Weight::Bold,
                         .align = ui::text::Align::Center,
                         .centre_vertically = true,
                         .max_lines = 1});
}

}  // namespace

void draw_about(ScreenContext& ctx, const Content& content) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{});
    if (chrome.back) ctx.session.go(ScreenId::Home);
    const AboutText& about = content.about(ctx.session.lang);
    const Rect body = chrome.body;
    const float pad = 40.0f * u;
    const bool portrait = ui.height() > ui.width();
    const float gap = 40.0f * u;
    const float col_w = portrait ? body.w - 2 * pad : (body.w - 2 * pad - gap) * 0.55f;
    const float side_w = portrait ? body.w - 2 * pad : body.w - 2 * pad - gap - col_w;

    // First column, from the start edge.
    Rect first = ui.from_start(pad, body.y + pad * 0.6f, col_w, 0);
    float y = first.y;
    y += ui.label(
        about.title, Rect{first.x, y, first.w, 0},
        TextOptions{.role = TextRole::Heading, .weight = ui::text::Weight::Bold, .colour = ui.theme().primary});
    y += 10.0f * u;
    y += ui.label(about.intro, Rect{first.x, y, first.w, 0}, TextOptions{.role = TextRole::Body});
    y += 24.0f * u;
    y += section_title(ui, about.services_title, first.x, y, first.w) + 8.0f * u;
    y += bullet_list(ui, about.services, first.x, y, first.w);

    // Channels and QR codes: beside the text in landscape, below it in portrait.
    Rect second = portrait ? ui.from_start(pad, y + 24.0f * u, side_w, 0)
                           : ui.from_start(pad + col_w + gap, body.y + pad * 0.6f, side_w, 0);
    float y2 = second.y;
    y2 += section_title(ui, about.channels_title, second.x, y2, second.w) + 8.0f * u;
    y2 += bullet_list(ui, about.channels, second.x, y2, second.w) + 16.0f * u;
    const float card = std::min((second.w - 24.0f * u) * 0.5f, std::max(120.0f * u, body.bottom() - y2 - 16.0f * u));
    Rect web = ui.rtl() ? Rect{second.right() - card, y2, card, card} : Rect{second.x, y2, card, card};
    Rect mail =
        ui.rtl() ? Rect{web.x - 24.0f * u - card, y2, card, card} : Rect{web.right() + 24.0f * u, y2, card, card};
    qr_card(ui, content.website, about.qr_web, web);
    qr_card(ui, content.email, about.qr_mail, mail);
}

}  // namespace kiosk::screens
