// The system and virtual clocks; see clock.h.
#include "ui/platform/clock.h"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace ui::platform {
namespace {

class SystemClock final : public Clock {
public:
    double now_ms() const override {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    }
    std::int64_t wall_ms() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    void advance_to(double) override {}
    bool is_virtual() const override { return false; }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Read from the sync and export threads while the UI thread moves it: atomic.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(std::int64_t wall_start_ms) : wall_start_ms_(wall_start_ms) {}
    double now_ms() const override { return now_.load(); }
    std::int64_t wall_ms() const override { return wall_start_ms_ + static_cast<std::int64_t>(now_.load()); }
    void advance_to(double ms) override { now_.store(std::max(now_.load(), ms)); }
    bool is_virtual() const override { return true; }

private:
    std::int64_t wall_start_ms_;
    std::atomic<double> now_{0.0};
};

}  // namespace

std::shared_ptr<Clock> make_system_clock() { return std::make_shared<SystemClock>(); }

std::shared_ptr<Clock> make_virtual_clock(std::int64_t wall_start_ms) {
    return std::make_shared<VirtualClock>(wall_start_ms);
}

}  // namespace ui::platform
