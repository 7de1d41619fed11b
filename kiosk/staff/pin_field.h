// kiosk/staff/pin_field.h — a PIN field (digits keyboard, one dot per digit, never the
// digits) used by staff.pin and the PIN change.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/screens/screen.h"

namespace kiosk::staff {

// Returns the height used.
float pin_field(screens::ScreenContext& ctx, std::string_view id, std::string_view label_key, std::string& pin, float x,
                float y, float w);

}  // namespace kiosk::staff
