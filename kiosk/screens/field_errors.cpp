// Validation errors on visitor forms; see field_errors.h.
#include "kiosk/screens/field_errors.h"

#include <algorithm>
#include <string>


namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

float group_error(ui::widgets::Ui& ui, std::string_view message, float x, float y, float w) {
    if (message.empty()) return 0.0f;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float icon = ui.text_px(TextRole::Body);
    const float ey = y + 8.0f * u;
    const Rect icon_box = ui.rtl() ? Rect{x + w - icon, ey + 2.0f * u, icon, icon} : Rect{x, ey + 2.0f * u, icon, icon};
    ui::widgets::draw_icon(ui::widgets::Icon::Warning, icon_box, t.danger, false);
    const Rect text =
        ui.rtl() ? Rect{x, ey, w - icon - 10.0f * u, 0} : Rect{x + icon + 10.0f * u, ey, w - icon - 10.0f * u, 0};
    return ui.label(message, text, TextOptions{.role = TextRole::Body, .colour = t.danger}) + 8.0f * u;
}

void forget_error(ScreenContext& ctx, std::vector<domain::FieldError>& errors, std::string_view field) {
    if (std::erase_if(errors, [&](const domain::FieldError& e) { return e.field == field; }) > 0)
        ctx.session.changed = true;
}

void show_first_error(ScreenContext& ctx, ui::widgets::ScrollState& scroll, float viewport_h,
                      const std::vector<FieldPlace>& places, const std::vector<domain::FieldError>& errors) {
    auto& focus = ctx.session.focus;
    ctx.session.changed = true;
    for (const FieldPlace& place : places) {
        const bool faulty = std::any_of(errors.begin(), errors.end(),
                                        [&](const domain::FieldError& e) { return e.field == place.field; });
        if (!faulty) continue;
        if (!place.target.empty()) {
            focus.focus(place.target, place.keyboard);
            focus.reveal_frames = 2;  // also when it was focused already: its message is new
        } else {
            focus.clear();
            // The message under the chips is drawn from the next frame on; leave room for it.
            scroll.reveal(place.top, std::min(place.bottom + 80.0f * ctx.ui.scale(), place.top + viewport_h),
                          viewport_h);
        }
        return;
    }
}

float form_field(ScreenContext& ctx, std::vector<domain::FieldError>& errors, std::vector<FieldPlace>& places,
                 std::string_view id, std::string& text, float y, const FormFrame& f, ui::widgets::FieldOptions options,
                 std::string_view field, bool show_message) {
    if (field.empty()) field = id.substr(id.find('.') + 1);
    const std::string error = show_message ? field_error(ctx, errors, field) : std::string();
    options.error = error;
    if (!options.filter) options.filter = typeable;
    const auto drawn = ui::widgets::text_field(ctx.ui, ctx.session.focus, id, text, f.x, y, f.w, options);
    if (drawn.changed) forget_error(ctx, errors, field);
    places.push_back(FieldPlace{
        .field = field, .target = id, .keyboard = options.keyboard, .top = y - f.y, .bottom = y + drawn.height - f.y});
    return drawn.height;
}

ui::widgets::KeyboardLayout text_keyboard(const Session& session) {
    return session.lang == ui::i18n::Lang::Ar ? ui::widgets::KeyboardLayout::Arabic
                                              : ui::widgets::KeyboardLayout::English;
}

}  // namespace kiosk::screens
