// ui/widgets/keyboard.h — the on-screen keyboard: Arabic (with a layer for harakat and
// hamza forms), English and digits. Docked at the bottom of the screen while a field is
// focused; keys go into the Focus queue, the same path as every other kind of typing.
// Key target ids: keyboard.key.<character>, keyboard.space, keyboard.backspace,
// keyboard.shift, keyboard.layout.ar|en|digits, keyboard.done.
#pragma once

#include "ui/widgets/focus.h"
#include "ui/widgets/ui.h"

namespace ui::widgets {

struct KeyboardLabels {
    std::string_view arabic;  // the label of the key that switches to Arabic
    std::string_view english;
    std::string_view digits;
    std::string_view space;
    std::string_view done;
};

float keyboard_height(const Ui& ui);
// Returns true when a key was pressed (the caller asks for another frame so the field shows it).
bool keyboard(Ui& ui, Focus& focus, const Rect& r, const KeyboardLabels& labels);

}  // namespace ui::widgets
