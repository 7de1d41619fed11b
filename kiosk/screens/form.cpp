// The shared form frame; see form.h.
#include "kiosk/screens/form.h"

#include <algorithm>

#include "kiosk/domain/text.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/keyboard.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// The primary action's width: its label and room around it, never narrower than 240.
float action_width(ScreenContext& ctx, const FormSpec& spec) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    if (spec.action_id.empty()) return 0.0f;
    const TextOptions style{.role = TextRole::Label, .wrap = false};
    return std::max(240.0f * u, ui.layout(ctx.tr(spec.action_key), 0, style).width + 80.0f * u);
}

// Wizard steps, the title (with the action beside it while typing) and the subtitle, from
// `y` down in the column. While the keyboard is up the header shrinks to the title, so fields
// keep their room. Returns where the fields start.
float form_header(ScreenContext& ctx, const FormSpec& spec, FormFrame& frame, float y, float action_w, bool typing) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float col_x = frame.x;
    const float col_w = frame.w;
    if (!spec.steps.empty() && !typing) {
        std::vector<std::string_view> labels;
        for (auto key : spec.steps) labels.push_back(ctx.tr(key));
        const float h = 34.0f * u + ui.text_px(TextRole::Caption) * 2.6f;
        ui::widgets::progress_steps(ui, labels, spec.step, Rect{col_x, y, col_w, h});
        y += h + 8.0f * u;
    }
    const float title_w = typing ? col_w - action_w - 24.0f * u : col_w;
    const float title_h = ui.label(ctx.tr(spec.title_key), ui.from_start(col_x, y, title_w, 0),
                                   TextOptions{.role = typing ? TextRole::Title : TextRole::Heading,
                                               .weight = ui::text::Weight::Bold,
                                               .colour = t.primary,
                                               .max_lines = 2});
    if (typing && !spec.action_id.empty()) {
        const Rect action = ui.from_start(col_x + col_w - action_w, y, action_w, std::max(title_h, 64.0f * u));
        frame.action =
            ui::widgets::button(ui, spec.action_id, ctx.tr(spec.action_key), action, ui::widgets::ButtonKind::Primary);
        y += std::max(title_h, 64.0f * u);
    } else {
        y += title_h;
    }
    if (!spec.subtitle_key.empty() && !typing)
        y += ui.label(ctx.tr(spec.subtitle_key), Rect{col_x, y + 4.0f * u, col_w, 0},
                      TextOptions{.role = TextRole::Body, .colour = t.text_muted}) +
             4.0f * u;
    return y + 12.0f * u;
}

// From `bottom` up: the keyboard while typing, else the action row. Returns the new bottom.
float form_footer(ScreenContext& ctx, const FormSpec& spec, FormFrame& frame, float bottom, float action_w,
                  bool typing) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    if (typing) {
        const float kh = ui::widgets::keyboard_height(ui);
        const ui::widgets::KeyboardLabels labels{ctx.tr("keyboard.arabic"), ctx.tr("keyboard.english"),
                                                 ctx.tr("keyboard.digits"), ctx.tr("keyboard.space"),
                                                 ctx.tr("keyboard.done")};
        if (ui::widgets::keyboard(ui, ctx.session.focus, Rect{0, bottom - kh, ui.width(), kh}, labels))
            ctx.session.changed = true;
        return bottom - kh;
    }
    if (spec.action_id.empty()) return bottom;
    const float action_h = 76.0f * u;
    const Rect action =
        ui.from_start(ui.width() - frame.x - action_w, bottom - action_h - 14.0f * u, action_w, action_h);
    frame.action =
        ui::widgets::button(ui, spec.action_id, ctx.tr(spec.action_key), action, ui::widgets::ButtonKind::Primary);
    return bottom - (action_h + 28.0f * u);
}

}  // namespace

FormFrame begin_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormSpec& spec) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(
        ctx, ChromeOptions{.show_rate = spec.show_rate, .exit_id = spec.exit_id, .exit_key = spec.exit_key});
    FormFrame frame;
    frame.back = chrome.back;
    frame.exit = chrome.exit;
    const Rect body = chrome.body;
    const float pad = 36.0f * u;
    const bool portrait = ui.height() > ui.width();
    frame.w = portrait ? body.w - 2 * pad : std::min(body.w - 2 * pad, 1100.0f * u);
    frame.x = (body.w - frame.w) * 0.5f;

    const bool typing = spec.docked_keyboard && !ctx.session.focus.id.empty();
    const float action_w = action_width(ctx, spec);
    const float top = form_header(ctx, spec, frame, body.y + (typing ? 10.0f : 20.0f) * u, action_w, typing);
    const float bottom = form_footer(ctx, spec, frame, body.bottom(), action_w, typing);
    auto& focus = ctx.session.focus;
    if (focus.submit_requested) {
        focus.submit_requested = false;
        frame.action = frame.action || !spec.action_id.empty();
    }
    if (spec.fixed_row) spec.fixed_row(frame.x, top, frame.w);
    const float scroll_top = top + spec.fixed_h * u;
    frame.viewport = Rect{0, scroll_top, ui.width(), std::max(40.0f * u, bottom - scroll_top)};
    frame.y = ui::widgets::begin_scroll(ui, scroll, frame.viewport);
    return frame;
}

void end_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormFrame& frame, float content_bottom) {
    ui::widgets::end_scroll(ctx.ui, scroll, frame.viewport, content_bottom + 24.0f * ctx.ui.scale());
    if (scroll.moving()) ctx.session.changed = true;
}

void show_form_message(Session& session, std::string& message_key, ui::widgets::ScrollState& scroll,
                       std::string_view key) {
    message_key = std::string(key);
    scroll.offset = 0.0f;
    session.focus.clear();
    session.changed = true;
}

float form_warning(ScreenContext& ctx, std::string_view key, const FormFrame& f, float y, float gap) {
    if (key.empty()) return 0.0f;
    auto& ui = ctx.ui;
    return ui::widgets::notice(ui, ctx.tr(key), ui::widgets::Icon::Warning, ui.theme().danger, f.x, y, f.w) +
           gap * ui.scale();
}

std::string typeable(std::string_view typed, bool multiline) {
    return domain::text::keep_typeable(typed, multiline ? domain::text::Lines::multiple : domain::text::Lines::single);
}

std::string field_error(const ScreenContext& ctx, const std::vector<domain::FieldError>& errors,
                        std::string_view field) {
    for (const auto& e : errors)
        if (e.field == field) return ctx.strings.format(e.key, {ui::i18n::Arg::num("n", e.limit)});
    return {};
}

}  // namespace kiosk::screens
