// The home screen; see home.h. Tiles flow from the start edge, so in Arabic the first
// service is at the top right, as a reader looks first.
#include "kiosk/screens/home.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "kiosk/screens/chrome.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

std::span<const HomeTile> home_tiles() {
    static constexpr std::array tiles = {
        HomeTile{"home.request", "home.request.title", "home.request.hint", ui::widgets::Icon::Heart,
                 ScreenId::RequestNeed},
        HomeTile{"home.feedback", "home.feedback.title", "home.feedback.hint", ui::widgets::Icon::Bubble,
                 ScreenId::FeedbackForm},
        HomeTile{"home.volunteer", "home.volunteer.title", "home.volunteer.hint", ui::widgets::Icon::People,
                 ScreenId::VolunteerForm},
        HomeTile{"home.rate", "home.rate.title", "home.rate.hint", ui::widgets::Icon::Star, ScreenId::RateForm},
        HomeTile{"home.status", "home.status.title", "home.status.hint", ui::widgets::Icon::Search,
                 ScreenId::StatusLookup},
        HomeTile{"home.about", "home.about.title", "home.about.hint", ui::widgets::Icon::Info, ScreenId::About},
    };
    return tiles;
}

namespace {

// The form a screen belongs to, and whether the visitor has put anything in it yet. Done
// screens hold nothing unsent.
bool has_unsent_input(const Session& s, ScreenId screen) {
    switch (screen) {
    case ScreenId::RateForm: return s.forms.rating.form != domain::RatingForm{} || !s.forms.rating.comment.empty();
    case ScreenId::FeedbackForm: return s.forms.feedback.form != domain::FeedbackForm{};
    case ScreenId::VolunteerForm: return s.forms.volunteer.form != domain::VolunteerForm{};
    case ScreenId::RequestNeed:
    case ScreenId::RequestData:
    case ScreenId::RequestReview:
    case ScreenId::RequestSign: return s.forms.request.form != domain::SupportRequestForm{};
    default: return false;
    }
}

void wipe_form_of(Session& s, ScreenId screen) {
    switch (screen) {
    case ScreenId::RateForm: s.forms.rating = {}; break;
    case ScreenId::FeedbackForm: s.forms.feedback = {}; break;
    case ScreenId::VolunteerForm: s.forms.volunteer = {}; break;
    case ScreenId::RequestNeed:
    case ScreenId::RequestData:
    case ScreenId::RequestReview:
    case ScreenId::RequestSign: s.forms.request = {}; break;
    case ScreenId::StatusLookup: s.forms.status = {}; break;
    default: break;
    }
}

std::string_view left_form_key(ScreenId screen) {
    switch (screen) {
    case ScreenId::RateForm: return "home.left.rate";
    case ScreenId::FeedbackForm: return "home.left.feedback";
    case ScreenId::VolunteerForm: return "home.left.volunteer";
    default: return "home.left.request";
    }
}

}  // namespace

void start_flow(Session& session, ScreenId first) {
    // Every visit to a flow starts from an empty form: the previous visitor's answers are gone.
    if (session.left_form) wipe_form_of(session, session.left_form->screen);
    session.left_form.reset();
    wipe_form_of(session, first);
    session.go(first);
}

void leave_for_home(Session& session, double now_ms) {
    if (has_unsent_input(session, session.screen))
        session.left_form = Session::LeftForm{session.screen, now_ms + kLeftFormKeepMs};
    session.go(ScreenId::Home);
}

bool expire_left_form(Session& session, double now_ms) {
    if (!session.left_form || now_ms < session.left_form->until_ms) return false;
    wipe_form_of(session, session.left_form->screen);
    session.left_form.reset();
    session.changed = true;
    return true;
}

