// A test's temporary directory; see temp_dir.h.
#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <string>

namespace kiosk::testing {

TempDir::TempDir() {
    std::string name = (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr) std::abort();
    path_ = name;
}

TempDir::~TempDir() {
    std::error_code ec;
    // A test may have taken write permission away (a read-only data directory).
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
}

}  // namespace kiosk::testing
