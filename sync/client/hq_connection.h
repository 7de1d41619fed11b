// sync/client/hq_connection.h — the kiosk's side of each exchange with HQ: sign the request,
// send it, trust the reply only when HQ's signature over it (bound to our nonce) verifies,
// and turn every other outcome into a Failure saying whether and when to try again.
// A signed "stale timestamp" refusal carries HQ's clock; we adopt the offset and retry once,
// so a kiosk with a wrong clock still delivers. Not here: the outbox or the retry loop.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>

#include "sync/client/http.h"
#include "sync/client/sync_state.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"

namespace kiosk_sync::client {

struct Failure {
    SyncError error = SyncError::offline;
    bool retry_soon = true;  // on the backoff schedule; false: only after the longest pause
    bool too_large = false;  // 413: the batch must shrink
    bool reached_hq = false;
    std::optional<std::chrono::milliseconds> retry_after;
    std::string detail;
};

template <typename T>
using Result = std::expected<T, Failure>;

struct HqEndpoint {
    std::string base_url;  // "http://127.0.0.1:8787", no trailing slash
    std::string kiosk;
    protocol::Secret secret{};
    std::function<std::chrono::system_clock::time_point()> clock;  // the kiosk's clock
};

struct Content {
    std::string etag;
    std::string body;
};

class HqConnection {
public:
    HqConnection(HqEndpoint endpoint, HttpOptions http);

    Result<protocol::BatchReply> upload(std::string_view body);
    Result<protocol::StatusPage> statuses(const std::optional<std::string>& cursor);
    // Nothing when HQ's content is unchanged (304) or HQ has none (404).
    Result<std::optional<Content>> content(const std::optional<std::string>& etag);

    std::chrono::milliseconds clock_offset() const { return offset_; }

private:
    Result<HttpResponse> exchange(std::string_view method, const std::string& target, std::string_view body,
                                  const HttpClient::Headers& extra);
    Result<HttpResponse> judge(const HttpResponse& response, const std::string& nonce, bool& retry_with_offset);

    HqEndpoint endpoint_;
    std::string path_prefix_;  // a path in base_url, which is part of what is signed
    HttpClient http_;
    std::chrono::milliseconds offset_{0};
};

}  // namespace kiosk_sync::client
