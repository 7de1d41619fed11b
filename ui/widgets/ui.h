// ui/widgets/ui.h — the per-frame drawing and interaction context every screen receives.
//
// Screens are plain functions of explicit state that draw through a Ui and return what the
// visitor asked for (kiosk/screens/screen.h). A Ui is built for one frame; it knows the text
// engine, the theme, the reading direction and where targets are registered. Geometry is given in "start/end" terms
// where it matters and mirrored here for right-to-left, so a screen is written once for both languages. Not for:
// anything the association does; strings (ui/i18n) are looked up by the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/platform/app.h"
#include "ui/platform/targets.h"
#include "ui/text/text.h"

namespace ui::widgets {

using ui::platform::RecordRole;
using ui::platform::Rect;
struct ScrollState;
using Colour = std::uint32_t;  // ImU32: 0xAABBGGRR

struct Theme {
    Colour background;
    Colour surface;
    Colour surface_pressed;
    Colour primary;
    Colour primary_pressed;
    Colour on_primary;
    Colour text;
    Colour text_muted;
    Colour border;
    Colour accent;
    Colour danger;
    Colour success;
    float text_scale = 1.0f;

    static Theme standard();
    static Theme high_contrast();
};

// Text sizes by role, before the visitor's text-size setting is applied.
// Hero: a reference number a visitor copies from across the counter (at least 72 px).
enum class TextRole { Caption, Body, Label, Title, Heading, Display, Hero };

struct TextOptions {
    TextRole role = TextRole::Body;
    ui::text::Weight weight = ui::text::Weight::Regular;
    Colour colour = 0;  // 0: the theme's text colour
    ui::text::Align align = ui::text::Align::Start;
    bool wrap = true;
    bool centre_vertically = false;
    int max_lines = 0;
    ui::text::Direction direction = ui::text::Direction::Auto;  // Auto: the interface's direction
    bool content_direction = false;  // the text's own first strong letter decides (visitor input)
};

class Ui {
public:
    Ui(ui::text::Engine& text, const ui::platform::Frame& frame, const Theme& theme, bool rtl, ui::text::Digits digits);

    // The full-screen root window; everything is drawn between begin() and end().
    void begin();
    void end();
    // A layer above the root (dialogs, the idle warning): while one is open, nothing below
    // it reacts to touch.
    void begin_overlay(std::string_view name);
    void end_overlay();

    const Theme& theme() const { return theme_; }
    bool rtl() const { return rtl_; }
    float width() const { return frame_.width; }
    float height() const { return frame_.height; }
    double now_ms() const { return frame_.now_ms; }
    std::int64_t wall_ms() const { return frame_.wall_ms; }
    const ui::platform::Input& input() const { return *frame_.input; }
    ui::text::Engine& text_engine() { return text_; }
    ui::text::Digits digits() const { return digits_; }

    // A rectangle given from the start edge (left in LTR, right in RTL) placed on screen.
    Rect from_start(float start, float y, float w, float h) const;
    // Mirrors a rectangle laid out left-to-right when the reading direction is RTL.
    Rect mirrored(const Rect& r) const;
    float scale() const { return unit_; }  // one layout unit in pixels, from the screen size
    float text_px(TextRole role) const;

    void fill(const Rect& r, Colour colour, float rounding = 0.0f);
    void outline(const Rect& r, Colour colour, float rounding = 0.0f, float thickness = 2.0f);
    // Lays out and draws text inside `box`; returns the height it took.
    float label(std::string_view text, const Rect& box, const TextOptions& options = {});
    // Height the text would take at `width`.
    float measure(std::string_view text, float width, const TextOptions& options = {});
    const ui::text::Layout& layout(std::string_view text, float width, const TextOptions& options);

    // An interactive area with a stable target id. Returns true when a touch that began on it
    // ends on it (a tap).
    bool tap_area(std::string_view id, const Rect& r);
    bool is_pressed() const { return last_pressed_; }
    // True when anything was tapped this frame: what was drawn before the tap may be stale,
    // so the app draws one more frame.
    bool tapped_any() const { return tapped_any_; }
    // Interactive areas outside the innermost clip are neither registered nor touchable;
    // areas partly inside are registered by their visible part.
    void push_clip(const Rect& r, ScrollState* scroll = nullptr);
    void pop_clip();
    // The press under way belongs to the widget just drawn (a signature pad): the innermost
    // scroll area will not turn it into a scroll.
    void claim_pointer();
    // Scrolls the innermost scroll area so that `r` (screen coordinates) is visible.
    void reveal_rect(const Rect& r);
    // The target the app wants scrolled into view this frame (see App::reveal).
    void set_reveal(std::string_view id) { reveal_ = id; }
    // True once the area has been held down for `ms`; progress (0..1) while held.
    bool hold_area(std::string_view id, const Rect& r, double ms, float* progress);

    // The frame record (ui/platform/frame_record.h), filled as things are drawn, in drawing
    // order. label() records its text; tap_area() records a control (a Button unless mark()
    // says more), and the first text drawn inside the control's box becomes its text. A text
    // in the theme's danger colour is an Error, one at Heading or Display size a Heading.
    // What lies wholly outside the innermost clip (scrolled out of view) is not recorded;
    // what is partly inside is, with its whole box and the clip, so checks can see it cut
    // (and a control partly inside keeps its words, even when they are the part cut off).
    //
    // Says what the control just registered by tap_area() is, and its state (kRecord* flags).
    void mark(RecordRole role, std::uint8_t flags = 0);
    // Records text a widget drew itself with the text engine at (x, y), not through label().
    void record_text(std::string_view text, const ui::text::Layout& layout, float x, float y, Colour colour,
                     TextRole role);

private:
    ui::text::Style style_for(const TextOptions& options) const;
    void record_control(std::string_view id, const Rect& area);
    void record_surface(const Rect& r, Colour colour);
    Rect clip_rect() const;
    Colour background_at(float x, float y, std::size_t before) const;

    ui::text::Engine& text_;
    const ui::platform::Frame& frame_;
    Theme theme_;
    bool rtl_ = true;
    ui::text::Digits digits_ = ui::text::Digits::Western;
    float unit_ = 1.0f;
    bool last_pressed_ = false;
    bool tapped_any_ = false;
    struct Clip {
        Rect rect;
        ScrollState* scroll;
    };
    std::vector<Clip> clips_;
    std::string reveal_;
    static constexpr std::size_t kNoControl = static_cast<std::size_t>(-1);
    std::size_t open_control_ = kNoControl;  // the recorded control a label may belong to
    std::uint8_t layer_ = 0;                 // overlays open above the screen
};

}  // namespace ui::widgets
