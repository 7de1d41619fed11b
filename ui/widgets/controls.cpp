// The touch controls; see controls.h. Text goes through ui/text like everything else, caret
// and touch positions through the engine's caret() and hit_test().
#include "ui/widgets/controls.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/text/editing.h"

namespace ui::widgets {
namespace {

using ui::text::Align;
using ui::text::Weight;

Colour fill_for(const Theme& t, ButtonKind kind, bool pressed) {
    switch (kind) {
    case ButtonKind::Primary: return pressed ? t.primary_pressed : t.primary;
    case ButtonKind::Danger: return t.danger;
    case ButtonKind::Quiet: return pressed ? t.surface_pressed : t.background;
    case ButtonKind::Secondary: break;
    }
    return pressed ? t.surface_pressed : t.surface;
}

TextOptions field_text(const FieldOptions& options, bool rtl) {
    // What a visitor types takes the direction of its own first letter (like dir="auto"):
    // an English comment in the Arabic form reads left to right, punctuation and all.
    (void)rtl;
    return TextOptions{.role = TextRole::Label,
                       .direction = options.left_to_right ? ui::text::Direction::Ltr : ui::text::Direction::Auto,
                       .content_direction = !options.left_to_right};
}

struct FieldMetrics {
    float label_h = 0;
    float box_h = 0;
    float error_h = 0;
    float pad = 0;
};

FieldMetrics metrics(Ui& ui, std::string_view text, float w, const FieldOptions& options) {
    const float u = ui.scale();
    FieldMetrics m;
    m.pad = 16.0f * u;
    if (!options.label.empty())
        m.label_h =
            ui.measure(options.label, w, TextOptions{.role = TextRole::Body, .weight = Weight::Bold}) + 6.0f * u;
    const float line = ui.text_px(TextRole::Label) * 1.45f;
    const float content =
        ui.measure(text.empty() ? std::string_view(" ") : text, w - 2 * m.pad, field_text(options, ui.rtl()));
    m.box_h = std::max(line * (options.multiline ? 3.0f : 1.0f), content) + 2 * m.pad * 0.75f;
    if (!options.error.empty())
        m.error_h = ui.measure(options.error, w - 40.0f * u, TextOptions{.role = TextRole::Body}) + 8.0f * u;
    return m;
}

}  // namespace

std::string digits_only(std::string_view typed, bool /*multiline*/) {
    std::string kept;
    for (char c : typed)
        if (c >= '0' && c <= '9') kept.push_back(c);
    return kept;
}

Drawn take_edits(Ui& ui, Focus& focus, std::string& text, const FieldOptions& options) {
    Drawn result;
    ui::text::EditState edit{text, focus.caret_set ? std::min(focus.caret, text.size()) : text.size()};
    auto key = [&](ui::platform::Key k) {
        using ui::platform::Key;
        switch (k) {
        case Key::Backspace: edit.backspace(); break;
        case Key::Delete: edit.erase_forward(); break;
        case Key::Home: edit.move_home(); break;
        case Key::End: edit.move_end(); break;
        case Key::Space: edit.insert(" "); break;
        case Key::Left: (ui.rtl() && !options.left_to_right) ? edit.move_next() : edit.move_previous(); break;
        case Key::Right: (ui.rtl() && !options.left_to_right) ? edit.move_previous() : edit.move_next(); break;
        case Key::Enter:
            if (options.multiline) edit.insert("\n");
            else result.submitted = true;
            break;
        case Key::Tab:
        case Key::Escape: break;
        }
    };
    auto insert = [&](std::string_view typed) {
        const std::string kept = options.filter ? options.filter(typed, options.multiline) : std::string(typed);
        if (!kept.empty() && edit.text.size() + kept.size() <= options.max_bytes) edit.insert(kept);
    };
    for (const Edit& e : focus.pending) {
        if (e.kind == Edit::Kind::Text) insert(e.text);
        else key(e.key);
    }
    focus.pending.clear();
    if (result.submitted) focus.submit_requested = true;
    result.changed = edit.text != text;
    if (result.changed) text = std::move(edit.text);
    focus.caret = edit.caret;
    focus.caret_set = true;
    return result;
}

bool button(Ui& ui, std::string_view id, std::string_view label, const Rect& r, ButtonKind kind) {
    const bool tapped = ui.tap_area(id, r);
    const auto& t = ui.theme();
    const float radius = std::min(r.h * 0.5f, 18.0f * ui.scale());
    ui.fill(r, fill_for(t, kind, ui.is_pressed()), radius);
    if (kind == ButtonKind::Secondary) ui.outline(r, t.border, radius, 2.0f);
    const Colour ink = (kind == ButtonKind::Primary || kind == ButtonKind::Danger) ? t.on_primary : t.text;
    ui.label(label, Rect{r.x + 10.0f, r.y, r.w - 20.0f, r.h},
             TextOptions{.role = TextRole::Label,
                         .weight = Weight::Bold,
                         .colour = ink,
                         .align = Align::Center,
                         .centre_vertically = true,
                         .max_lines = 2});
    return tapped;
}

float field_label_height(Ui& ui, std::string_view label, float w) {
    if (label.empty()) return 0.0f;
    return ui.measure(label, w, TextOptions{.role = TextRole::Body, .weight = Weight::Bold}) + 6.0f * ui.scale();
}

float stepper_width(const Ui& ui, float h) { return 2.0f * h + 12.0f * ui.scale(); }

bool stepper(Ui& ui, std::string_view id, std::string& text, int min, int max, const Rect& r) {
    // Digits in any of the three sets a visitor may type: 0-9, U+0660-0669, U+06F0-06F9.
    int value = min;
    bool parsed = !text.empty();
    long long n = 0;
    for (std::size_t i = 0; i < text.size() && parsed;) {
        const auto c = static_cast<unsigned char>(text[i]);
        int digit = -1;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
            i += 1;
        } else if (i + 1 < text.size() && (c == 0xD9 || c == 0xDB)) {
            const auto c2 = static_cast<unsigned char>(text[i + 1]);
            if (c == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9) digit = c2 - 0xA0;  // U+0660..0669
            if (c == 0xDB && c2 >= 0xB0 && c2 <= 0xB9) digit = c2 - 0xB0;  // U+06F0..06F9
            i += 2;
        }
        if (digit < 0 || n > max) parsed = false;
        else n = n * 10 + digit;
    }
    if (parsed) value = static_cast<int>(std::clamp<long long>(n, min, max));
    const float side = r.h;
    const float gap = 12.0f * ui.scale();
    // The minus key sits at the start edge, the plus key after it, in reading order.
    const Rect first = ui.rtl() ? Rect{r.right() - side, r.y, side, side} : Rect{r.x, r.y, side, side};
    const Rect second =
        ui.rtl() ? Rect{first.x - gap - side, r.y, side, side} : Rect{r.x + side + gap, r.y, side, side};
    const std::string minus_id = std::string(id) + ".minus";
    const std::string plus_id = std::string(id) + ".plus";
    bool changed = false;
    if (button(ui, minus_id, "\u2212", first) && (!parsed || value > min)) {
        value = parsed ? value - 1 : min;
        changed = true;
    }
    if (button(ui, plus_id, "+", second) && (!parsed || value < max)) {
        value = parsed ? value + 1 : min;
        changed = true;
    }
    if (changed) text = std::to_string(value);
    return changed;
}

