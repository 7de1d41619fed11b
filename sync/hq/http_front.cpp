// The HTTP front on libmicrohttpd; see http_front.h. libmicrohttpd gives the event loop, the
// per-address and total connection limits, the header memory cap and TLS; what it lacks —
// absolute deadlines (its own timeout restarts with every byte, which a slow-loris client
// exploits), the body cap, the refusal of chunked bodies and the body budget — is here.
#include "sync/hq/http_front.h"

#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "sync/hq/log_text.h"

namespace kiosk_sync::hq {

namespace {

using Clock = std::chrono::steady_clock;

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

struct DaemonStop {
    void operator()(MHD_Daemon* daemon) const { MHD_stop_daemon(daemon); }
};
struct ResponseFree {
    void operator()(MHD_Response* response) const { MHD_destroy_response(response); }
};

// The listening socket until libmicrohttpd takes it over.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_ = -1;
};

struct AddrInfoFree {
    void operator()(addrinfo* info) const { freeaddrinfo(info); }
};

std::expected<std::pair<Fd, int>, std::string> listen_on(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    std::string where = host + ":" + std::to_string(port);
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr)
        return std::unexpected("cannot resolve " + where);
    std::unique_ptr<addrinfo, AddrInfoFree> info(found);
    Fd fd(::socket(info->ai_family, info->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, info->ai_protocol));
    int on = 1;
    if (fd.get() < 0 || ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        ::bind(fd.get(), info->ai_addr, info->ai_addrlen) != 0 || ::listen(fd.get(), 256) != 0)
        return std::unexpected("cannot listen on " + where);
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&bound), &length);
    int real_port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                                : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    return std::pair<Fd, int>(std::move(fd), real_port);
}

std::string address_text(const sockaddr* address) {
    char host[NI_MAXHOST] = "?";
    if (address != nullptr) {
        socklen_t length = address->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
        getnameinfo(address, length, host, sizeof host, nullptr, 0, NI_NUMERICHOST);
    }
    return host;
}

}  // namespace

// --- HttpRequest ------------------------------------------------------------------------

std::string_view HttpRequest::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (same_name(key, name)) return value;
    return {};
}

std::string_view HttpRequest::path() const {
    std::string_view t = target;
    return t.substr(0, t.find('?'));
}