namespace {

float button_width(ScreenContext& ctx, std::string_view key) {
    const TextOptions style{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .wrap = false};
    return std::max(220.0f * ctx.ui.scale(), ctx.ui.layout(ctx.tr(key), 0, style).width + 56.0f * ctx.ui.scale());
}

// "You left your support request half-way", the seconds until it is erased, a button back to
// it and one that erases it at once: whoever stands at the kiosk next must not find it.
float draw_left_form(ScreenContext& ctx, float y) {
    auto& ui = ctx.ui;
    auto& s = ctx.session;
    if (!s.left_form) return 0;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 40.0f * u;
    const float w = ui.width() - 2 * pad;
    const float inner = 22.0f * u;
    const float bh = 72.0f * u;
    const float resume_w = button_width(ctx, "home.resume");
    const float erase_w = button_width(ctx, "home.erase");
    const float text_w = w - 4 * inner - resume_w - erase_w;
    const TextOptions text{.role = TextRole::Label};
    const auto seconds = static_cast<int>(std::ceil(std::max(0.0, s.left_form->until_ms - ui.now_ms()) / 1000.0));
    const std::string left = ctx.strings.format("home.left.seconds", {ui::i18n::Arg::num("n", seconds)});
    const float message_h = ui.measure(ctx.tr(left_form_key(s.left_form->screen)), text_w, text);
    const float h = std::max(bh, message_h + ui.measure(left, text_w, text)) + 2 * inner;
    const Rect box = ui.from_start(pad, y, w, h);
    ui.fill(box, t.surface, 16.0f * u);
    ui.outline(box, t.accent, 16.0f * u, 3.0f * u);
    const float ty = y + inner;
    ui.label(ctx.tr(left_form_key(s.left_form->screen)), ui.from_start(pad + inner, ty, text_w, 0), text);
    ui.label(left, ui.from_start(pad + inner, ty + message_h, text_w, 0),
             TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .colour = t.danger});
    const float by = y + (h - bh) * 0.5f;
    if (ui::widgets::button(ui, "home.erase", ctx.tr("home.erase"),
                            ui.from_start(pad + w - 2 * inner - resume_w - erase_w, by, erase_w, bh))) {
        wipe_form_of(s, s.left_form->screen);
        s.left_form.reset();
        s.changed = true;
    } else if (ui::widgets::button(ui, "home.resume", ctx.tr("home.resume"),
                                   ui.from_start(pad + w - inner - resume_w, by, resume_w, bh),
                                   ui::widgets::ButtonKind::Primary)) {
        s.go(s.left_form->screen);
        s.left_form.reset();
    }
    return h + 20.0f * u;
}

