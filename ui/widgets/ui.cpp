// The per-frame Ui context; see ui.h. Interaction is ImGui's (InvisibleButton), drawing is
// ours: boxes through the window's draw list, text through ui/text.
#include "ui/widgets/ui.h"
#include "ui/widgets/scroll.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

namespace ui::widgets {
namespace {

ImVec2 v(float x, float y) { return ImVec2(x, y); }

constexpr ImGuiWindowFlags kLayerFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
constexpr Colour kOverlayDim = IM_COL32(0, 0, 0, 150);

}  // namespace

Theme Theme::standard() {
    // Teal of the sea ("موج" is a wave) on warm white; text contrast ≥ 7:1 on surfaces.
    return Theme{.background = IM_COL32(244, 241, 234, 255),
                 .surface = IM_COL32(255, 255, 255, 255),
                 .surface_pressed = IM_COL32(222, 236, 235, 255),
                 .primary = IM_COL32(0, 105, 110, 255),
                 .primary_pressed = IM_COL32(0, 78, 82, 255),
                 .on_primary = IM_COL32(255, 255, 255, 255),
                 .text = IM_COL32(28, 35, 38, 255),
                 .text_muted = IM_COL32(78, 88, 92, 255),
                 .border = IM_COL32(200, 205, 204, 255),
                 .accent = IM_COL32(214, 140, 36, 255),
                 .danger = IM_COL32(176, 32, 36, 255),
                 .success = IM_COL32(30, 120, 60, 255),
                 .text_scale = 1.0f};
}

Theme Theme::high_contrast() {
    return Theme{.background = IM_COL32(0, 0, 0, 255),
                 .surface = IM_COL32(0, 0, 0, 255),
                 .surface_pressed = IM_COL32(60, 60, 0, 255),
                 .primary = IM_COL32(255, 230, 0, 255),
                 .primary_pressed = IM_COL32(200, 180, 0, 255),
                 .on_primary = IM_COL32(0, 0, 0, 255),
                 .text = IM_COL32(255, 255, 255, 255),
                 .text_muted = IM_COL32(235, 235, 235, 255),
                 .border = IM_COL32(255, 255, 255, 255),
                 .accent = IM_COL32(255, 230, 0, 255),
                 .danger = IM_COL32(255, 120, 120, 255),
                 .success = IM_COL32(120, 255, 140, 255),
                 .text_scale = 1.0f};
}

Ui::Ui(ui::text::Engine& text, const ui::platform::Frame& frame, const Theme& theme, bool rtl, ui::text::Digits digits)
    : text_(text), frame_(frame), theme_(theme), rtl_(rtl), digits_(digits) {
    // Layout units follow the shorter side, so a portrait kiosk and a landscape one both get
    // touch targets of the same physical proportion.
    unit_ = std::clamp(std::min(frame.width, frame.height) / 800.0f, 0.5f, 3.0f);
}

void Ui::begin() {
    ImGui::SetNextWindowPos(v(0, 0));
    ImGui::SetNextWindowSize(v(frame_.width, frame_.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, v(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme_.background);
    ImGui::Begin("##root", nullptr, kLayerFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    record_surface(Rect{0, 0, frame_.width, frame_.height}, theme_.background);
}

void Ui::end() {
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

void Ui::begin_overlay(std::string_view name) {
    ImGui::SetNextWindowPos(v(0, 0));
    ImGui::SetNextWindowSize(v(frame_.width, frame_.height));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, v(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kOverlayDim);
    std::string id = "##overlay." + std::string(name);
    ImGui::Begin(id.c_str(), nullptr, kLayerFlags);
    ++layer_;
    open_control_ = kNoControl;
    record_surface(Rect{0, 0, frame_.width, frame_.height}, kOverlayDim);
}

void Ui::end_overlay() {
    if (layer_ > 0) --layer_;
    open_control_ = kNoControl;
    end();
}

Rect Ui::from_start(float start, float y, float w, float h) const {
    return rtl_ ? Rect{frame_.width - start - w, y, w, h} : Rect{start, y, w, h};
}

Rect Ui::mirrored(const Rect& r) const { return rtl_ ? Rect{frame_.width - r.x - r.w, r.y, r.w, r.h} : r; }

float Ui::text_px(TextRole role) const {
    float base = 22.0f;
    switch (role) {
    case TextRole::Caption: base = 18.0f; break;
    case TextRole::Body: base = 22.0f; break;
    case TextRole::Label: base = 26.0f; break;
    case TextRole::Title: base = 32.0f; break;
    case TextRole::Heading: base = 40.0f; break;
    case TextRole::Display: base = 64.0f; break;
    case TextRole::Hero: base = 76.0f; break;
    }
    return std::round(base * unit_ * theme_.text_scale);
}

void Ui::fill(const Rect& r, Colour colour, float rounding) {
    ImGui::GetWindowDrawList()->AddRectFilled(v(r.x, r.y), v(r.right(), r.bottom()), colour, rounding);
    record_surface(r, colour);
}

void Ui::outline(const Rect& r, Colour colour, float rounding, float thickness) {
    ImGui::GetWindowDrawList()->AddRect(v(r.x, r.y), v(r.right(), r.bottom()), colour, rounding, 0, thickness);
}

ui::text::Style Ui::style_for(const TextOptions& options) const {
    return ui::text::Style{.size_px = text_px(options.role), .weight = options.weight, .digits = digits_};
}

const ui::text::Layout& Ui::layout(std::string_view text, float width, const TextOptions& options) {
    ui::text::LayoutRequest request{.text = text,
                                    .style = style_for(options),
                                    .max_width = options.wrap ? std::max(1.0f, width) : 0.0f,
                                    .direction = options.content_direction ? ui::text::Direction::Auto
                                                 : options.direction != ui::text::Direction::Auto
                                                     ? options.direction
                                                     : (rtl_ ? ui::text::Direction::Rtl : ui::text::Direction::Ltr),
                                    .align = options.align,
                                    .max_lines = options.max_lines};
    return text_.layout(request);
}

float Ui::measure(std::string_view text, float width, const TextOptions& options) {
    return layout(text, width, options).height;
}

float Ui::label(std::string_view text, const Rect& box, const TextOptions& options) {
    const ui::text::Layout& l = layout(text, box.w, options);
    float y = box.y;
    if (options.centre_vertically) y += std::max(0.0f, (box.h - l.height) * 0.5f);
    // A layout narrower than its box (no wrapping) is placed by alignment here.
    float x = box.x;
    if (l.width < box.w) {
        const bool to_right = (options.align == ui::text::Align::Start) == rtl_;
        if (options.align == ui::text::Align::Center) x += (box.w - l.width) * 0.5f;
        else if (to_right) x += box.w - l.width;
    }
    const Colour ink = options.colour ? options.colour : theme_.text;
    text_.draw(ImGui::GetWindowDrawList(), l, std::round(x), std::round(y), ink);
    record_text(text, l, std::round(x), std::round(y), ink, options.role);
    return l.height;
}

void Ui::push_clip(const Rect& r, ScrollState* scroll) { clips_.push_back(Clip{r, scroll}); }

void Ui::claim_pointer() {
    if (!clips_.empty() && clips_.back().scroll) clips_.back().scroll->claimed = true;
}

void Ui::reveal_rect(const Rect& r) {
    if (clips_.empty() || !clips_.back().scroll) return;
    const Rect& c = clips_.back().rect;
    ScrollState* scroll = clips_.back().scroll;
    const float origin = c.y - scroll->offset;
    scroll->reveal(r.y - origin - 16.0f * unit_, r.bottom() - origin + 16.0f * unit_, c.h);
}

void Ui::pop_clip() {
    if (!clips_.empty()) clips_.pop_back();
}

bool Ui::tap_area(std::string_view id, const Rect& area) {
    record_control(id, area);
    Rect r = area;
    if (!clips_.empty()) {
        const Rect& c = clips_.back().rect;
        const float top = std::max(r.y, c.y);
        const float bottom = std::min(r.bottom(), c.bottom());
        if (bottom - top < std::min(r.h, 24.0f * unit_)) {
            // Out of view: tell the replay driver it exists, and scroll to it when asked.
            frame_.targets->add_hidden(id);
            if (reveal_ == id) reveal_rect(r);
            last_pressed_ = false;
            return false;
        }
        r.y = top;
        r.h = bottom - top;
    }
    frame_.targets->add(id, r);
    ImGui::SetCursorScreenPos(v(r.x, r.y));
    std::string imgui_id(id);
    bool tapped = ImGui::InvisibleButton(imgui_id.c_str(), v(std::max(1.0f, r.w), std::max(1.0f, r.h)));
    last_pressed_ = ImGui::IsItemActive();
    tapped_any_ = tapped_any_ || tapped;
    return tapped;
}

bool Ui::hold_area(std::string_view id, const Rect& r, double ms, float* progress) {
    tap_area(id, r);
    float held = last_pressed_ ? ImGui::GetIO().MouseDownDuration[0] * 1000.0f : 0.0f;
    if (progress) *progress = std::clamp(held / static_cast<float>(ms), 0.0f, 1.0f);
    return last_pressed_ && held >= static_cast<float>(ms);
}

}  // namespace ui::widgets
