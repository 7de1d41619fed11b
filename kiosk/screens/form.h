// kiosk/screens/form.h — the frame every form screen shares: chrome, title, optional wizard
// progress, a drag-scrolled area for the fields, the primary action (next or submit) and the
// on-screen keyboard docked below while a field is focused.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screen.h"

namespace kiosk::screens {

struct FormSpec {
    std::string_view title_key;
    std::string_view subtitle_key;  // may be empty
    std::string_view action_id;     // "nav.next" or "nav.submit"; empty: no action
    std::string_view action_key;
    std::span<const std::string_view> steps = {};  // wizard step labels (keys), may be empty
    int step = 0;
    bool show_rate = true;
    // Staff mode: the bottom bar's one way out (see ChromeOptions); FormFrame::exit says it was tapped.
    std::string_view exit_id;
    std::string_view exit_key;
    // False: the screen draws its own keys for the focused field (the staff PIN pad), so no
    // keyboard is docked and the header and action row stay as they are.
    bool docked_keyboard = true;
    // A row that stays put between the header and the scroll area (staff tabs): fixed_h layout
    // units high, drawn by fixed_row(x, y, w) in the form's column, outside the scroll area.
    float fixed_h = 0.0f;
    std::function<void(float x, float y, float w)> fixed_row;
};

struct FormFrame {
    ui::widgets::Rect viewport;  // where fields scroll
    float x = 0;                 // content column, inside the viewport
    float w = 0;
    float y = 0;          // where content starts (moves as the area scrolls)
    bool back = false;    // "back" tapped
    bool exit = false;    // the staff exit tapped
    bool action = false;  // next/submit tapped, or "enter" on a one-line field
};

FormFrame begin_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormSpec& spec);
void end_form(ScreenContext& ctx, ui::widgets::ScrollState& scroll, const FormFrame& frame, float content_bottom);

// A message for the whole form (a store failure, a missing choice): said at the top, the
// keyboard goes away and the form scrolls up; every field keeps what the visitor wrote.
void show_form_message(Session& session, std::string& message_key, ui::widgets::ScrollState& scroll,
                       std::string_view key);

// Draws the message show_form_message() left, or any warning for the whole form, at `y` in
// the form's column: a notice in the danger colour. Returns the height used with `gap` (layout
// units) below it; 0 when `key` is empty.
float form_warning(ScreenContext& ctx, std::string_view key, const FormFrame& f, float y, float gap = 16.0f);

// What a visitor may type into a form's field (a ui::widgets::InputFilter): kiosk/domain's
// rule, the same clean() applies on "send", so nothing typed is refused unseen.
std::string typeable(std::string_view typed, bool multiline);

// The error message for `field` among `errors`, translated, or empty.
std::string field_error(const ScreenContext& ctx, const std::vector<domain::FieldError>& errors,
                        std::string_view field);

}  // namespace kiosk::screens
