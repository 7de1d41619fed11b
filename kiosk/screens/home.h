// kiosk/screens/home.h — the first screen: large tiles for each service the kiosk offers.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/screens/screen.h"
#include "ui/widgets/icons.h"

namespace kiosk::screens {

struct HomeTile {
    std::string_view id;  // target id, e.g. "home.about"
    std::string_view title_key;
    std::string_view hint_key;
    ui::widgets::Icon icon;
    ScreenId target;
};

// The tiles of the flows this build offers, in the order visitors see them.
std::span<const HomeTile> home_tiles();

void draw_home(ScreenContext& ctx);
// Goes to the first screen of a flow with a fresh form. A form left half-way is wiped.
void start_flow(Session& session, ScreenId first);

// How long "continue" stays on home after a visitor leaves a form half-way.
inline constexpr double kLeftFormKeepMs = 20000.0;
// "Home" from any screen. A form with something typed or chosen is kept for kLeftFormKeepMs,
// offered back on home as "continue" (home.resume), then wiped.
void leave_for_home(Session& session, double now_ms);
// Wipes a left form whose time is up; true when it did.
bool expire_left_form(Session& session, double now_ms);

}  // namespace kiosk::screens
