// sync/client/backoff.h — how long to wait before trying HQ again: exponential backoff with
// full jitter (a uniform draw between zero and min(cap, initial·2^attempt)), so a fleet of
// kiosks coming back online together does not arrive in step; never shorter than a server's
// Retry-After. Not here: deciding whether to retry at all (client.cpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

namespace kiosk_sync::client {

class Backoff {
public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap, std::uint64_t seed);

    std::chrono::milliseconds next(std::optional<std::chrono::milliseconds> retry_after = std::nullopt);
    void reset() { attempt_ = 0; }
    unsigned attempt() const { return attempt_; }

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds cap_;
    unsigned attempt_ = 0;
    std::mt19937_64 random_;
};

// Retry-After as seconds ("120") or an HTTP date; nothing when absent or unreadable.
// Dates in the past give zero.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace kiosk_sync::client
