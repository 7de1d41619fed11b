// The kiosk API over the HTTP front; see server.h.
#include "sync/hq/server.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "sync/hq/auth.h"
#include "sync/hq/ingest.h"
#include "sync/hq/log_text.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

namespace code = protocol::error_code;

std::int64_t system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Decimal digits only; anything else in ?since= is a malformed request.
std::optional<std::int64_t> parse_cursor(std::optional<std::string_view> text) {
    if (!text || text->empty()) return 0;
    return protocol::parse_timestamp(*text);
}

bool is_route(const HttpRequest& request) {
    auto path = request.path();
    return (request.method == "POST" && path == protocol::kPathSubmissions) ||
           (request.method == "GET" && (path == protocol::kPathStatuses || path == protocol::kPathContent));
}

}  // namespace

struct HqServer::Impl {
    Store& store;
    ServeOptions options;
    std::unique_ptr<HttpFront> front;
    std::mutex mutex;
    std::condition_variable stopped;
    bool stopping = false;

    Impl(Store& s, ServeOptions o) : store(s), options(std::move(o)) {}

    std::int64_t now() const { return options.now_ms ? options.now_ms() : system_now_ms(); }

    // Every reply goes through here; a known secret signs it for the request's nonce.
    static HttpReply reply(int status, std::string body, const std::optional<protocol::Secret>& secret,
                           std::string_view nonce) {
        HttpReply out{status, std::move(body), "application/json", {}};
        if (secret)
            out.headers.emplace_back(protocol::kHeaderSignature,
                                     protocol::sign_reply(*secret, nonce, status, out.body));
        return out;
    }

    HttpReply refuse(int status, std::string error, std::string reason, const std::optional<protocol::Secret>& secret,
                     std::string_view nonce) const {
        return reply(status, protocol::serialize(protocol::ErrorReply{std::move(error), std::move(reason), now()}),
                     secret, nonce);
    }

    std::expected<Authenticated, HttpReply> authenticate_or_refuse(const HttpRequest& req) {
        SignedRequest signed_request{req.method,
                                     req.target,
                                     req.body,
                                     std::string(req.header(protocol::kHeaderKiosk)),
                                     std::string(req.header(protocol::kHeaderTimestamp)),
                                     std::string(req.header(protocol::kHeaderNonce)),
                                     std::string(req.header(protocol::kHeaderSignature))};
        auto auth = authenticate(store, signed_request, now());
        if (auth) return std::move(*auth);
        return std::unexpected(refuse(auth.error().status, auth.error().code, auth.error().reason,
                                      auth.error().reply_secret, signed_request.nonce));
    }

    HttpReply submissions(const HttpRequest& req) {
        auto auth = authenticate_or_refuse(req);
        if (!auth) return auth.error();
        auto batch = protocol::parse_submission_batch(req.body);
        if (!batch) return refuse(400, code::kMalformed, batch.error(), auth->secret, auth->nonce);
        if (batch->kiosk != auth->kiosk)
            return refuse(400, code::kMalformed, "batch kiosk is not the signing kiosk", auth->secret, auth->nonce);
        auto verdicts = ingest_items(store, auth->kiosk, batch->items, "sync", now());
        if (!verdicts) {
            std::fprintf(stderr, "kiosk-hq: storing a batch failed: %s\n", printable(verdicts.error()).c_str());
            return refuse(500, code::kInternal, "HQ could not store the batch", auth->secret, auth->nonce);
        }
        return reply(200, protocol::serialize(protocol::BatchReply{std::move(*verdicts)}), auth->secret, auth->nonce);
    }

    HttpReply statuses(const HttpRequest& req) {
        auto auth = authenticate_or_refuse(req);
        if (!auth) return auth.error();
        auto cursor = parse_cursor(req.query_param("since"));
        if (!cursor) return refuse(400, code::kMalformed, "since is not a cursor", auth->secret, auth->nonce);
        auto page = store.statuses_since(auth->kiosk, *cursor, protocol::kMaxStatusPage);
        if (!page) return refuse(500, code::kInternal, page.error(), auth->secret, auth->nonce);
        return reply(200, protocol::serialize(*page), auth->secret, auth->nonce);
    }

