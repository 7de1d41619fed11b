// Screen ids as DESIGN.md's contracts name them; see screen.h.
#include "kiosk/screens/screen.h"

namespace kiosk::screens {

std::string_view screen_name(ScreenId id) {
    switch (id) {
    case ScreenId::Home: return "home";
    case ScreenId::About: return "about";
    }
    return "home";
}

}  // namespace kiosk::screens
