// ui/widgets/dialog.h — a modal dialog: a dimmed screen, a centred box with a title, a
// message, an optional emphasised line (a countdown, a figure) and one to three buttons in
// reading order. While it is open nothing below it reacts to touch.
//
// Like every control it keeps no state: the caller decides each frame whether it is open and
// acts on the button it returns. Buttons are targets `<id>.<button key>`.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ui/widgets/controls.h"

namespace ui::widgets {

struct DialogButton {
    std::string_view key;  // the target id is `<dialog id>.<key>`
    std::string_view label;
    ButtonKind kind = ButtonKind::Secondary;
};

struct DialogContent {
    std::string_view title;
    std::string_view body;
    std::string_view emphasis;   // shown large, in the accent colour; empty: none
    Colour emphasis_colour = 0;  // 0: the theme's danger colour
    std::span<const DialogButton> buttons;
};

// Draws the dialog above everything drawn so far; returns the index of the button tapped
// this frame, if any.
std::optional<std::size_t> dialog(Ui& ui, std::string_view id, const DialogContent& content);

}  // namespace ui::widgets
