// Child processes for the sync tests; see process.h.
#include "tests/sync/process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "sync/protocol/file_io.h"
#include "sync/protocol/signing.h"
#include "tests/sync/postgres.h"

extern char** environ;

namespace kiosk_sync::testkit {

namespace {

std::vector<char*> argv_of(const std::string& program, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    return argv;
}

std::optional<int> wait_for(pid_t pid, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (r < 0) return std::nullopt;
        if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args, std::chrono::seconds timeout,
                      std::string_view input) {
    char in_template[] = "/tmp/sync-test-in-XXXXXX";
    char out_template[] = "/tmp/sync-test-out-XXXXXX";
    char err_template[] = "/tmp/sync-test-err-XXXXXX";
    int in_fd = mkstemp(in_template);
    int out_fd = mkstemp(out_template);
    int err_fd = mkstemp(err_template);
    ::unlink(in_template);
    if (in_fd < 0 || ::write(in_fd, input.data(), input.size()) != static_cast<ssize_t>(input.size()) ||
        ::lseek(in_fd, 0, SEEK_SET) != 0)
        throw std::runtime_error("cannot write a child's standard input");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    auto argv = argv_of(program, args);
    pid_t pid = -1;
    RunResult result;
    if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        auto code = wait_for(pid, timeout);
        if (!code) {
            ::kill(pid, SIGKILL);
            wait_for(pid, std::chrono::seconds(5));
        }
        result.exit_code = code && *code < 128 ? *code : -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_fd);
    ::close(out_fd);
    ::close(err_fd);
    result.out = protocol::read_file(out_template).value_or("");
    result.err = protocol::read_file(err_template).value_or("");
    ::unlink(out_template);
    ::unlink(err_template);
    return result;
}

namespace {

// With the --db of the test binary's engine (postgres.h) for the HQ directory of --dir.
std::vector<std::string> with_database(std::vector<std::string> args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != "--dir") continue;
        auto db = hq_database_args(args[i + 1]);
        args.insert(args.end(), db.begin(), db.end());
        break;
    }
    return args;
}

}  // namespace

RunResult run_hq(const std::vector<std::string>& args, std::string_view input) {
    return run_program(KIOSK_HQ_BIN, with_database(args), std::chrono::seconds(60), input);
}

Child::Child(const std::string& program, const std::vector<std::string>& args,
             const std::filesystem::path& stderr_file) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    int err_fd = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    auto argv = argv_of(program, args);
    int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    ::close(err_fd);
    out_fd_ = pipe_fds[0];
    if (rc != 0) throw std::runtime_error("cannot start " + program);
}

Child::~Child() {
    if (!reaped_) {
        ::kill(pid_, SIGKILL);
        wait(std::chrono::seconds(10));
    }
    ::close(out_fd_);
}

std::optional<std::string> Child::read_line(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto newline = buffer_.find('\n');
        if (newline != std::string::npos) {
            std::string line = buffer_.substr(0, newline);
            buffer_.erase(0, newline + 1);
            return line;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd p{out_fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
        char chunk[4096];
        ssize_t n = ::read(out_fd_, chunk, sizeof chunk);
        if (n <= 0) return std::nullopt;
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

void Child::signal(int sig) {
    if (!reaped_) ::kill(pid_, sig);
}

std::optional<int> Child::wait(std::chrono::milliseconds timeout) {
    auto code = wait_for(pid_, timeout);
    if (code) reaped_ = true;
    return code;
}

HqServer::HqServer(const std::filesystem::path& hq_dir, int port, const std::vector<std::string>& extra) {
    auto args = with_database({"serve", "--dir", hq_dir.string(), "--listen", "127.0.0.1:" + std::to_string(port)});
    args.insert(args.end(), extra.begin(), extra.end());
    child_ = std::make_unique<Child>(KIOSK_HQ_BIN, args, hq_dir / "serve.log");
    auto line = child_->read_line(std::chrono::seconds(20));
    const std::string prefix = "listening on 127.0.0.1:";
    if (!line || line->rfind(prefix, 0) != 0)
        throw std::runtime_error("kiosk-hq did not start: " + line.value_or("(no output)"));
    port_ = std::stoi(line->substr(prefix.size()));
}

void HqServer::kill_hard() {
    child_->signal(SIGKILL);
    child_->wait(std::chrono::seconds(10));
}

int HqServer::stop() {
    child_->signal(SIGTERM);
    return child_->wait(std::chrono::seconds(20)).value_or(-1);
}

}  // namespace kiosk_sync::testkit
