// Backoff with full jitter and Retry-After parsing; see backoff.h.
#include "sync/client/backoff.h"

#include <algorithm>
#include <string>

#include <curl/curl.h>

namespace kiosk_sync::client {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap, std::uint64_t seed)
    : initial_(std::max(initial, std::chrono::milliseconds(1))), cap_(std::max(cap, initial_)), random_(seed) {}

std::chrono::milliseconds Backoff::next(std::optional<std::chrono::milliseconds> retry_after) {
    // Doubling stops once it passes the cap, so the shift never overflows.
    std::int64_t ceiling = initial_.count();
    for (unsigned i = 0; i < attempt_ && ceiling < cap_.count(); ++i) ceiling *= 2;
    ceiling = std::min(ceiling, cap_.count());
    ++attempt_;
    std::uniform_int_distribution<std::int64_t> draw(0, ceiling);
    std::chrono::milliseconds delay(draw(random_));
    if (retry_after) delay = std::max(delay, *retry_after);
    return delay;
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
    if (value.empty()) return std::nullopt;
    if (value.find_first_not_of("0123456789") == std::string_view::npos) {
        if (value.size() > 9) return std::chrono::hours(24 * 365);  // absurd, but "a long time"
        return std::chrono::seconds(std::stol(std::string(value)));
    }
    std::string text(value);
    time_t when = curl_getdate(text.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    auto at = std::chrono::system_clock::from_time_t(when);
    if (at <= now) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
}

}  // namespace kiosk_sync::client