float text_field_height(Ui& ui, std::string_view text, float w, const FieldOptions& options) {
    FieldMetrics m = metrics(ui, text, w, options);
    return m.label_h + m.box_h + m.error_h;
}

Drawn text_field(Ui& ui, Focus& focus, std::string_view id, std::string& text, float x, float y, float w,
                 const FieldOptions& options) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    Drawn result;
    if (focus.focused(id)) result = take_edits(ui, focus, text, options);
    const FieldMetrics m = metrics(ui, text, w, options);
    if (!options.label.empty())
        ui.label(options.label, Rect{x, y, w, 0}, TextOptions{.role = TextRole::Body, .weight = Weight::Bold});
    const Rect box{x, y + m.label_h, w, m.box_h};
    const Rect inner{box.x + m.pad, box.y + m.pad * 0.75f, box.w - 2 * m.pad, box.h - 1.5f * m.pad};
    const TextOptions text_options = field_text(options, ui.rtl());
    const ui::text::Layout& layout = ui.layout(text.empty() ? std::string_view(" ") : text, inner.w, text_options);

    if (ui.tap_area(id, box)) {
        focus.focus(id, options.keyboard);
        if (!text.empty()) {
            focus.caret =
                ui.text_engine().hit_test(layout, text, ui.input().pointer_x - inner.x, ui.input().pointer_y - inner.y);
            focus.caret_set = true;
        }
    }
    const bool focused = focus.focused(id);
    ui.mark(RecordRole::Field, (focused ? ui::platform::kRecordFocused : 0) |
                                   (text.empty() && !options.hint.empty() ? ui::platform::kRecordPlaceholder : 0));
    if (focused && focus.reveal_frames > 0) {
        --focus.reveal_frames;
        ui.reveal_rect(Rect{x, y, w, m.label_h + m.box_h + m.error_h});
    }
    const bool error = !options.error.empty();
    ui.fill(box, t.surface, 12.0f * u);
    ui.outline(box, focused ? t.primary : (error ? t.danger : t.border), 12.0f * u, focused || error ? 3.0f * u : 2.0f);
    if (text.empty() && !options.hint.empty()) {
        ui.label(options.hint, inner, TextOptions{.role = TextRole::Label, .colour = t.text_muted, .max_lines = 1});
    } else {
        ui.text_engine().draw(ImGui::GetWindowDrawList(), layout, std::round(inner.x), std::round(inner.y), t.text);
        ui.record_text(text, layout, std::round(inner.x), std::round(inner.y), t.text, TextRole::Label);
    }
    if (focused) {
        const auto caret = ui.text_engine().caret(layout, text.empty() ? 0 : std::min(focus.caret, text.size()));
        const float cx =
            text.empty() ? (ui.rtl() && !options.left_to_right ? inner.right() : inner.x) : inner.x + caret.x;
        const float top = inner.y + (text.empty() ? 0.0f : caret.top);
        const float bottom = text.empty() ? inner.y + ui.text_px(TextRole::Label) * 1.3f : inner.y + caret.bottom;
        ui.fill(Rect{std::round(cx) - 1.5f * u, top, 3.0f * u, bottom - top}, t.primary);
    }
    if (error) {
        const float icon = ui.text_px(TextRole::Body);
        const float ey = box.bottom() + 6.0f * u;
        Rect icon_box = ui.rtl() ? Rect{x + w - icon, ey + 2.0f * u, icon, icon} : Rect{x, ey + 2.0f * u, icon, icon};
        draw_icon(Icon::Warning, icon_box, t.danger, false);
        Rect msg =
            ui.rtl() ? Rect{x, ey, w - icon - 10.0f * u, 0} : Rect{x + icon + 10.0f * u, ey, w - icon - 10.0f * u, 0};
        ui.label(options.error, msg, TextOptions{.role = TextRole::Body, .colour = t.danger});
    }
    result.height = m.label_h + m.box_h + m.error_h;
    return result;
}

