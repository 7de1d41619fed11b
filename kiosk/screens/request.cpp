// The request wizard's first and last screens, and what its steps share; see request.h and
// request_steps.h. The data, review and sign steps have files of their own.
#include "kiosk/screens/request.h"

#include <algorithm>

#include "kiosk/screens/done.h"
#include "kiosk/screens/request_steps.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace request {

Step step_of(std::string_view field) {
    if (field == "type") return Step::Need;
    if (field == "declaration" || field == "signature") return Step::Sign;
    return Step::Data;
}

ScreenId screen_of(Step step) {
    switch (step) {
    case Step::Need: return ScreenId::RequestNeed;
    case Step::Data: return ScreenId::RequestData;
    case Step::Review: return ScreenId::RequestReview;
    case Step::Sign: break;
    }
    return ScreenId::RequestSign;
}

std::optional<Step> check_up_to(RequestFlow& flow, Step upto) {
    auto checked = domain::validate(flow.form);
    flow.errors.clear();
    std::optional<Step> first;
    for (const auto& e : checked.errors) {
        const Step s = step_of(e.field);
        if (s > upto) continue;
        flow.errors.push_back(e);
        if (!first || s < *first) first = s;
    }
    return first;
}

void drop_error(RequestFlow& flow, std::string_view field) {
    std::erase_if(flow.errors, [&](const domain::FieldError& e) { return e.field == field; });
}

FormSpec step_spec(Step step, std::string_view title_key, std::string_view subtitle_key) {
    const bool last = step == Step::Sign;
    return FormSpec{.title_key = title_key,
                    .subtitle_key = subtitle_key,
                    .action_id = last ? "nav.submit" : "nav.next",
                    .action_key = last ? "request.send" : "nav.next",
                    .steps = kStepKeys,
                    .step = static_cast<int>(step)};
}

ui::widgets::KeyboardLayout text_keyboard(const ScreenContext& ctx) {
    return ctx.session.lang == ui::i18n::Lang::Ar ? ui::widgets::KeyboardLayout::Arabic
                                                  : ui::widgets::KeyboardLayout::English;
}

std::string type_label_key(std::string_view type) { return "request.type." + std::string(type); }

}  // namespace request

namespace {

// One large tile per kind of support; the chosen one is filled and ticked.
void type_tile(ScreenContext& ctx, RequestFlow& flow, std::string_view type, const Rect& r) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const std::string key = request::type_label_key(type);
    if (ui.tap_area(key, r)) {
        flow.form.request_type = std::string(type);
        request::drop_error(flow, "type");
        ctx.session.changed = true;
    }
    const bool on = flow.form.request_type == type;
    ui.mark(ui::platform::RecordRole::Chip, on ? ui::platform::kRecordSelected : 0);
    ui.fill(r, on ? t.primary : (ui.is_pressed() ? t.surface_pressed : t.surface), 18.0f * u);
    ui.outline(r, on ? t.primary : t.border, 18.0f * u, 2.0f * u);
    const float icon = 30.0f * u;
    const float pad = 12.0f * u;
    if (on) {
        const Rect check =
            ui.rtl() ? Rect{r.x + pad, r.y + pad, icon, icon} : Rect{r.right() - pad - icon, r.y + pad, icon, icon};
        ui::widgets::draw_icon(ui::widgets::Icon::Check, check, t.on_primary, false);
    }
    ui.label(ctx.tr(key), Rect{r.x + pad + icon, r.y, r.w - 2 * (pad + icon), r.h},
             TextOptions{.role = TextRole::Label,
                         .weight = ui::text::Weight::Bold,
                         .colour = on ? t.on_primary : t.text,
                         .align = ui::text::Align::Center,
                         .centre_vertically = true,
                         .max_lines = 3});
}

float type_tiles(ScreenContext& ctx, RequestFlow& flow, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const int columns = ui.height() > ui.width() ? 2 : 4;
    const float gap = 16.0f * u;
    const float tile_w = (w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float tile_h = 116.0f * u;
    const auto& types = domain::kRequestTypes;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const float col = static_cast<float>(static_cast<int>(i) % columns);
        const float row = static_cast<float>(static_cast<int>(i) / columns);
        const float offset = col * (tile_w + gap);
        const Rect r = ui.rtl() ? Rect{x + w - offset - tile_w, y + row * (tile_h + gap), tile_w, tile_h}
                                : Rect{x + offset, y + row * (tile_h + gap), tile_w, tile_h};
        type_tile(ctx, flow, types[i], r);
    }
    const int rows = (static_cast<int>(types.size()) + columns - 1) / columns;
    return static_cast<float>(rows) * (tile_h + gap);
}

}  // namespace

void draw_request_need(ScreenContext& ctx) {
    auto& flow = ctx.session.forms.request;
    FormFrame f = begin_form(ctx, flow.scroll,
                             request::step_spec(request::Step::Need, "request.need.title", "request.need.subtitle"));
    float y = f.y;
    if (!field_error(ctx, flow.errors, "type").empty()) y += form_warning(ctx, "request.need.required", f, y);
    y += type_tiles(ctx, flow, f.x, y, f.w);
    end_form(ctx, flow.scroll, f, y);
    if (f.back) ctx.session.go(ScreenId::Home);
    if (f.action && !request::check_up_to(flow, request::Step::Need)) {
        flow.scroll.reset();
        ctx.session.go(ScreenId::RequestData);
    }
}

void draw_request_done(ScreenContext& ctx) {
    draw_done(ctx, DoneSpec{.title_key = "request.done.title",
                            .detail_key = "request.done.detail",
                            .reference = ctx.session.forms.request.reference,
                            .home_id = "request.home"});
}

}  // namespace kiosk::screens
