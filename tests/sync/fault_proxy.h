// tests/sync/fault_proxy.h — a TCP proxy on 127.0.0.1 between the sync client and kiosk-hq
// that misbehaves on purpose, one fault per connection, chosen by a plan: refuse at once,
// hold the request, cut the request mid-body, let HQ process the request but lose its reply,
// cut the reply mid-way, flip a byte of the request body, or answer with a forged "accepted"
// that HQ never said. It understands just enough HTTP to find a body. Test code only.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk_sync::testkit {

enum class Fault {
    pass,
    drop,           // close (RST) as soon as the client connects
    delay,          // hold everything from the client for delay_ms first
    slow,           // delay each chunk from the client by delay_ms
    reset_request,  // forward half of the first request, then RST both sides
    lose_reply,     // forward the request; swallow HQ's reply and RST the client
    reset_reply,    // forward part of HQ's reply, then RST the client
    tamper,         // flip one byte of the first request body
    forge_reply,    // swallow HQ's reply; answer 200 "accepted" for every record, unsigned
};

class FaultProxy {
public:
    using Plan = std::function<Fault(int connection_index)>;
    FaultProxy(int upstream_port, Plan plan, std::chrono::milliseconds delay = std::chrono::milliseconds(300));
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void set_upstream(int port) { upstream_port_ = port; }
    void set_plan(Plan plan);
    int connections() const { return connections_; }
    int faults() const { return faults_; }

private:
    void accept_loop();
    void serve(int client, Fault fault);
    Fault next_fault();

    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<int> upstream_port_;
    std::chrono::milliseconds delay_;
    std::mutex mutex_;
    Plan plan_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
    std::atomic<int> faults_{0};
    std::thread acceptor_;
    std::vector<std::thread> workers_;
};

}  // namespace kiosk_sync::testkit
