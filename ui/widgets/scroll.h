// ui/widgets/scroll.h — a vertical region that scrolls by dragging, with inertia, clipped to
// its viewport. Content is drawn at begin()'s returned y. A drag never becomes a tap on what
// lies under the finger.
#pragma once

#include "ui/widgets/ui.h"

namespace ui::widgets {

struct ScrollState {
    float offset = 0.0f;
    float velocity = 0.0f;   // px per ms, after the finger lifts
    float content_h = 0.0f;  // measured in the previous frame
    bool dragging = false;
    bool tracking = false;
    bool claimed = false;  // a widget inside took this press for itself (Ui::claim_pointer)
    float start_y = 0.0f;
    float start_offset = 0.0f;
    float last_y = 0.0f;
    double last_ms = 0.0;

    bool moving() const { return dragging || velocity != 0.0f; }
    void reset() { *this = ScrollState{}; }
    // Scrolls the least needed to show [top, bottom] (content coordinates) in a viewport of h.
    void reveal(float top, float bottom, float h);
};

// Starts the region; returns the y at which content starts (viewport.y - offset).
float begin_scroll(Ui& ui, ScrollState& state, const Rect& viewport);
// Ends it; content_bottom is the y where content ended (in screen coordinates).
void end_scroll(Ui& ui, ScrollState& state, const Rect& viewport, float content_bottom);

}  // namespace ui::widgets
