// kiosk/screens/home.h — the first screen: large tiles for each service the kiosk offers.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/screens/screen.h"
#include "ui/widgets/icons.h"

namespace kiosk::screens {

struct HomeTile {
    std::string_view id;          // target id, e.g. "home.about"
    std::string_view title_key;
    std::string_view hint_key;
    ui::widgets::Icon icon;
    ScreenId target;
};

// The tiles of the flows this build offers, in the order visitors see them.
std::span<const HomeTile> home_tiles();

void draw_home(ScreenContext& ctx);
// Goes to the first screen of a flow with a fresh form.
void start_flow(Session& session, ScreenId first);

}  // namespace kiosk::screens
