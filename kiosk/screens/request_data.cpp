// The request wizard's "your details" step; see request.h. Fields are checked only when the
// visitor asks for the next step: then every wrong field says why, the first one takes the
// focus and is scrolled into view, and nothing typed is lost.
#include <algorithm>
#include <array>
#include <string>

#include "kiosk/screens/request.h"
#include "kiosk/screens/request_steps.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::KeyboardLayout;

namespace {

struct DataField {
    std::string_view field;     // FieldError::field
    std::string_view id;        // target id, also the label's string key
    std::string_view hint_key;  // may be empty
    std::string domain::SupportRequestForm::*text;
    bool digits = false;  // ID, mobile, numbers: left to right, digits keyboard
    bool multiline = false;
};

using Form = domain::SupportRequestForm;
constexpr std::array<DataField, 8> kFields = {{
    {"name", "request.name", "request.name_hint", &Form::full_name, false, false},
    {"national_id", "request.national_id", "request.national_id_hint", &Form::national_id, true, false},
    {"mobile", "request.mobile", "request.mobile_hint", &Form::mobile, true, false},
    {"city", "request.city", "", &Form::city, false, false},
    {"district", "request.district", "", &Form::district, false, false},
    {"family_size", "request.family_size", "request.family_size_hint", &Form::family_size, true, false},
    {"income", "request.income", "request.income_hint", &Form::monthly_income, true, false},
    {"description", "request.description", "request.description_hint", &Form::description, false, true},
}};

KeyboardLayout keyboard_for(const ScreenContext& ctx, const DataField& d) {
    return d.digits ? KeyboardLayout::Digits : request::text_keyboard(ctx);
}

float draw_field(ScreenContext& ctx, RequestFlow& flow, const DataField& d, float x, float y, float w) {
    std::string& text = flow.form.*d.text;
    const std::string error = field_error(ctx, flow.errors, d.field);
    // Family size can also be stepped with − and +, beside the field at its end edge.
    const bool stepped = d.field == "family_size";
    const float step_h = 64.0f * ctx.ui.scale();
    const float step_w = stepped ? ui::widgets::stepper_width(ctx.ui, step_h) + 12.0f * ctx.ui.scale() : 0.0f;
    bool stepped_now = false;
    if (stepped) {
        const float box_y = y + ui::widgets::field_label_height(ctx.ui, ctx.tr(d.id), w - step_w);
        const float sx = ctx.ui.rtl() ? x : x + w - step_w + 12.0f * ctx.ui.scale();
        if (ui::widgets::stepper(ctx.ui, d.id, text, 1, domain::kFamilySizeMax,
                                 ui::widgets::Rect{sx, box_y, step_w - 12.0f * ctx.ui.scale(), step_h})) {
            stepped_now = true;
            ctx.session.changed = true;
        }
    }
    const float fx = stepped && ctx.ui.rtl() ? x + step_w : x;
    const auto drawn = ui::widgets::text_field(
        ctx.ui, ctx.session.focus, d.id, text, fx, y, w - step_w,
        ui::widgets::FieldOptions{.label = ctx.tr(d.id),
                                  .hint = d.hint_key.empty() ? std::string_view() : ctx.tr(d.hint_key),
                                  .error = error,
                                  .multiline = d.multiline,
                                  .left_to_right = d.digits,
                                  .keyboard = keyboard_for(ctx, d),
                                  .max_bytes = d.digits ? 64u : (d.multiline ? 8000u : 400u),
                                  .filter = typeable});
    // The visitor is correcting it: the old message would only be in the way.
    if ((drawn.changed || stepped_now) && !error.empty()) {
        request::drop_error(flow, d.field);
        ctx.session.changed = true;
    }
    return drawn.height;
}

// Short fields side by side when the column is wide; one under the other otherwise.
float draw_fields(ScreenContext& ctx, RequestFlow& flow, float x, float y, float w) {
    const float u = ctx.ui.scale();
    const float gap = 24.0f * u;
    const bool pairs = w >= 640.0f * u;
    const float half = (w - gap) * 0.5f;
    const float start_y = y;
    std::size_t i = 0;
    while (i < kFields.size()) {
        const DataField& d = kFields[i];
        const bool paired =
            pairs && i + 1 < kFields.size() && !d.multiline && d.field != "name" && !kFields[i + 1].multiline;
        if (!paired) {
            y += draw_field(ctx, flow, d, x, y, w) + gap;
            ++i;
            continue;
        }
        const float start_x = ctx.ui.rtl() ? x + w - half : x;
        const float end_x = ctx.ui.rtl() ? x : x + w - half;
        const float h1 = draw_field(ctx, flow, d, start_x, y, half);
        const float h2 = draw_field(ctx, flow, kFields[i + 1], end_x, y, half);
        y += std::max(h1, h2) + gap;
        i += 2;
    }
    return y - start_y;
}

// The first wrong field, in the order the visitor reads them, takes the focus.
void focus_first_error(ScreenContext& ctx, const RequestFlow& flow) {
    for (const DataField& d : kFields) {
        if (field_error(ctx, flow.errors, d.field).empty()) continue;
        ctx.session.focus.focus(d.id, keyboard_for(ctx, d));
        ctx.session.focus.reveal_frames = 2;
        ctx.session.changed = true;
        return;
    }
}

void next(ScreenContext& ctx, RequestFlow& flow) {
    const auto wrong = request::check_up_to(flow, request::Step::Data);
    if (!wrong) {
        flow.scroll.reset();
        ctx.session.go(ScreenId::RequestReview);
    } else if (*wrong == request::Step::Need) {
        flow.scroll.reset();
        ctx.session.go(ScreenId::RequestNeed);
    } else {
        focus_first_error(ctx, flow);
    }
}

}  // namespace

void draw_request_data(ScreenContext& ctx) {
    auto& flow = ctx.session.forms.request;
    FormFrame f = begin_form(ctx, flow.scroll,
                             request::step_spec(request::Step::Data, "request.data.title", "request.data.subtitle"));
    float y = f.y;
    if (!flow.errors.empty()) y += form_warning(ctx, "request.data.check", f, y, 20.0f);
    y += draw_fields(ctx, flow, f.x, y, f.w);
    end_form(ctx, flow.scroll, f, y);
    if (f.back) {
        flow.scroll.reset();
        ctx.session.go(ScreenId::RequestNeed);
    } else if (f.action) {
        next(ctx, flow);
    }
}

}  // namespace kiosk::screens
