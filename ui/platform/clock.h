// ui/platform/clock.h — the one clock of a running program: monotonic milliseconds for
// timers and animations, and the wall clock for what is stamped (records, signatures).
// Made first, at the root (main), and handed to the host, the store and the sync client, so
// that all of them agree on what time it is. Headless runs use a virtual clock that only the
// replay driver moves (Host::advance), which is why a replay gives the same pixels and the
// same references on every run.
#pragma once

#include <cstdint>
#include <memory>

namespace ui::platform {

class Clock {
public:
    virtual ~Clock() = default;
    // Milliseconds since the clock was made; never goes back.
    virtual double now_ms() const = 0;
    // Unix time in milliseconds.
    virtual std::int64_t wall_ms() const = 0;
    // Moves virtual time forward to `ms` (never back); a real clock is moved by the world.
    virtual void advance_to(double ms) = 0;
    virtual bool is_virtual() const = 0;
};

std::shared_ptr<Clock> make_system_clock();
// Starts at 0 ms, with the wall clock reading `wall_start_ms` then.
std::shared_ptr<Clock> make_virtual_clock(std::int64_t wall_start_ms);

}  // namespace ui::platform