    HttpReply content(const HttpRequest& req) {
        auto auth = authenticate_or_refuse(req);
        if (!auth) return auth.error();
        if (options.content_file.empty() || !std::filesystem::exists(options.content_file))
            return refuse(404, code::kNotFound, "HQ has no content document", auth->secret, auth->nonce);
        auto text = protocol::read_file(options.content_file, 16u << 20);
        if (!text || !protocol::parse_json(*text, 64)) {
            // Serving a broken document would break every kiosk that trusts it.
            std::fprintf(stderr, "kiosk-hq: content.json is unreadable or not JSON\n");
            return refuse(500, code::kInternal, "content document is broken", auth->secret, auth->nonce);
        }
        std::string etag = "\"" + protocol::sha256_hex(*text).substr(0, 32) + "\"";
        auto out = req.header("If-None-Match") == etag ? reply(304, {}, auth->secret, auth->nonce)
                                                       : reply(200, std::move(*text), auth->secret, auth->nonce);
        out.headers.emplace_back("ETag", etag);
        return out;
    }

    HttpReply route(const HttpRequest& req) {
        auto path = req.path();
        if (path == protocol::kPathSubmissions) return submissions(req);
        if (path == protocol::kPathStatuses) return statuses(req);
        return content(req);
    }

    // Refusals that need no body: unknown endpoints and unsigned requests.
    std::optional<HttpReply> check_head(const HttpRequest& req) const {
        if (!is_route(req)) return refuse(404, code::kNotFound, "no such endpoint", std::nullopt, {});
        for (const char* name :
             {protocol::kHeaderKiosk, protocol::kHeaderTimestamp, protocol::kHeaderNonce, protocol::kHeaderSignature})
            if (req.header(name).empty())
                return refuse(401, code::kMissingAuth, "request is not signed", std::nullopt, {});
        return std::nullopt;
    }

    HttpReply refusal(int status) const {
        if (status == 413)
            return refuse(413, code::kTooLarge, "request body is larger than HQ accepts", std::nullopt, {});
        if (status == 411)
            return refuse(411, code::kMalformed, "HQ accepts bodies with a Content-Length only", std::nullopt, {});
        auto busy = refuse(status, code::kInternal, "HQ is busy; try again shortly", std::nullopt, {});
        busy.headers.emplace_back("Retry-After", "5");
        return busy;
    }

    static void log(const HttpRequest& req, const HttpReply& out) {
        if (out.status < 400) return;
        std::fprintf(stderr, "kiosk-hq: %s %s %s -> %d %s\n", printable(req.peer, 64).c_str(),
                     printable(req.method, 16).c_str(), printable(req.path()).c_str(), out.status,
                     printable(out.body).c_str());
    }

    void make_front() {
        FrontOptions front_options{options.host, options.port, options.limits, options.tls};
        front_options.limits.max_body_bytes = options.max_body_bytes;
        front = std::make_unique<HttpFront>(
            std::move(front_options),
            [this](const HttpRequest& req) {
                auto out = route(req);
                log(req, out);
                return out;
            },
            [this](const HttpRequest& req) {
                auto out = check_head(req);
                if (out) log(req, *out);
                return out;
            },
            [this](int status) { return refusal(status); });
    }
};

HqServer::HqServer(Store& store, ServeOptions options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
    impl_->make_front();
}

HqServer::~HqServer() = default;

std::expected<int, std::string> HqServer::bind() { return impl_->front->bind(); }

bool HqServer::run() {
    if (auto started = impl_->front->start(); !started) {
        std::fprintf(stderr, "kiosk-hq: %s\n", started.error().c_str());
        return false;
    }
    std::unique_lock lock(impl_->mutex);
    impl_->stopped.wait(lock, [this] { return impl_->stopping; });
    lock.unlock();
    impl_->front->stop();
    return true;
}

void HqServer::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->stopped.notify_all();
}

}  // namespace kiosk_sync::hq
