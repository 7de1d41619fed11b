// Small-file reading and atomic replacement with POSIX calls; see file_io.h.
#include "sync/protocol/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

#include "sync/protocol/signing.h"

namespace kiosk_sync::protocol {

namespace {

// Closes a POSIX file descriptor when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    // Closing reports errors (e.g. NFS write-back), so the writer checks it.
    bool close() {
        int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

std::string errno_text(const std::string& what, const std::filesystem::path& path) {
    return what + " " + path.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Chunk by chunk, each one on the medium before the next is counted.
bool write_all_reporting(int fd, std::string_view data, const WriteProgress& progress) {
    constexpr std::size_t kChunk = 4u << 20;
    const std::size_t total = data.size();
    progress(0.0);
    for (std::size_t done = 0; done < total;) {
        const std::size_t n = std::min(kChunk, total - done);
        if (!write_all(fd, data.substr(done, n)) || ::fdatasync(fd) != 0) return false;
        done += n;
        progress(static_cast<double>(done) / static_cast<double>(total));
    }
    return true;
}

}  // namespace

std::expected<std::string, std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return std::unexpected(errno_text("cannot open", path));
    std::string data;
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::unexpected(errno_text("cannot read", path));
        if (n == 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
        if (data.size() > max_bytes) return std::unexpected(path.string() + " is too large");
    }
    return data;
}

namespace {

// Writes a temporary file beside path through `fill`, then fsyncs, renames it over path and
// fsyncs the directory.
std::expected<void, std::string> replace_atomically(
    const std::filesystem::path& path, mode_t mode,
    const std::function<std::expected<void, std::string>(int fd)>& fill) {
    auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    auto temp = dir / ("." + path.filename().string() + "." + random_nonce().substr(0, 8) + ".tmp");
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0) return std::unexpected(errno_text("cannot create", temp));
    auto filled = fill(fd.get());
    // The umask may have narrowed the mode; a key must end up exactly as asked.
    bool ok = filled && ::fchmod(fd.get(), mode) == 0 && ::fsync(fd.get()) == 0;
    ok = fd.close() && ok;
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        auto error = filled ? errno_text("cannot write", path) : filled.error();
        ::unlink(temp.c_str());
        return std::unexpected(error);
    }
    Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0)
        return std::unexpected(errno_text("cannot sync directory", dir));
    return {};
}

}  // namespace

std::expected<void, std::string> write_file_atomic(const std::filesystem::path& path, std::string_view data,
                                                   mode_t mode, const WriteProgress& progress) {
    return replace_atomically(path, mode, [&](int fd) -> std::expected<void, std::string> {
        const bool written = progress ? write_all_reporting(fd, data, progress) : write_all(fd, data);
        if (!written) return std::unexpected(errno_text("cannot write", path));
        return {};
    });
}

std::expected<void, std::string> write_file_atomic_streamed(
    const std::filesystem::path& path, mode_t mode,
    const std::function<std::expected<void, std::string>(const WriteSink& write)>& produce) {
    return replace_atomically(path, mode, [&](int fd) -> std::expected<void, std::string> {
        bool failed = false;
        auto produced = produce([&](std::string_view bytes) { return !failed && !(failed = !write_all(fd, bytes)); });
        if (!produced) return produced;
        if (failed) return std::unexpected(errno_text("cannot write", path));
        return {};
    });
}

bool drop_cached_pages(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    return fd.get() >= 0 && ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED) == 0;
}

}  // namespace kiosk_sync::protocol
