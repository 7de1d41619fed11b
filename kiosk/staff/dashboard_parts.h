// kiosk/staff/dashboard_parts.h — the dashboard's lower sections: the 30-day bar chart, the
// table by service and counter, and how many comments came (never their text: it is sealed
// and read at HQ). Each returns the height it used.
#pragma once

#include <cstdint>
#include <vector>

#include "kiosk/screens/form.h"
#include "kiosk/screens/screen.h"

namespace kiosk::staff {

// Drawn only whole: `f` is the tab's frame, whose scroll area it may snap (see keep_whole).
float day_chart(screens::ScreenContext& ctx, const std::vector<store::DaySatisfaction>& days,
                const screens::FormFrame& f, float y);
float place_table(screens::ScreenContext& ctx, const std::vector<store::PlaceSatisfaction>& places, float x, float y,
                  float w);
float comment_count(screens::ScreenContext& ctx, std::int64_t comments, float x, float y, float w);

}  // namespace kiosk::staff
