// ui/widgets/signature_pad.h — a box to sign in with a finger, with "undo last stroke" and
// "clear" buttons under it.
//
// The ink (strokes of points in the pad's own pixels) belongs to the caller, like a text
// field's text; the pad only adds to it. A press that starts inside the pad draws and is
// claimed from the enclosing scroll area, so signing never scrolls the form. Whether the
// ink is a real signature is not decided here (that is the application's rule).
#pragma once

#include <string_view>
#include <vector>

#include "ui/widgets/ui.h"

namespace ui::widgets {

struct InkPoint {
    float x = 0;
    float y = 0;
    bool operator==(const InkPoint&) const = default;
};
using InkStroke = std::vector<InkPoint>;

struct Ink {
    float width = 0;  // size of the pad the points were taken on; 0: nothing drawn yet
    float height = 0;
    std::vector<InkStroke> strokes;
    bool empty() const { return strokes.empty(); }
};

// Adds a point (pad coordinates): a new stroke, or the current one when the finger has moved
// at least `min_step` since the last point. Returns true when the ink changed.
bool add_ink_point(Ink& ink, InkPoint p, bool new_stroke, float min_step);
// Removes the last stroke; returns true when there was one.
bool undo_stroke(Ink& ink);
// Scales the ink to a pad of a new size (the layout changed: language, text size, rotation).
void fit_ink(Ink& ink, float width, float height);

struct SignaturePadOptions {
    std::string_view undo_id;
    std::string_view clear_id;
    std::string_view undo_label;
    std::string_view clear_label;
    std::string_view hint;   // shown in the empty pad ("sign here")
    std::string_view error;  // shown under the pad, in the danger colour
};

struct SignaturePadResult {
    float height = 0;      // pad, error line and buttons
    bool changed = false;  // a stroke was drawn, undone or cleared this frame
};

// The pad `pad_h` high at (x, y), `w` wide, and its buttons below it.
SignaturePadResult signature_pad(Ui& ui, std::string_view id, Ink& ink, float x, float y, float w, float pad_h,
                                 const SignaturePadOptions& options);

}  // namespace ui::widgets