namespace {

template <class IsOn, class Toggle>
float chips(Ui& ui, std::string_view id_prefix, std::span<const Choice> choices, float x, float y, float w, IsOn is_on,
            Toggle toggle) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float h = std::max(64.0f * u, ui.text_px(TextRole::Label) * 2.2f);
    const float gap = 14.0f * u;
    float cx = 0;
    float cy = y;
    for (const Choice& c : choices) {
        const TextOptions style{.role = TextRole::Label, .weight = Weight::Bold, .wrap = false};
        const float cw = std::min(w, ui.layout(c.label, 0, style).width + 56.0f * u);
        if (cx > 0 && cx + cw > w) {
            cx = 0;
            cy += h + gap;
        }
        const Rect r = ui.rtl() ? Rect{x + w - cx - cw, cy, cw, h} : Rect{x + cx, cy, cw, h};
        const std::string id = std::string(id_prefix) + "." + std::string(c.key);
        if (ui.tap_area(id, r)) toggle(c.key);
        const bool on = is_on(c.key);
        ui.mark(RecordRole::Chip, on ? ui::platform::kRecordSelected : 0);
        ui.fill(r, on ? t.primary : (ui.is_pressed() ? t.surface_pressed : t.surface), h * 0.5f);
        ui.outline(r, on ? t.primary : t.border, h * 0.5f, 2.0f);
        ui.label(c.label, r,
                 TextOptions{.role = TextRole::Label,
                             .weight = Weight::Bold,
                             .colour = on ? t.on_primary : t.text,
                             .align = Align::Center,
                             .wrap = false,
                             .centre_vertically = true,
                             .max_lines = 1});
        cx += cw + gap;
    }
    return cy + h - y;
}

}  // namespace

