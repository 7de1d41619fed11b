// ui/widgets/controls.h — the touch controls screens are built from: buttons, text fields,
// choice chips, a numeric stepper, rating faces and progress steps.
//
// Every control takes a stable target id and a rectangle, registers the id, mirrors itself in
// RTL and sizes its text from the Ui's theme (so the text-size setting scales everything).
// State (the field's text, the chosen key) belongs to the caller; controls only change it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "ui/widgets/focus.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/ui.h"

namespace ui::widgets {

enum class ButtonKind { Primary, Secondary, Danger, Quiet };

bool button(Ui& ui, std::string_view id, std::string_view label, const Rect& r,
            ButtonKind kind = ButtonKind::Secondary);

// What a control did this frame, as an ImGui widget returns a bool: whether the visitor
// changed its value, asked to submit (enter on a one-line field), and the height it drew.
struct Drawn {
    float height = 0;
    bool changed = false;
    bool submitted = false;
};

// Keeps what a field accepts of typed text (`multiline`: whether the field takes new lines);
// the rest is dropped as it is typed, so a visitor never types what the form would refuse.
using InputFilter = std::string (*)(std::string_view typed, bool multiline);

// ASCII digits only (a PIN).
std::string digits_only(std::string_view typed, bool multiline);

struct FieldOptions {
    std::string_view label;
    std::string_view hint;   // shown while empty
    std::string_view error;  // shown under the field, in the danger colour
    bool multiline = false;
    bool left_to_right = false;  // IDs, phone numbers, amounts: LTR even in an Arabic form
    KeyboardLayout keyboard = KeyboardLayout::Arabic;
    std::size_t max_bytes = 4000;
    InputFilter filter = nullptr;  // null: everything text editing keeps (ui/text/editing.h)
};

// A labelled text field. Tapping focuses it (and places the caret); while focused it takes
// every pending edit from `focus` (Focus::pending, the one queue of typed text). Returns the
// height used (label + box + error line), whether the text changed and whether enter was hit.
Drawn text_field(Ui& ui, Focus& focus, std::string_view id, std::string& text, float x, float y, float w,
                 const FieldOptions& options);

// Applies the edits pending for the focused field `text` (typed text through options.filter,
// within options.max_bytes; keys) and empties the queue. For a field that draws itself
// differently (a PIN's dots); text_field calls it too. Returns what text_field returns, less
// the height.
Drawn take_edits(Ui& ui, Focus& focus, std::string& text, const FieldOptions& options);

// A number that a visitor may also step with − and + (targets `<id>.minus`, `<id>.plus`),
// for small counts such as a family's size. Typed text stays as typed until a button is
// tapped; a text that is not a number steps from `min`. Returns true when it changed.
bool stepper(Ui& ui, std::string_view id, std::string& text, int min, int max, const Rect& r);
// Width a stepper needs at height h.
float stepper_width(const Ui& ui, float h);
// Height of a field's label, so a control beside the field can line up with its box.
float field_label_height(Ui& ui, std::string_view label, float w);

// The height a field would take, for layout before drawing.
float text_field_height(Ui& ui, std::string_view text, float w, const FieldOptions& options);

struct Choice {
    std::string_view key;  // target id suffix and value
    std::string_view label;
};

// A row (wrapping) of chips; exactly one or none chosen. Returns the height used and
// whether the choice changed.
Drawn choice_chips(Ui& ui, std::string_view id_prefix, std::span<const Choice> choices, std::string& chosen, float x,
                   float y, float w);
// The same, for several choices at once (toggle each).
Drawn multi_chips(Ui& ui, std::string_view id_prefix, std::span<const Choice> choices, std::vector<std::string>& chosen,
                  float x, float y, float w);

// Five faces from unhappy to delighted; `score` 0 = none. ids `<prefix>.1` … `<prefix>.5`.
// Returns true when a face was tapped this frame.
bool rating_faces(Ui& ui, std::string_view id_prefix, int& score, const Rect& r,
                  std::span<const std::string_view> labels);

// Wizard progress: step `current` (0-based) of the labels, in reading order.
void progress_steps(Ui& ui, std::span<const std::string_view> labels, int current, const Rect& r);

// A bar filled to `fraction` (0..1) from the start edge, for work that takes a while.
void progress_bar(Ui& ui, float fraction, const Rect& r);

// A message box with an icon (warning or check) and wrapped text. Returns its height.
float notice(Ui& ui, std::string_view text, Icon icon, Colour colour, float x, float y, float w);

}  // namespace ui::widgets
