// ui/widgets/icons.h — a few pictograms drawn as vectors, so they scale with the text size
// and need no image files or icon fonts. Each fits the square it is given.
#pragma once

#include "ui/widgets/ui.h"

namespace ui::widgets {

enum class Icon { Heart, Bubble, People, Star, Search, Info, Check, Warning };

void draw_icon(Icon icon, const Rect& box, Colour colour, bool mirror);

}  // namespace ui::widgets