Drawn choice_chips(Ui& ui, std::string_view id_prefix, std::span<const Choice> choices, std::string& chosen, float x,
                   float y, float w) {
    Drawn result;
    result.height = chips(
        ui, id_prefix, choices, x, y, w, [&](std::string_view k) { return chosen == k; },
        [&](std::string_view k) {
            result.changed = result.changed || chosen != k;
            chosen = std::string(k);
        });
    return result;
}

Drawn multi_chips(Ui& ui, std::string_view id_prefix, std::span<const Choice> choices, std::vector<std::string>& chosen,
                  float x, float y, float w) {
    Drawn result;
    result.height = chips(
        ui, id_prefix, choices, x, y, w,
        [&](std::string_view k) { return std::find(chosen.begin(), chosen.end(), k) != chosen.end(); },
        [&](std::string_view k) {
            result.changed = true;
            auto it = std::find(chosen.begin(), chosen.end(), k);
            if (it == chosen.end()) chosen.emplace_back(k);
            else chosen.erase(it);
        });
    return result;
}

namespace {

// From red (poor) to green (excellent), light enough for the dark features to read on.
constexpr Colour kMoodColours[5] = {IM_COL32(229, 115, 115, 255), IM_COL32(244, 170, 104, 255),
                                    IM_COL32(240, 212, 96, 255), IM_COL32(160, 206, 110, 255),
                                    IM_COL32(96, 186, 112, 255)};

// Five faces nobody confuses: a frown under slanted brows, a straight mouth, a small smile,
// a wide smile, and an open laugh.
void face(ImDrawList* dl, ImVec2 c, float r, int mood, Colour ink) {
    const float line = std::max(2.0f, r * 0.09f);
    dl->AddCircleFilled(c, r, kMoodColours[std::clamp(mood, 1, 5) - 1], 48);
    dl->AddCircle(c, r, ink, 48, std::max(2.0f, r * 0.07f));
    dl->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.2f), r * 0.1f, ink, 16);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.2f), r * 0.1f, ink, 16);
    if (mood == 1) {
        dl->AddLine(ImVec2(c.x - r * 0.52f, c.y - r * 0.5f), ImVec2(c.x - r * 0.2f, c.y - r * 0.38f), ink, line);
        dl->AddLine(ImVec2(c.x + r * 0.52f, c.y - r * 0.5f), ImVec2(c.x + r * 0.2f, c.y - r * 0.38f), ink, line);
    }
    if (mood == 5) {
        // An open mouth: a filled half-disc under a straight upper lip.
        dl->PathArcTo(ImVec2(c.x, c.y + r * 0.18f), r * 0.46f, 0.0f, 3.14159f, 24);
        dl->PathFillConvex(ink);
        return;
    }
    static constexpr float kBend[5] = {-0.34f, 0.0f, 0.14f, 0.3f, 0.0f};
    const float bend = kBend[mood - 1] * r;
    const float my = c.y + r * 0.4f - bend * 0.5f;
    dl->AddBezierQuadratic(ImVec2(c.x - r * 0.42f, my), ImVec2(c.x, my + bend * 2.0f), ImVec2(c.x + r * 0.42f, my), ink,
                           line, 16);
}

}  // namespace

bool rating_faces(Ui& ui, std::string_view id_prefix, int& score, const Rect& r,
                  std::span<const std::string_view> labels) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float gap = 12.0f * u;
    const float cell = (r.w - 4 * gap) / 5.0f;
    bool tapped = false;
    for (int i = 1; i <= 5; ++i) {
        // Reading order: in Arabic the unhappy face is at the right, where reading starts.
        const float offset = static_cast<float>(i - 1) * (cell + gap);
        const Rect cellr =
            ui.rtl() ? Rect{r.right() - offset - cell, r.y, cell, r.h} : Rect{r.x + offset, r.y, cell, r.h};
        const std::string id = std::string(id_prefix) + "." + std::to_string(i);
        if (ui.tap_area(id, cellr)) {
            score = i;
            tapped = true;
        }
        const bool on = score == i;
        ui.mark(RecordRole::Rating, on ? ui::platform::kRecordSelected : 0);
        // The chosen face keeps its colour; its cell is tinted and ringed in the primary colour.
        ui.fill(cellr, on || ui.is_pressed() ? t.surface_pressed : t.surface, 16.0f * u);
        ui.outline(cellr, on ? t.primary : t.border, 16.0f * u, on ? 5.0f * u : 2.0f);
        const bool with_label = static_cast<int>(labels.size()) >= i;
        const float label_h = with_label ? ui.text_px(TextRole::Body) * 1.6f : 0.0f;
        const float radius = std::min(cell * 0.32f, (r.h - label_h) * 0.36f);
        face(ImGui::GetWindowDrawList(), ImVec2(cellr.cx(), r.y + (r.h - label_h) * 0.5f), radius, i, t.text);
        if (with_label)
            ui.label(labels[static_cast<std::size_t>(i - 1)],
                     Rect{cellr.x + 4, cellr.bottom() - label_h - 6.0f * u, cellr.w - 8, label_h},
                     TextOptions{.role = TextRole::Body,
                                 .weight = Weight::Bold,
                                 .colour = on ? t.primary : t.text,
                                 .align = Align::Center,
                                 .wrap = false,
                                 .centre_vertically = true,
                                 .max_lines = 1});
    }
    return tapped;
}

