// The thread rule of store.h in action: the UI thread submits on its connection while the
// sync worker, on its own connection to the same file, reads batches and marks them sent.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store_fixture.h"

namespace kiosk::store {
namespace {

using namespace testing;

TEST(Concurrency, UiWritesWhileTheSyncWorkerReadsAndMarks) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    auto ui = Store::open(tmp.path(), options_for(keys));
    ASSERT_TRUE(ui);
    constexpr int kRecords = 150;
    std::atomic<bool> ui_done{false};
    std::atomic<int> worker_errors{0};
    std::size_t marked = 0;

    std::thread worker([&] {
        auto store = Store::open(tmp.path(), options_for(keys));
        if (!store) {
            ++worker_errors;
            return;
        }
        for (;;) {
            const bool last_pass = ui_done.load();
            auto batch = store->outbox_batch(20, 1 << 20);
            if (!batch) {
                ++worker_errors;
                return;
            }
            std::vector<OutboxOutcome> outcomes;
            for (const auto& item : *batch) outcomes.push_back({item.id, OutboxState::sent, ""});
            auto n = store->mark(outcomes);
            if (!n) {
                ++worker_errors;
                return;
            }
            marked += *n;
            if (last_pass && batch->empty()) return;
        }
    });
    int submitted = 0;
    for (int i = 0; i < kRecords; ++i) {
        if (ui->submit(i % 2 ? domain::Record{sample_rating(4)} : domain::Record{sample_feedback()})) ++submitted;
    }
    ui_done = true;
    worker.join();
    EXPECT_EQ(submitted, kRecords);
    EXPECT_EQ(worker_errors.load(), 0);
    EXPECT_EQ(marked, static_cast<std::size_t>(kRecords));
    EXPECT_TRUE(ui->outbox_batch(1000, 1 << 30)->empty());
}

}  // namespace
}  // namespace kiosk::store
