// The shared form frame; see form.h.
#include "kiosk/screens/form.h"

#include <algorithm>

#include "ui/widgets/controls.h"
#include "ui/widgets/keyboard.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

FormFrame begin_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormSpec& spec) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{.show_rate = spec.show_rate});
    FormFrame frame;
    frame.back = chrome.back;
    const Rect body = chrome.body;
    const float pad = 36.0f * u;
    const bool portrait = ui.height() > ui.width();
    const float col_w = portrait ? body.w - 2 * pad : std::min(body.w - 2 * pad, 1100.0f * u);
    const float col_x = (body.w - col_w) * 0.5f;

    // While the keyboard is up the header shrinks to the title, so fields keep their room.
    const bool typing = !ctx.session.focus.id.empty();
    float y = body.y + (typing ? 10.0f : 20.0f) * u;
    if (!spec.steps.empty() && !typing) {
        std::vector<std::string_view> labels;
        for (auto key : spec.steps) labels.push_back(ctx.tr(key));
        const float h = 34.0f * u + ui.text_px(TextRole::Caption) * 2.6f;
        ui::widgets::progress_steps(ui, labels, spec.step, Rect{col_x, y, col_w, h});
        y += h + 8.0f * u;
    }
    const float action_h = 76.0f * u;
    const float action_w =
        spec.action_id.empty()
            ? 0.0f
            : std::max(
                  240.0f * u,
                  ui.layout(ctx.tr(spec.action_key), 0, TextOptions{.role = TextRole::Label, .wrap = false}).width +
                      80.0f * u);
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
    y += 12.0f * u;

    // From the bottom: keyboard (while typing), then the action row.
    float bottom = body.bottom();
    auto& focus = ctx.session.focus;
    if (typing) {
        const float kh = ui::widgets::keyboard_height(ui);
        const ui::widgets::KeyboardLabels labels{ctx.tr("keyboard.arabic"), ctx.tr("keyboard.english"),
                                                 ctx.tr("keyboard.digits"), ctx.tr("keyboard.space"),
                                                 ctx.tr("keyboard.done")};
        if (ui::widgets::keyboard(ui, focus, Rect{0, bottom - kh, ui.width(), kh}, labels)) ctx.session.changed = true;
        bottom -= kh;
    }
    if (!spec.action_id.empty() && !typing) {
        const Rect action =
            ui.from_start(ui.width() - col_x - action_w, bottom - action_h - 14.0f * u, action_w, action_h);
        frame.action =
            ui::widgets::button(ui, spec.action_id, ctx.tr(spec.action_key), action, ui::widgets::ButtonKind::Primary);
        bottom -= action_h + 28.0f * u;
    }
    if (focus.submit_requested) {
        focus.submit_requested = false;
        frame.action = frame.action || !spec.action_id.empty();
    }
    frame.viewport = Rect{0, y, ui.width(), std::max(40.0f * u, bottom - y)};
    frame.x = col_x;
    frame.w = col_w;
    frame.y = ui::widgets::begin_scroll(ui, scroll, frame.viewport);
    return frame;
}

void end_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormFrame& frame, float content_bottom) {
    ui::widgets::end_scroll(ctx.ui, scroll, frame.viewport, content_bottom + 24.0f * ctx.ui.scale());
    if (scroll.moving()) ctx.session.changed = true;
}

void show_form_message(ScreenContext& ctx, std::string& message_key, ui::widgets::ScrollState& scroll,
                       std::string_view key) {
    message_key = std::string(key);
    scroll.offset = 0.0f;
    ctx.session.focus.clear();
    ctx.session.changed = true;
}

float form_warning(ScreenContext& ctx, std::string_view key, const FormFrame& f, float y, float gap) {
    if (key.empty()) return 0.0f;
    auto& ui = ctx.ui;
    return ui::widgets::notice(ui, ctx.tr(key), ui::widgets::Icon::Warning, ui.theme().danger, f.x, y, f.w) +
           gap * ui.scale();
}

std::optional<store::Receipt> store_record(ScreenContext& ctx, const domain::Record& record, std::string& message_key,
                                           ui::widgets::ScrollState& scroll) {
    if (!ctx.store) {
        show_form_message(ctx, message_key, scroll, "store.error.io");
        return std::nullopt;
    }
    auto receipt = ctx.store->submit(record);
    if (!receipt) {
        show_form_message(ctx, message_key, scroll, store::message_key(receipt.error().kind));
        return std::nullopt;
    }
    message_key.clear();
    return std::move(*receipt);
}

std::string field_error(const ScreenContext& ctx, const std::vector<domain::FieldError>& errors,
                        std::string_view field) {
    for (const auto& e : errors)
        if (e.field == field) return ctx.strings.format(e.key, {ui::i18n::Arg::num("n", e.limit)});
    return {};
}

}  // namespace kiosk::screens
