// Data directory creation and the writability probe; see data_dir.h.
#include "kiosk/store/data_dir.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::store {
namespace {

StoreError from_errno(int err, const std::string& what) {
    StoreErrorKind kind = StoreErrorKind::io;
    if (err == EACCES || err == EPERM || err == EROFS) kind = StoreErrorKind::read_only;
    if (err == ENOSPC || err == EDQUOT) kind = StoreErrorKind::disk_full;
    return {kind, what + ": " + std::strerror(err), 0};
}

// mkdir for each missing component, so parents are 0700 too.
std::expected<void, StoreError> make_dirs(const std::filesystem::path& dir) {
    std::filesystem::path partial;
    for (const std::filesystem::path& part : dir) {
        partial /= part;
        struct stat st {};
        if (::stat(partial.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                return std::unexpected(StoreError{StoreErrorKind::io, partial.string() + " is not a directory", 0});
            }
            continue;
        }
        if (errno != ENOENT) return std::unexpected(from_errno(errno, "stat " + partial.string()));
        if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
            return std::unexpected(from_errno(errno, "create " + partial.string()));
        }
    }
    return {};
}

}  // namespace

std::expected<void, StoreError> prepare_data_dir(const std::filesystem::path& dir) {
    if (dir.empty()) return std::unexpected(StoreError{StoreErrorKind::io, "no data directory given", 0});
    if (auto made = make_dirs(dir); !made) return made;
    // access(W_OK) is not enough: it ignores read-only mounts for root and says nothing of
    // a full disk. Creating a file is the question we actually need answered.
    std::string probe = (dir / ".write-probe-XXXXXX").string();
    const int fd = ::mkstemp(probe.data());
    if (fd < 0) return std::unexpected(from_errno(errno, "write to " + dir.string()));
    ::close(fd);
    ::unlink(probe.c_str());
    return {};
}

std::expected<void, StoreError> create_private_file(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(from_errno(errno, "create " + file.string()));
    ::close(fd);
    return {};
}

}  // namespace kiosk::store
