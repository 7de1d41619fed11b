// Caret placement and hit testing over a finished Layout: logical byte index ↔ position,
// through the visual runs. Pure functions of the Layout, so they are tested without fonts.
//
// Not for: editing (editing.h) or choosing which index a key press moves to.
#pragma once

#include <cstddef>
#include <string_view>

#include "ui/text/text.h"

namespace ui::text {

// The caret for `index` sits at the visual edge of the character before it, on the side
// that character's run reads towards (its left edge in a right-to-left run); at a line start
// it sits at the reading-start edge of the first character. At a direction boundary this is
// the position of the run of the character before the caret.
Caret caret_at(const Layout& layout, std::size_t index);

// The logical index nearest to (x, y) in layout coordinates. Given the laid-out text, a touch
// inside a ligature (lam-alef) lands between its letters, where caret_at() draws the caret;
// without it, on the ligature's nearer end.
std::size_t hit_test_at(const Layout& layout, float x, float y, std::string_view text = {});

}  // namespace ui::text
