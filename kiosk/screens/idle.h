// kiosk/screens/idle.h — when a visitor walks away. After a pause without a touch (longer on
// steps where people write), a warning counts down the seconds left, at least 20, with
// "more time" as often as wanted (WCAG 2.2.1). When it reaches zero everything typed is wiped
// from memory and home returns, in the default language. Home itself is never interrupted.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

inline constexpr double kIdleWarningMs = 30000.0;  // the countdown visitors see

// How long a screen may rest untouched before the warning, from the configured base pause.
double idle_pause_ms(ScreenId screen, double base_seconds);

struct IdleChoice {
    bool more_time = false;
    bool finish = false;
};

// The warning overlay, drawn above everything; nothing below it reacts while it is up.
IdleChoice draw_idle_warning(ScreenContext& ctx, int seconds_left);

}  // namespace kiosk::screens
