// tests/sync/attack.h — misbehaving clients for the HQ attack tests: raw sockets from chosen
// loopback addresses (so one attacker address can be told apart from an honest kiosk on
// 127.0.0.1), floods with a deadline, and the peak memory of a process. Every call here is
// bounded in bytes and time. Not here: what the server should do about them (hq_attack_test).
#pragma once

#include <sys/types.h>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk_sync::testkit {

// A connected TCP socket, closed when the object goes away.
class Socket {
public:
    Socket() = default;
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket();
    Socket(Socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Socket& operator=(Socket&& other) noexcept;
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    bool valid() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    // Sends all of bytes unless the peer closes or it stalls past timeout; false then.
    bool send_all(std::string_view bytes, std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
    // True once the peer has closed (or reset) the connection; waits at most timeout.
    bool closed_by_peer(std::chrono::milliseconds timeout);
    // Whatever the peer sent until it closed or timeout passed (at most max_bytes).
    std::string read_reply(std::chrono::milliseconds timeout, std::size_t max_bytes = 64 * 1024);

private:
    int fd_ = -1;
};

// Connects to 127.0.0.1:port from source_ip (any 127.x.y.z address works on Linux loopback).
Socket connect_from(const std::string& source_ip, int port);

struct FloodResult {
    std::size_t sent = 0;  // bytes the server took before it refused or the budget ran out
    std::string reply;     // what the server answered, if anything
};

// Sends prefix, then filler (repeated) up to total bytes, until the server stops reading,
// closes, or the deadline passes.
FloodResult flood(Socket& socket, std::string_view prefix, std::string_view filler, std::size_t total,
                  std::chrono::milliseconds deadline);

// The process's peak resident set (VmHWM) in KiB, 0 when unreadable.
std::size_t peak_rss_kib(pid_t pid);

}  // namespace kiosk_sync::testkit
