// kiosk/screens/screen.h — what every screen function receives, and the screen ids.
//
// A screen is `void draw_x(XState&, ScreenContext&)`: it reads and changes explicit state,
// draws through the Ui, and asks for navigation through the Session. No screen keeps hidden
// state of its own between frames.
#pragma once

#include <string_view>

#include "ui/i18n/strings.h"
#include "ui/widgets/ui.h"

namespace kiosk::screens {

enum class ScreenId { Home, About };

std::string_view screen_name(ScreenId id);  // the contract's id: "home", "about", ...

// What the visitor chose for this visit: language, text size, contrast. Kept across screens,
// reset when the kiosk returns home after an idle pause.
struct Session {
    ScreenId screen = ScreenId::Home;
    ui::i18n::Lang lang = ui::i18n::Lang::Ar;
    bool bigger_text = false;
    bool high_contrast = false;
    bool changed = false;    // something the next frame must show

    void go(ScreenId next) {
        if (screen != next) changed = true;
        screen = next;
    }
};

struct ScreenContext {
    ui::widgets::Ui& ui;
    const ui::i18n::Strings& strings;
    Session& session;
    int utc_offset_minutes = 180;

    std::string_view tr(std::string_view key) const { return strings(key); }
};

}  // namespace kiosk::screens
