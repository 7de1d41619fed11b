// kiosk/screens/chrome.h — the frame around every screen: the association's bar at the top
// (logo, name, clock), and at the bottom the way home and back, language, text size and
// contrast. Returns the rectangle left for the screen's own content. Staff mode has no use for
// the visitor's toolbar: its bottom bar holds only its own way out and the language.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

struct ChromeOptions {
    bool show_home = true;  // home and back make no sense on the home screen itself
    bool show_back = true;
    bool show_rate = true;  // rating the service is always one tap away (policy goal 6.3)
    // Staff mode: when set, the bottom bar holds this one way out (a target id and a string
    // key) and the language, instead of home, back, text size and contrast.
    std::string_view exit_id;
    std::string_view exit_key;
};

struct ChromeResult {
    ui::widgets::Rect body;
    bool back = false;       // the visitor tapped "back"
    bool exit = false;       // staff tapped the exit_id button
    float logo_hold = 0.0f;  // progress of a long press on the logo (staff entry)
    bool logo_held = false;
};

ChromeResult draw_chrome(ScreenContext& ctx, const ChromeOptions& options);

// The association's mark: a wave in a circle, drawn, so no image file is needed.
void draw_logo_mark(ui::widgets::Ui& ui, const ui::widgets::Rect& box);

}  // namespace kiosk::screens
