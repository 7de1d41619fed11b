// The request wizard's review step; see request.h. Everything the visitor entered, in two
// cards (what you need, your details), each with an "edit" button that returns to its step
// with the data kept.
#include <algorithm>
#include <span>
#include <string>

#include <imgui.h>

#include "kiosk/screens/request.h"
#include "kiosk/screens/request_steps.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

struct Row {
    std::string_view label_key;
    std::string_view value;
    bool ltr = false;   // numbers and IDs read left to right even in Arabic
    bool typed = true;  // the visitor's words: their own first letter sets the direction
};

// A label and its value; side by side when the card is wide, the value under the label
// otherwise. Returns the height used.
float draw_row(ScreenContext& ctx, const Row& row, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const bool side = w >= 620.0f * u;
    const float label_w = side ? w * 0.34f : w;
    const Rect label_box = ui.rtl() ? Rect{x + w - label_w, y, label_w, 0} : Rect{x, y, label_w, 0};
    const float lh =
        ui.label(ctx.tr(row.label_key), label_box, TextOptions{.role = TextRole::Body, .colour = t.text_muted});
    const float value_w = side ? w - label_w - 20.0f * u : w;
    const float value_y = side ? y : y + lh + 2.0f * u;
    const Rect value_box = ui.rtl() ? Rect{x, value_y, value_w, 0} : Rect{x + w - value_w, value_y, value_w, 0};
    float vh = 0;
    if (row.value.empty()) {
        vh = ui.label(ctx.tr("request.review.none"), value_box,
                      TextOptions{.role = TextRole::Label, .colour = t.text_muted});
    } else {
        vh = ui.label(row.value, value_box,
                      TextOptions{.role = TextRole::Label,
                                  .weight = ui::text::Weight::Bold,
                                  .wrap = !row.ltr,  // short; unwrapped, it sits at the reading start
                                  .direction = row.ltr ? ui::text::Direction::Ltr : ui::text::Direction::Auto,
                                  .content_direction = row.typed && !row.ltr});
    }
    return (side ? std::max(lh, vh) : lh + 2.0f * u + vh) + 14.0f * u;
}

// A card with a title, an edit button and rows. The card is drawn behind its content after
// the content has been laid out, on a lower draw-list channel, so its height is exact.
// Returns the height used; sets `edit` when the edit button was tapped.
float draw_card(ScreenContext& ctx, std::string_view title_key, std::string_view edit_id, std::span<const Row> rows,
                float x, float y, float w, bool& edit) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 24.0f * u;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float ix = x + pad;
    const float iw = w - 2 * pad;
    const TextOptions button_text{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .wrap = false};
    const float bw = ui.layout(ctx.tr("request.edit"), 0, button_text).width + 64.0f * u;
    const float bh = 60.0f * u;
    const Rect button = ui.rtl() ? Rect{ix, y + pad, bw, bh} : Rect{ix + iw - bw, y + pad, bw, bh};
    edit = ui::widgets::button(ui, edit_id, ctx.tr("request.edit"), button);
    const float title_w = iw - bw - 16.0f * u;
    const Rect title_box = ui.rtl() ? Rect{ix + iw - title_w, y + pad, title_w, bh} : Rect{ix, y + pad, title_w, bh};
    ui.label(ctx.tr(title_key), title_box,
             TextOptions{.role = TextRole::Title,
                         .weight = ui::text::Weight::Bold,
                         .colour = t.primary,
                         .centre_vertically = true,
                         .max_lines = 2});
    float cy = y + pad + bh + 16.0f * u;
    for (const Row& row : rows) cy += draw_row(ctx, row, ix, cy, iw);
    const float h = cy - y + pad - 14.0f * u;
    dl->ChannelsSetCurrent(0);
    ui.fill(Rect{x, y, w, h}, t.surface, 18.0f * u);
    ui.outline(Rect{x, y, w, h}, t.border, 18.0f * u, 2.0f);
    dl->ChannelsMerge();
    return h;
}

}  // namespace

void draw_request_review(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.request;
    const auto& form = flow.form;
    const float u = ui.scale();
    FormFrame f = begin_form(
        ctx, flow.scroll, request::step_spec(request::Step::Review, "request.review.title", "request.review.subtitle"));
    float y = f.y;
    const std::string type_key = request::type_label_key(form.request_type);
    const Row need[] = {{"request.review.need", form.request_type.empty() ? "" : ctx.tr(type_key), false, false}};
    bool edit_need = false;
    y += draw_card(ctx, "request.step.need", "request.edit.need", need, f.x, y, f.w, edit_need) + 24.0f * u;
    const Row data[] = {
        {"request.name", form.full_name, false, true},       {"request.national_id", form.national_id, true, true},
        {"request.mobile", form.mobile, true, true},         {"request.city", form.city, false, true},
        {"request.district", form.district, false, true},    {"request.family_size", form.family_size, true, true},
        {"request.income", form.monthly_income, true, true}, {"request.description", form.description, false, true}};
    bool edit_data = false;
    y += draw_card(ctx, "request.review.data", "request.edit.data", data, f.x, y, f.w, edit_data);
    end_form(ctx, flow.scroll, f, y);

    auto go = [&](ScreenId screen) {
        flow.scroll.reset();
        ctx.session.go(screen);
    };
    if (edit_need) go(ScreenId::RequestNeed);
    else if (edit_data) go(ScreenId::RequestData);
    else if (f.back) go(ScreenId::RequestData);
    else if (f.action) {
        const auto wrong = request::check_up_to(flow, request::Step::Review);
        go(wrong ? request::screen_of(*wrong) : ScreenId::RequestSign);
    }
}

}  // namespace kiosk::screens
