// The modal dialog; see dialog.h.
#include "ui/widgets/dialog.h"

#include <algorithm>
#include <string>

namespace ui::widgets {

using ui::text::Align;
using ui::text::Weight;

std::optional<std::size_t> dialog(Ui& ui, std::string_view id, const DialogContent& content) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    ui.begin_overlay(id);
    const float w = std::min(ui.width() - 80.0f * u, 820.0f * u);
    const float pad = 36.0f * u;
    const float text_w = w - 2 * pad;
    const TextOptions title{
        .role = TextRole::Heading, .weight = Weight::Bold, .colour = t.primary, .align = Align::Center};
    const TextOptions body{.role = TextRole::Label, .align = Align::Center};
    const TextOptions emphasis{.role = TextRole::Title,
                               .weight = Weight::Bold,
                               .colour = content.emphasis_colour ? content.emphasis_colour : t.danger,
                               .align = Align::Center};
    const float gap = 20.0f * u;
    const float button_h = 80.0f * u;
    // Buttons share one row when their words fit; otherwise each takes a row of its own.
    const std::size_t n = content.buttons.size();
    float words = 0;
    for (const auto& b : content.buttons)
        words = std::max(
            words,
            ui.layout(b.label, 0, TextOptions{.role = TextRole::Label, .weight = Weight::Bold, .wrap = false}).width);
    const float row_w = n ? (text_w - gap * static_cast<float>(n - 1)) / static_cast<float>(n) : text_w;
    const bool one_row = words + 48.0f * u <= row_w;
    const float buttons_h = n == 0    ? 0
                            : one_row ? button_h
                                      : static_cast<float>(n) * button_h + static_cast<float>(n - 1) * gap;

    const float title_h = content.title.empty() ? 0 : ui.measure(content.title, text_w, title) + 12.0f * u;
    const float body_h = content.body.empty() ? 0 : ui.measure(content.body, text_w, body) + 20.0f * u;
    const float emphasis_h = content.emphasis.empty() ? 0 : ui.measure(content.emphasis, text_w, emphasis) + 8.0f * u;
    const float h = pad + title_h + body_h + emphasis_h + 20.0f * u + buttons_h + pad;
    const Rect box{(ui.width() - w) * 0.5f, std::max(0.0f, (ui.height() - h) * 0.5f), w, h};
    ui.fill(box, t.surface, 24.0f * u);
    ui.outline(box, t.accent, 24.0f * u, 4.0f * u);

    float y = box.y + pad;
    if (!content.title.empty()) y += ui.label(content.title, Rect{box.x + pad, y, text_w, 0}, title) + 12.0f * u;
    if (!content.body.empty()) y += ui.label(content.body, Rect{box.x + pad, y, text_w, 0}, body) + 20.0f * u;
    if (!content.emphasis.empty())
        y += ui.label(content.emphasis, Rect{box.x + pad, y, text_w, 0}, emphasis) + 8.0f * u;
    y += 20.0f * u;

    std::optional<std::size_t> chosen;
    const float start = ui.width() - box.right() + pad;  // the box's start edge, in start terms
    for (std::size_t i = 0; i < n; ++i) {
        const auto& b = content.buttons[i];
        const Rect r = one_row ? ui.from_start(start + static_cast<float>(i) * (row_w + gap), y, row_w, button_h)
                               : ui.from_start(start, y + static_cast<float>(i) * (button_h + gap), text_w, button_h);
        if (button(ui, std::string(id) + "." + std::string(b.key), b.label, r, b.kind)) chosen = i;
    }
    ui.end_overlay();
    return chosen;
}

}  // namespace ui::widgets
