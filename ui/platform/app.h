// ui/platform/app.h — what the platform layer asks of an application.
//
// The host owns the window, the renderer, time and input; an App builds one ImGui frame at a
// time from explicit state. The host draws only when something changed: input arrived, the
// app asked for another frame, or the time the app named in next_wakeup_ms() came.
// Not for: widgets (ui/widgets) or anything the association does (kiosk/).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ui/platform/frame_record.h"
#include "ui/platform/targets.h"

namespace ui::platform {

enum class Key { Backspace, Enter, Tab, Escape, Left, Right, Home, End, Delete, Space };

// Everything that happened since the previous frame.
struct Input {
    float pointer_x = -1.0f;
    float pointer_y = -1.0f;
    bool pointer_down = false;
    std::string text;  // committed text, UTF-8, to go to the focused field
    std::vector<Key> keys;
};

struct Frame {
    double now_ms = 0.0;       // monotonic; virtual in headless mode
    std::int64_t wall_ms = 0;  // Unix time in ms; fixed start in headless mode
    float width = 0.0f;
    float height = 0.0f;
    const Input* input = nullptr;
    Targets* targets = nullptr;
    FrameRecord* record = nullptr;  // what the frame shows, filled by widgets; null: not kept
};

class App {
public:
    virtual ~App() = default;

    // Builds the whole frame inside ImGui::NewFrame()/Render().
    virtual void frame(const Frame& frame) = 0;
    // Id of the screen shown, as DESIGN.md's contracts name it.
    virtual std::string_view screen_id() const = 0;
    // True when the last frame changed state that the next frame must show.
    virtual bool wants_frame() const { return false; }
    // The next moment (monotonic ms) at which something on screen changes by itself.
    virtual double next_wakeup_ms(double /*now_ms*/) const { return std::numeric_limits<double>::infinity(); }
    // Headless runs only: lets work the app runs beside the screen (an export to a drive) end,
    // so that a replay's next step sees its outcome, as a visitor who waited would.
    virtual void finish_background_work() {}
    // Waits in real time up to `seconds` for everything queued to reach its destination.
    virtual bool wait_until_synced(double /*seconds*/) { return true; }
    virtual bool quit_requested() const { return false; }
    // Scrolls so that a target laid out out of view becomes visible (a visitor would drag).
    virtual void reveal(std::string_view /*target_id*/) {}
};

}  // namespace ui::platform
