// tests/sync/process.h — running real processes from tests: a `kiosk-hq serve` we can wait
// for, SIGKILL and restart; one-shot CLI runs with their output; any child (the client child)
// we can kill. Every wait here has a deadline. Not here: what the processes do.
#pragma once

#include <sys/types.h>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk_sync::testkit {

struct RunResult {
    int exit_code = -1;  // -1: killed by a signal or timed out
    std::string out;
    std::string err;
};

// Runs program with args to completion (at most timeout), capturing stdout and stderr.
// Standard input is `input` and then its end, never the terminal the tests run from.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      std::chrono::seconds timeout = std::chrono::seconds(60), std::string_view input = {});
RunResult run_hq(const std::vector<std::string>& args, std::string_view input = {});  // the built kiosk-hq

// A child process that is killed (SIGKILL) when the object goes away.
class Child {
public:
    // stdout is a pipe the parent can read lines from; stderr goes to stderr_file; stdin is
    // /dev/null (a child waiting for a passphrase sees its end at once).
    Child(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& stderr_file);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    // The next line on the child's stdout, or nothing at the deadline or end of output.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout);
    void signal(int sig);
    // Waits for the exit; the exit code, 128+signal when killed, or nothing at the deadline.
    std::optional<int> wait(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string buffer_;
    bool reaped_ = false;
};

// `kiosk-hq serve --dir D --listen 127.0.0.1:PORT [EXTRA...]`, started and waited for.
class HqServer {
public:
    HqServer(const std::filesystem::path& hq_dir, int port = 0, const std::vector<std::string>& extra = {});
    int port() const { return port_; }
    Child& process() { return *child_; }
    void kill_hard();  // SIGKILL, as a power cut would
    int stop();        // SIGTERM; the exit code

private:
    std::unique_ptr<Child> child_;
    int port_ = 0;
};

}  // namespace kiosk_sync::testkit
