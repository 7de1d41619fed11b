// ui/platform/host.h — the window, the renderer, time and the event-driven main loop.
//
// On a display: full screen (or a window), SDL's accelerated renderer where there is one,
// and a loop that sleeps in SDL_WaitEventTimeout until input or the app's next wake-up.
// Headless: an off-screen software renderer of a fixed size and virtual time, driven step by
// step (ui/platform/replay.h) so the same replay gives the same pixels on every run.
// Touch and mouse both become one pointer; the app never sees the difference.
#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <string>

#include "ui/platform/app.h"
#include "ui/platform/clock.h"
#include "ui/text/text.h"

namespace ui::platform {

struct HostOptions {
    bool headless = false;
    bool windowed = false;
    int width = 1280;  // window size when windowed, canvas size when headless
    int height = 800;
    std::string title = "Kiosk";
    // The program's clock (clock.h). Empty: the host makes one, virtual when headless, its
    // wall clock starting at headless_wall_start_ms.
    std::shared_ptr<Clock> clock;
    std::int64_t headless_wall_start_ms = 0;
};

struct HostStats {
    std::uint64_t frames = 0;
    double first_frame_ms = 0.0;  // from Host::create to the end of the first frame, real time
};

class Host {
public:
    static std::expected<std::unique_ptr<Host>, std::string> create(const HostOptions& options);
    virtual ~Host() = default;

    // The texture sink the text engine draws its atlas through.
    virtual ui::text::TextureSink& texture_sink() = 0;

    // Interactive loop on a display; returns when the app asks to quit or the window closes.
    // run_for_ms > 0 ends the loop after that much real time (measurements).
    virtual void run(App& app, double run_for_ms = 0.0) = 0;

    // Headless stepping, used by the replay driver.
    virtual void set_pointer(float x, float y, bool down) = 0;
    virtual void push_text(const std::string& utf8) = 0;
    virtual void push_key(Key key) = 0;
    // Draws frames until the app stops asking for more (bounded).
    virtual void settle(App& app) = 0;
    // Advances virtual time by ms, drawing a frame at every wake-up the app names on the way.
    virtual void advance(App& app, double ms) = 0;
    virtual std::expected<void, std::string> screenshot(const std::string& png_path) = 0;

    virtual const Targets& targets() const = 0;
    // What the last completed frame showed (frame_record.h).
    virtual const FrameRecord& record() const = 0;
    virtual const HostStats& stats() const = 0;
    virtual double now_ms() const = 0;
};

}  // namespace ui::platform
