// kiosk/screens/field_errors.h — what a visitor form does with validation errors once "send"
// is tapped: a message beside each faulty field (text fields draw their own; a group of chips
// gets one under it), the message forgotten as soon as the visitor changes that field, and
// the first faulty field brought into view — focused, with the keyboard, when it takes text.
// Not for: validating (kiosk/domain) or store errors (a notice at the top of the form).
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/screens/form.h"
#include "kiosk/screens/screen.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/focus.h"

namespace kiosk::screens {

// Where one field of the form was drawn this frame, in content coordinates of the form's
// scroll area (screen y minus FormFrame::y), so the form can scroll back to it.
struct FieldPlace {
    std::string_view field;   // the name validation uses: "text", "mobile", …
    std::string_view target;  // the text field's target id; empty for chips
    ui::widgets::KeyboardLayout keyboard = ui::widgets::KeyboardLayout::Arabic;
    float top = 0;
    float bottom = 0;
};

// A translated message under a group of chips, in the danger colour with a warning sign, as a
// text field shows its own. Returns the height used (0 for an empty message).
float group_error(ui::widgets::Ui& ui, std::string_view message, float x, float y, float w);

// Drops the message of `field`: the visitor is correcting it. The form is drawn once more
// at once, so nothing moves under the visitor's next touch.
void forget_error(ScreenContext& ctx, std::vector<domain::FieldError>& errors, std::string_view field);

// Moves the visitor to the first field (in form order) that has an error: focuses a text
// field (which then scrolls itself into view above the keyboard), or hides the keyboard and
// scrolls a group of chips into view, from its heading when the whole group does not fit.
void show_first_error(ScreenContext& ctx, ui::widgets::ScrollState& scroll, float viewport_h,
                      const std::vector<FieldPlace>& places, const std::vector<domain::FieldError>& errors);

// A text field of a visitor form, `id` "<flow>.<field>": shows the message validation gave
// `field` (by default the part of the id after the dot) unless the caller shows it elsewhere,
// forgets it once the visitor changes the text, and records where it was drawn. Returns the
// height used.
float form_field(ScreenContext& ctx, std::vector<domain::FieldError>& errors, std::vector<FieldPlace>& places,
                 std::string_view id, std::string& text, float y, const FormFrame& f, ui::widgets::FieldOptions options,
                 std::string_view field = {}, bool show_message = true);

// "Send" on a one-page form: on validation errors the first faulty field is shown (above),
// otherwise the record is handed to the app to commit (outcomes.h says what follows).
template <class Form>
Action submit_form(ScreenContext& ctx, FormFlow<Form>& flow, float viewport_h, const std::vector<FieldPlace>& places,
                   FormKind kind) {
    auto checked = domain::validate(flow.form);
    if (!checked.ok()) {
        flow.errors = std::move(checked.errors);
        flow.error_key.clear();
        show_first_error(ctx, flow.scroll, viewport_h, places, flow.errors);
        return {};
    }
    flow.errors.clear();
    return Submit{domain::Record{*checked.record}, kind};
}

// The keyboard for free text: the visitor's language.
ui::widgets::KeyboardLayout text_keyboard(const Session& session);

}  // namespace kiosk::screens
