// sync_child: the sync client in a process of its own, so a test can SIGKILL it mid-batch.
// Usage: sync_child OUTBOX_DB HQ_URL KIOSK_DATA_DIR BATCH_RECORDS
// Prints "started", drains the outbox, prints "drained" and exits 0 (1 if it could not).
#include <cstdio>
#include <string>

#include "sync/client/client.h"
#include "tests/sync/test_outbox.h"

int main(int argc, char** argv) {
    using namespace kiosk_sync;
    if (argc != 5) {
        std::fprintf(stderr, "usage: sync_child OUTBOX_DB HQ_URL KIOSK_DATA_DIR BATCH_RECORDS\n");
        return 2;
    }
    auto identity = protocol::load_kiosk_identity(argv[3]);
    if (!identity) {
        std::fprintf(stderr, "sync_child: %s\n", identity.error().c_str());
        return 1;
    }
    auto config = client::ClientConfig::from_identity(*identity);
    config.hq_url = argv[2];
    config.max_batch_records = static_cast<std::size_t>(std::stoul(argv[4]));
    config.backoff_initial = std::chrono::milliseconds(20);
    config.backoff_max = std::chrono::milliseconds(300);
    config.request_timeout = std::chrono::milliseconds(3000);
    client::Client client(config, testkit::TestOutbox::factory(argv[1]));
    client.start();
    std::printf("started\n");
    std::fflush(stdout);
    bool drained = client.wait_until_empty(std::chrono::seconds(60));
    client.stop();
    std::printf("%s\n", drained ? "drained" : "not drained");
    return drained ? 0 : 1;
}
