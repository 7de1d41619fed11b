// kiosk/screens/chrome.h — the frame around every screen: the association's bar at the top
// (logo, name, clock), and at the bottom the way home and back, language, text size and
// contrast. Returns the rectangle left for the screen's own content.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

struct ChromeOptions {
    bool show_home = true;  // home and back make no sense on the home screen itself
    bool show_back = true;
    bool show_rate = true;  // rating the service is always one tap away (policy goal 6.3)
};

struct ChromeResult {
    ui::widgets::Rect body;
    bool back = false;       // the visitor tapped "back"
    float logo_hold = 0.0f;  // progress of a long press on the logo (staff entry)
    bool logo_held = false;
};

ChromeResult draw_chrome(ScreenContext& ctx, const ChromeOptions& options);

// The association's mark: a wave in a circle, drawn, so no image file is needed.
void draw_logo_mark(ui::widgets::Ui& ui, const ui::widgets::Rect& box);

}  // namespace kiosk::screens
