// tests/support/temp_dir.h — a fresh directory under the system temp dir for one test,
// removed with everything in it (even what a test made read-only) when the test ends.
#pragma once

#include <filesystem>

namespace kiosk::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace kiosk::testing
