// Reading HQ's key passphrase from a file or standard input; see passphrase.h.
#include "sync/hq/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sodium.h>

namespace kiosk_sync::hq {

Passphrase::Passphrase() { bytes_.reserve(kMaxBytes); }

Passphrase::Passphrase(std::string_view text) : Passphrase() {
    for (char c : text.substr(0, kMaxBytes)) bytes_.push_back(c);
}

Passphrase& Passphrase::operator=(Passphrase&& other) noexcept {
    if (this != &other) {
        wipe();
        bytes_ = std::move(other.bytes_);
    }
    return *this;
}

Passphrase::~Passphrase() { wipe(); }

void Passphrase::wipe() {
    if (bytes_.capacity() > 0) sodium_memzero(bytes_.data(), bytes_.capacity());
    bytes_.clear();
}

bool Passphrase::push(char c) {
    if (bytes_.size() >= kMaxBytes) return false;
    bytes_.push_back(c);
    return true;
}

namespace {

// One line from fd, byte by byte (nothing read past the newline, nothing buffered elsewhere);
// a trailing carriage return is dropped, as a file written on Windows would have one.
std::expected<Passphrase, std::string> read_line(int fd, const std::string& source) {
    Passphrase line;
    bool any = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::unexpected("cannot read the passphrase from " + source + ": " + std::strerror(errno));
        if (n == 0) break;
        any = true;
        if (c == '\n') break;
        if (!line.push(c))
            return std::unexpected("the passphrase in " + source + " is longer than " +
                                   std::to_string(Passphrase::kMaxBytes) + " bytes");
    }
    if (!any)
        return std::unexpected("no passphrase in " + source +
                               "; give it as one line there, or with --passphrase-file FILE");
    if (!line.view().empty() && line.view().back() == '\r') {
        Passphrase trimmed;
        for (char c : line.view().substr(0, line.view().size() - 1)) trimmed.push(c);
        return trimmed;
    }
    return line;
}

// Echo off while a person types at a terminal, restored however the read ends.
class NoEcho {
public:
    explicit NoEcho(int fd) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;
    ~NoEcho() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

std::expected<Passphrase, std::string> ask(const char* prompt) {
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    auto line = [] {
        NoEcho quiet(STDIN_FILENO);
        return read_line(STDIN_FILENO, "standard input");
    }();
    std::fputs("\n", stderr);
    return line;
}

}  // namespace

std::expected<Passphrase, std::string> read_passphrase(const std::string* file, bool is_new) {
    if (file != nullptr) {
        const int fd = ::open(file->c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return std::unexpected("cannot open " + *file + ": " + std::strerror(errno));
        auto line = read_line(fd, *file);
        ::close(fd);
        return line;
    }
    if (::isatty(STDIN_FILENO) == 0) return read_line(STDIN_FILENO, "standard input");
    auto first = ask(is_new ? "new passphrase for HQ's private key: " : "passphrase for HQ's private key: ");
    if (!first || !is_new) return first;
    auto again = ask("the same passphrase again: ");
    if (!again) return again;
    if (first->view() != again->view()) return std::unexpected("the two passphrases differ; nothing was changed");
    return first;
}

}  // namespace kiosk_sync::hq