std::optional<std::string_view> HttpRequest::query_param(std::string_view name) const {
    std::string_view t = target;
    auto mark = t.find('?');
    if (mark == std::string_view::npos) return std::nullopt;
    std::string_view query = t.substr(mark + 1);
    while (!query.empty()) {
        auto amp = query.find('&');
        auto pair = query.substr(0, amp);
        auto eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

// --- Deadlines --------------------------------------------------------------------------

// Each open connection's deadline for its current phase; a reaper thread shuts the socket of
// one that passed it, and libmicrohttpd, seeing the socket end, closes the connection itself.
// libmicrohttpd reports a connection closed (under the same lock) before it closes the
// descriptor, so a descriptor here is never one reused by a newer connection.
class Deadlines {
public:
    void open(MHD_Connection* connection, int fd, Clock::time_point deadline) {
        std::lock_guard lock(mutex_);
        entries_[connection] = {fd, deadline};
    }
    void extend(MHD_Connection* connection, Clock::time_point deadline) {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(connection); it != entries_.end()) it->second.deadline = deadline;
    }
    void close(MHD_Connection* connection) {
        std::lock_guard lock(mutex_);
        entries_.erase(connection);
    }
    void start() {
        stopping_ = false;
        reaper_ = std::thread([this] { reap(); });
    }
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (reaper_.joinable()) reaper_.join();
    }

private:
    struct Entry {
        int fd = -1;
        Clock::time_point deadline;
    };

    void reap() {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            wake_.wait_for(lock, std::chrono::milliseconds(250));
            auto now = Clock::now();
            for (auto& [connection, entry] : entries_) {
                if (entry.deadline > now) continue;
                ::shutdown(entry.fd, SHUT_RDWR);
                entry.deadline = Clock::time_point::max();  // once is enough
            }
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::map<MHD_Connection*, Entry> entries_;
    bool stopping_ = false;
    std::thread reaper_;
};

// --- the front ----------------------------------------------------------------------------

// One request from its request line to its reply.
struct Exchange {
    HttpRequest request;
    bool headers_seen = false;
    std::size_t expected_body = 0;
    std::size_t reserved = 0;  // of the body budget
};

struct HttpFront::Impl {
    FrontOptions options;
    Handler handler;
    HeadCheck head_check;
    Refusal refusal;
    Fd listener;
    std::unique_ptr<MHD_Daemon, DaemonStop> daemon;
    Deadlines deadlines;
    std::atomic<std::size_t> buffered{0};  // body bytes reserved by requests in flight

    Clock::time_point after(std::chrono::seconds delay) const { return Clock::now() + delay; }

    static MHD_Result queue(MHD_Connection* connection, const HttpReply& reply) {
        std::unique_ptr<MHD_Response, ResponseFree> response(MHD_create_response_from_buffer(
            reply.body.size(), const_cast<char*>(reply.body.data()), MHD_RESPMEM_MUST_COPY));
        if (!response) return MHD_NO;
        if (!reply.body.empty()) MHD_add_response_header(response.get(), "Content-Type", reply.content_type.c_str());
        for (const auto& [name, value] : reply.headers)
            MHD_add_response_header(response.get(), name.c_str(), value.c_str());
        return MHD_queue_response(connection, static_cast<unsigned>(reply.status), response.get());
    }

    static MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value) {
        static_cast<HttpRequest*>(cls)->headers.emplace_back(key, value != nullptr ? value : "");
        return MHD_YES;
    }

    // Headers are complete and no body byte is read yet: decide whether the body may come.
    MHD_Result begin(MHD_Connection* connection, Exchange& exchange, const char* method) {
        exchange.headers_seen = true;
        auto& request = exchange.request;
        request.method = method;
        MHD_get_connection_values(connection, MHD_HEADER_KIND, collect_header, &request);
        const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        request.peer = address_text(info != nullptr ? info->client_addr : nullptr);
        deadlines.extend(connection, after(options.limits.body_timeout));

        if (!request.header("Transfer-Encoding").empty()) return queue(connection, refusal(411));
        std::size_t length = 0;
        if (auto text = request.header("Content-Length"); !text.empty()) {
            // libmicrohttpd has already refused a Content-Length that is not a number.
            if (text.size() > 15) return queue(connection, refusal(413));
            length = std::stoull(std::string(text));
        }
        if (length > options.limits.max_body_bytes) return queue(connection, refusal(413));
        if (head_check)
            if (auto refused = head_check(request)) return queue(connection, *refused);
        if (length > 0) {
            auto before = buffered.fetch_add(length);
            if (before + length > options.limits.body_budget_bytes) {
                buffered.fetch_sub(length);
                return queue(connection, refusal(503));
            }
            exchange.reserved = length;
            request.body.reserve(length);
        }
        exchange.expected_body = length;
        return MHD_YES;
    }

    MHD_Result on_access(MHD_Connection* connection, const char* method, const char* data, std::size_t* size,
                         void** context) {
        auto* exchange = static_cast<Exchange*>(*context);
        if (exchange == nullptr) return MHD_NO;
        if (!exchange->headers_seen) return begin(connection, *exchange, method);
        if (*size > 0) {
            // Never more than was announced, whatever the parser lets through.
            if (exchange->request.body.size() + *size > exchange->expected_body) return MHD_NO;
            exchange->request.body.append(data, *size);
            *size = 0;
            return MHD_YES;
        }
        deadlines.extend(connection, after(options.limits.reply_timeout));
        return queue(connection, handler(exchange->request));
    }

    void on_completed(MHD_Connection* connection, void** context) {
        auto* exchange = static_cast<Exchange*>(*context);
        *context = nullptr;
        // Owned by libmicrohttpd's context slot since the request line; ours again now.
        std::unique_ptr<Exchange> owned(exchange);
        if (owned) buffered.fetch_sub(owned->reserved);
        deadlines.extend(connection, after(options.limits.idle_timeout));
    }

    void on_connection(MHD_Connection* connection, MHD_ConnectionNotificationCode code) {
        if (code == MHD_CONNECTION_NOTIFY_CLOSED) return deadlines.close(connection);
        const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info != nullptr) deadlines.open(connection, info->connect_fd, after(options.limits.header_timeout));
    }

    // libmicrohttpd's C callbacks, each handing over to the front it was registered with.
    static void* request_line_cb(void*, const char* uri, MHD_Connection*) {
        auto exchange = std::make_unique<Exchange>();
        exchange->request.target = uri != nullptr ? uri : "";
        return exchange.release();  // back in a unique_ptr in on_completed
    }
    static MHD_Result access_cb(void* cls, MHD_Connection* connection, const char*, const char* method, const char*,
                                const char* data, std::size_t* size, void** context) {
        return static_cast<Impl*>(cls)->on_access(connection, method, data, size, context);
    }
    static void completed_cb(void* cls, MHD_Connection* connection, void** context, MHD_RequestTerminationCode) {
        static_cast<Impl*>(cls)->on_completed(connection, context);
    }
    static void connection_cb(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode code) {
        static_cast<Impl*>(cls)->on_connection(connection, code);
    }

    std::expected<void, std::string> start();
};