void draw_tile(ScreenContext& ctx, const HomeTile& tile, const Rect& r) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    if (ui.tap_area(tile.id, r)) start_flow(ctx.session, tile.target);
    ui.fill(r, ui.is_pressed() ? t.surface_pressed : t.surface, 18.0f * u);
    ui.outline(r, t.border, 18.0f * u, 2.0f);
    const float pad = 22.0f * u;
    TextOptions title{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .max_lines = 2};
    const TextOptions hint{.role = TextRole::Body, .colour = t.text_muted, .max_lines = 2};
    // A tall tile stacks icon over words; a short one (many tiles on a landscape screen)
    // puts the icon at the start edge and the words beside it.
    const bool stacked = r.h >= 250.0f * u;
    const float side_icon = std::min(72.0f * u, r.h - 2 * pad);
    const float text_w = stacked ? r.w - 2 * pad : r.w - 3 * pad - side_icon;
    // The title comes whole (up to three lines), the icon of a stacked tile giving way for it;
    // the hint follows when there is room for all of it (a tile shrinks when home shows more,
    // or text is larger). Nothing spills out of the tile.
    title.max_lines = 3;
    const float whole_title = ui.measure(ctx.tr(tile.title_key), text_w, title);
    const float icon =
        stacked ? std::clamp(r.h - 2 * pad - 12.0f * u - whole_title, 40.0f * u, std::min(84.0f * u, r.h * 0.34f))
                : side_icon;
    const float words_room = stacked ? r.h - 2 * pad - icon - 12.0f * u : r.h - pad * 0.5f;
    const auto line_of = [&](TextRole role) {
        return ui.measure("\u0627 A", text_w,
                          TextOptions{.role = role, .weight = ui::text::Weight::Bold, .max_lines = 1});
    };
    if (whole_title > words_room)
        title.max_lines = std::max(1, static_cast<int>(words_room / line_of(TextRole::Title)));
    const float title_h = ui.measure(ctx.tr(tile.title_key), text_w, title);
    // The hint comes whole (at most two lines) or not at all: half a hint says nothing.
    TextOptions hint_fit = hint;
    hint_fit.max_lines = 0;
    const float whole_hint = ui.measure(ctx.tr(tile.hint_key), text_w, hint_fit);
    hint_fit.max_lines = 2;
    const bool show_hint = whole_hint <= ui.measure(ctx.tr(tile.hint_key), text_w, hint_fit) + 0.5f &&
                           title_h + 4.0f * u + whole_hint <= words_room;
    const float hint_h = show_hint ? ui.measure(ctx.tr(tile.hint_key), text_w, hint_fit) : 0.0f;
    const float icon_y = stacked ? r.y + pad : r.y + (r.h - icon) * 0.5f;
    const Rect icon_box =
        ui.rtl() ? Rect{r.right() - pad - icon, icon_y, icon, icon} : Rect{r.x + pad, icon_y, icon, icon};
    ui::widgets::draw_icon(tile.icon, icon_box, t.primary, ui.rtl());
    float y = stacked ? r.y + pad + icon + 12.0f * u
                      : r.y + std::max(pad * 0.25f, (r.h - title_h - hint_h - 4.0f * u) * 0.5f);
    const float x = stacked || ui.rtl() ? r.x + pad : r.x + 2 * pad + icon;
    y += ui.label(ctx.tr(tile.title_key), Rect{x, y, text_w, 0}, title) + 4.0f * u;
    if (show_hint) ui.label(ctx.tr(tile.hint_key), Rect{x, y, text_w, 0}, hint_fit);
}

}  // namespace

void draw_home(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{.show_home = false, .show_back = false, .show_rate = false});
    if (chrome.logo_held) {  // staff mode: a fresh, locked state on staff.pin
        ctx.session.forms.staff = {};
        ctx.session.go(ScreenId::StaffPin);
    }
    const Rect body = chrome.body;
    const float pad = 40.0f * u;

    float y = body.y + pad * 0.8f;
    y += ui.label(ctx.tr("home.welcome"), Rect{pad, y, ui.width() - 2 * pad, 0},
                  TextOptions{.role = TextRole::Heading, .weight = ui::text::Weight::Bold, .colour = t.primary});
    y += ui.label(ctx.tr("home.prompt"), Rect{pad, y + 4.0f * u, ui.width() - 2 * pad, 0},
                  TextOptions{.role = TextRole::Label, .colour = t.text_muted});
    y += 28.0f * u;
    y += draw_left_form(ctx, y);

    auto tiles = home_tiles();
    if (tiles.empty()) {
        ui.label(ctx.tr("home.no_services"), Rect{pad, y, ui.width() - 2 * pad, 0},
                 TextOptions{.role = TextRole::Label});
        return;
    }
    const bool portrait = ui.height() > ui.width();
    const int columns = portrait ? 2 : 3;
    const float gap = 24.0f * u;
    const float tile_w = (ui.width() - 2 * pad - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = (static_cast<int>(tiles.size()) + columns - 1) / columns;
    const float room = body.bottom() - y - pad * 0.6f;
    const float tile_h = std::min(portrait ? 360.0f * u : 250.0f * u,
                                  (room - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const int col = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const float start = pad + static_cast<float>(col) * (tile_w + gap);
        draw_tile(ctx, tiles[i], ui.from_start(start, y + static_cast<float>(row) * (tile_h + gap), tile_w, tile_h));
    }
}

}  // namespace kiosk::screens