void progress_steps(Ui& ui, std::span<const std::string_view> labels, int current, const Rect& r) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float n = static_cast<float>(labels.size());
    const float cell = r.w / n;
    const float dot = 34.0f * u;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float offset = static_cast<float>(i) * cell;
        const Rect c = ui.rtl() ? Rect{r.right() - offset - cell, r.y, cell, r.h} : Rect{r.x + offset, r.y, cell, r.h};
        const int idx = static_cast<int>(i);
        const Colour col = idx <= current ? t.primary : t.border;
        if (i + 1 < labels.size()) {
            const float lx0 = c.cx();
            const float lx1 = ui.rtl() ? c.cx() - cell : c.cx() + cell;
            ImGui::GetWindowDrawList()->AddLine(ImVec2(lx0, r.y + dot * 0.5f), ImVec2(lx1, r.y + dot * 0.5f),
                                                idx < current ? t.primary : t.border, 4.0f * u);
        }
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.cx(), r.y + dot * 0.5f), dot * 0.5f, col, 24);
        ui.label(std::to_string(i + 1), Rect{c.cx() - dot * 0.5f, r.y, dot, dot},
                 TextOptions{.role = TextRole::Caption,
                             .weight = Weight::Bold,
                             .colour = t.on_primary,
                             .align = Align::Center,
                             .wrap = false,
                             .centre_vertically = true});
        ui.label(labels[i], Rect{c.x, r.y + dot + 4.0f * u, c.w, r.h - dot},
                 TextOptions{.role = TextRole::Caption,
                             .weight = idx == current ? Weight::Bold : Weight::Regular,
                             .colour = idx == current ? t.text : t.text_muted,
                             .align = Align::Center,
                             .max_lines = 2});
    }
}

float notice(Ui& ui, std::string_view text, Icon icon, Colour colour, float x, float y, float w) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 18.0f * u;
    const float icon_s = 44.0f * u;
    const float text_w = w - icon_s - 3 * pad;
    const float th = ui.measure(text, text_w, TextOptions{.role = TextRole::Label});
    const float h = std::max(icon_s, th) + 2 * pad;
    const Rect box{x, y, w, h};
    ui.fill(box, t.surface, 14.0f * u);
    ui.outline(box, colour, 14.0f * u, 3.0f * u);
    const Rect icon_box =
        ui.rtl() ? Rect{box.right() - pad - icon_s, y + pad, icon_s, icon_s} : Rect{x + pad, y + pad, icon_s, icon_s};
    draw_icon(icon, icon_box, colour, false);
    const Rect text_box =
        ui.rtl() ? Rect{x + pad, y + pad, text_w, th} : Rect{x + 2 * pad + icon_s, y + pad, text_w, th};
    ui.label(text, text_box, TextOptions{.role = TextRole::Label});
    return h;
}

void progress_bar(Ui& ui, float fraction, const Rect& r) {
    const auto& t = ui.theme();
    const float radius = r.h * 0.5f;
    ui.fill(r, t.surface_pressed, radius);
    ui.outline(r, t.border, radius, 2.0f);
    const float done = std::clamp(fraction, 0.0f, 1.0f) * r.w;
    if (done <= 0.0f) return;
    const Rect bar{ui.rtl() ? r.right() - std::max(done, r.h) : r.x, r.y, std::max(done, r.h), r.h};
    ui.fill(bar, t.primary, radius);
}

}  // namespace ui::widgets