namespace {

void on_library_message(void*, const char* format, va_list args) {
    char text[512];
    std::vsnprintf(text, sizeof text, format, args);
    std::fprintf(stderr, "kiosk-hq: http: %s\n", printable(text).c_str());
}

}  // namespace

std::expected<void, std::string> HttpFront::Impl::start() {
    if (listener.get() < 0) return std::unexpected("the front is not bound");
    const auto& limits = options.limits;
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (options.tls) flags |= MHD_USE_TLS;
    std::vector<MHD_OptionItem> items{
        {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&on_library_message), nullptr},
        {MHD_OPTION_LISTEN_SOCKET, listener.get(), nullptr},
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(limits.threads), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(limits.max_connections), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(limits.per_address_connections), nullptr},
        // Headers must fit in the connection's memory, which also holds the reply's headers.
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(2 * limits.max_header_bytes), nullptr},
        // A backstop for inactivity; the absolute deadlines are the Deadlines reaper's.
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(limits.body_timeout.count()), nullptr},
        {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(&Impl::request_line_cb), this},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&Impl::completed_cb), this},
        {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&Impl::connection_cb), this},
    };
    if (options.tls) {
        items.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, const_cast<char*>(options.tls->certificate_pem.c_str())});
        items.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(options.tls->key_pem.c_str())});
    }
    items.push_back({MHD_OPTION_END, 0, nullptr});
    deadlines.start();
    daemon.reset(MHD_start_daemon(flags, 0, nullptr, nullptr, &Impl::access_cb, this, MHD_OPTION_ARRAY, items.data(),
                                  MHD_OPTION_END));
    if (!daemon) {
        deadlines.stop();
        return std::unexpected(options.tls ? "cannot start the HTTPS listener (is the certificate or key broken?)"
                                           : "cannot start the HTTP listener");
    }
    listener.release();  // libmicrohttpd closes it when the daemon stops
    return {};
}

HttpFront::HttpFront(FrontOptions options, Handler handler, HeadCheck head_check, Refusal refusal)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->handler = std::move(handler);
    impl_->head_check = std::move(head_check);
    impl_->refusal = std::move(refusal);
}

HttpFront::~HttpFront() { stop(); }

std::expected<int, std::string> HttpFront::bind() {
    auto bound = listen_on(impl_->options.host, impl_->options.port);
    if (!bound) return std::unexpected(bound.error());
    impl_->listener = std::move(bound->first);
    return bound->second;
}

std::expected<void, std::string> HttpFront::start() { return impl_->start(); }

void HttpFront::stop() {
    if (!impl_->daemon) return;
    impl_->daemon.reset();  // joins libmicrohttpd's threads; no callback runs after this
    impl_->deadlines.stop();
}

}  // namespace kiosk_sync::hq
