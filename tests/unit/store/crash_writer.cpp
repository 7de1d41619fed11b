// Helper for crash_test.cpp: submits records in a loop, printing "<id> <n>\n" on stdout
// after each submit() returns — i.e. after the commit. The parent kills it with SIGKILL at a
// random moment and then checks that every line it received names a stored, readable record.
// Usage: store_crash_writer DATA_DIR HQ_PUBLIC_KEY_HEX
#include <cstdio>
#include <string>

#include <unistd.h>

#include "kiosk/store/sealing.h"
#include "kiosk/store/store.h"
#include "store_fixture.h"

int main(int argc, char** argv) {
    using namespace kiosk::store;
    if (argc != 3) return 2;
    const auto key = parse_public_key_hex(argv[2]);
    if (!key) return 2;
    StoreOptions options;
    options.kiosk_id = "crash-kiosk";
    options.hq_public_key = *key;
    auto store = Store::open(argv[1], options);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().detail.c_str());
        return 1;
    }
    for (int n = 0;; ++n) {
        const kiosk::domain::Record record = n % 3 == 2 ? kiosk::domain::Record{testing::sample_rating(1 + n % 5)}
                                                        : kiosk::domain::Record{testing::sample_request(n)};
        auto receipt = store->submit(record);
        if (!receipt) {
            std::fprintf(stderr, "submit: %s\n", receipt.error().detail.c_str());
            return 1;
        }
        // One write(2) per line: a line is either wholly in the pipe or not there at all.
        const std::string line = receipt->id + " " + std::to_string(n) + "\n";
        if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
    }
}
