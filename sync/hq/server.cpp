// The HQ HTTP server on cpp-httplib; see server.h.
#include "sync/hq/server.h"

#include <chrono>
#include <cstdio>

#include <httplib.h>

#include "sync/hq/auth.h"
#include "sync/hq/ingest.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

namespace code = protocol::error_code;
constexpr const char* kJson = "application/json";

std::int64_t system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Decimal digits only; anything else in ?since= is a malformed request.
std::optional<std::int64_t> parse_cursor(const std::string& text) {
    if (text.empty()) return 0;
    return protocol::parse_timestamp(text);
}

}  // namespace

struct HqServer::Impl {
    Store& store;
    ServeOptions options;
    httplib::Server http;

    Impl(Store& s, ServeOptions o) : store(s), options(std::move(o)) {}

    std::int64_t now() const { return options.now_ms ? options.now_ms() : system_now_ms(); }

    // Every reply goes through here; a known secret signs it for the request's nonce.
    static void reply(httplib::Response& res, int status, std::string body,
                      const std::optional<protocol::Secret>& secret, std::string_view nonce) {
        res.status = status;
        if (secret) res.set_header(protocol::kHeaderSignature, protocol::sign_reply(*secret, nonce, status, body));
        if (!body.empty()) res.set_content(std::move(body), kJson);
    }

    void refuse(httplib::Response& res, int status, std::string error, std::string reason,
                const std::optional<protocol::Secret>& secret, std::string_view nonce) const {
        reply(res, status, protocol::serialize(protocol::ErrorReply{std::move(error), std::move(reason), now()}),
              secret, nonce);
    }

    std::optional<Authenticated> authenticate_or_refuse(const httplib::Request& req, httplib::Response& res) {
        SignedRequest signed_request{req.method,
                                     req.target,
                                     req.body,
                                     req.get_header_value(protocol::kHeaderKiosk),
                                     req.get_header_value(protocol::kHeaderTimestamp),
                                     req.get_header_value(protocol::kHeaderNonce),
                                     req.get_header_value(protocol::kHeaderSignature)};
        auto auth = authenticate(store, signed_request, now());
        if (auth) return std::move(*auth);
        refuse(res, auth.error().status, auth.error().code, auth.error().reason, auth.error().reply_secret,
               signed_request.nonce);
        return std::nullopt;
    }

    void submissions(const httplib::Request& req, httplib::Response& res) {
        auto auth = authenticate_or_refuse(req, res);
        if (!auth) return;
        auto batch = protocol::parse_submission_batch(req.body);
        if (!batch) return refuse(res, 400, code::kMalformed, batch.error(), auth->secret, auth->nonce);
        if (batch->kiosk != auth->kiosk)
            return refuse(res, 400, code::kMalformed, "batch kiosk is not the signing kiosk", auth->secret,
                          auth->nonce);
        auto verdicts = ingest_items(store, auth->kiosk, batch->items, "sync", now());
        if (!verdicts) {
            std::fprintf(stderr, "kiosk-hq: storing a batch failed: %s\n", verdicts.error().c_str());
            return refuse(res, 500, code::kInternal, "HQ could not store the batch", auth->secret, auth->nonce);
        }
        reply(res, 200, protocol::serialize(protocol::BatchReply{std::move(*verdicts)}), auth->secret, auth->nonce);
    }

    void statuses(const httplib::Request& req, httplib::Response& res) {
        auto auth = authenticate_or_refuse(req, res);
        if (!auth) return;
        auto cursor = parse_cursor(req.get_param_value("since"));
        if (!cursor) return refuse(res, 400, code::kMalformed, "since is not a cursor", auth->secret, auth->nonce);
        auto page = store.statuses_since(auth->kiosk, *cursor, protocol::kMaxStatusPage);
        if (!page) return refuse(res, 500, code::kInternal, page.error(), auth->secret, auth->nonce);
        reply(res, 200, protocol::serialize(*page), auth->secret, auth->nonce);
    }

    void content(const httplib::Request& req, httplib::Response& res) {
        auto auth = authenticate_or_refuse(req, res);
        if (!auth) return;
        if (options.content_file.empty() || !std::filesystem::exists(options.content_file))
            return refuse(res, 404, code::kNotFound, "HQ has no content document", auth->secret, auth->nonce);
        auto text = protocol::read_file(options.content_file, 16u << 20);
        if (!text || !protocol::parse_json(*text, 64)) {
            // Serving a broken document would break every kiosk that trusts it.
            std::fprintf(stderr, "kiosk-hq: content.json is unreadable or not JSON\n");
            return refuse(res, 500, code::kInternal, "content document is broken", auth->secret, auth->nonce);
        }
        std::string etag = "\"" + protocol::sha256_hex(*text).substr(0, 32) + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) return reply(res, 304, {}, auth->secret, auth->nonce);
        reply(res, 200, std::move(*text), auth->secret, auth->nonce);
    }

    void install_routes() {
        http.set_payload_max_length(options.max_body_bytes);
        // Headers and body go out in separate writes; with Nagle on, a delayed ACK stalls each reply.
        http.set_tcp_nodelay(true);
        http.set_keep_alive_max_count(1000);
        // Short, so a SIGTERM waits at most this long for idle kiosk connections to close.
        http.set_keep_alive_timeout(2);
        http.set_read_timeout(30);
        http.set_write_timeout(30);
        http.Post(protocol::kPathSubmissions, [this](const auto& req, auto& res) { submissions(req, res); });
        http.Get(protocol::kPathStatuses, [this](const auto& req, auto& res) { statuses(req, res); });
        http.Get(protocol::kPathContent, [this](const auto& req, auto& res) { content(req, res); });
        // Errors httplib raises itself (unknown path, 413) get the same JSON shape as ours.
        http.set_error_handler(
            httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& res) {
                if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                protocol::ErrorReply error{code::kMalformed, "request refused", now()};
                if (res.status == 413) error = {code::kTooLarge, "request body is larger than HQ accepts", now()};
                if (res.status == 404) error = {code::kNotFound, "no such endpoint", now()};
                res.set_content(protocol::serialize(error), kJson);
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            if (res.status >= 400)
                std::fprintf(stderr, "kiosk-hq: %s %s -> %d %s\n", req.method.c_str(), req.path.c_str(), res.status,
                             res.body.substr(0, 200).c_str());
        });
    }
};

HqServer::HqServer(Store& store, ServeOptions options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
    impl_->install_routes();
}

HqServer::~HqServer() = default;

std::expected<int, std::string> HqServer::bind() {
    if (impl_->options.port == 0) {
        int port = impl_->http.bind_to_any_port(impl_->options.host);
        if (port <= 0) return std::unexpected("cannot listen on " + impl_->options.host);
        return port;
    }
    if (!impl_->http.bind_to_port(impl_->options.host, impl_->options.port))
        return std::unexpected("cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port));
    return impl_->options.port;
}

bool HqServer::run() { return impl_->http.listen_after_bind(); }

void HqServer::stop() { impl_->http.stop(); }

}  // namespace kiosk_sync::hq
