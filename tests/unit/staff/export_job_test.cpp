// Specification of staff's export beside the screen: progress moves forward through the
// stages, the outcome is handed over once, and a second export cannot start over the first.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "kiosk/staff/export_job.h"

namespace kiosk::staff {
namespace {

TEST(ExportJob, ReportsProgressThenHandsOverTheOutcomeOnce) {
    ExportJob job;
    std::mutex mutex;
    std::condition_variable cv;
    bool release = false;
    std::vector<double> seen;
    StaffServices::Writer writer =
        [&](const std::filesystem::path& dir, std::int64_t now_ms,
            const StaffServices::Progress& progress) -> std::expected<ExportedBundle, std::string> {
        EXPECT_EQ(dir, "/media/usb0");
        EXPECT_EQ(now_ms, 1773556200000);
        progress(ExportStage::reading_queue, 1.0);
        progress(ExportStage::writing, 0.5);
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return release; });
        }
        progress(ExportStage::writing, 1.0);
        progress(ExportStage::verifying, 1.0);
        return ExportedBundle{"/media/usb0/mouj.bundle", 12};
    };
    ASSERT_TRUE(job.start(writer, "/media/usb0", 1773556200000));
    // Half-way through writing: the bar stands between the queue's share and the read-back's.
    for (int i = 0; i < 5000 && job.status().stage != ExportStage::writing; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const ExportStatus midway = job.status();
    EXPECT_EQ(midway.stage, ExportStage::writing);
    EXPECT_GT(midway.fraction, 0.1);
    EXPECT_LT(midway.fraction, 0.7);
    EXPECT_TRUE(job.running());
    EXPECT_FALSE(job.take_outcome());                   // nothing to take while it runs
    EXPECT_FALSE(job.start(writer, "/media/usb1", 0));  // one export at a time
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    cv.notify_all();
    job.wait();
    EXPECT_FALSE(job.running());
    EXPECT_DOUBLE_EQ(job.status().fraction, 1.0);
    // Staff mode collects it once, as a message at the top of the queue tab: the count and
    // the drive's name (not the mount path, nor the bundle's file name).
    StaffFlow flow;
    flow.scroll.offset = 300.0f;
    ASSERT_TRUE(collect_export(job, flow));
    EXPECT_EQ(flow.queue_message.key, "staff.export.done");
    EXPECT_EQ(flow.queue_message.n, 12);
    EXPECT_EQ(flow.queue_message.detail, "usb0");
    EXPECT_TRUE(flow.queue_message.good);
    EXPECT_EQ(flow.scroll.offset, 0.0f);
    EXPECT_FALSE(collect_export(job, flow));
    EXPECT_FALSE(job.take_outcome());
}

TEST(ExportJob, AFailureIsAnOutcomeAndANewExportCanFollow) {
    ExportJob job;
    StaffServices::Writer failing = [](const std::filesystem::path&, std::int64_t,
                                       const StaffServices::Progress&) -> std::expected<ExportedBundle, std::string> {
        return std::unexpected("No space left on device");
    };
    ASSERT_TRUE(job.start(failing, "/media/full", 0));
    job.wait();
    auto outcome = job.take_outcome();
    ASSERT_TRUE(outcome);
    ASSERT_FALSE(*outcome);
    EXPECT_EQ(outcome->error(), "No space left on device");
    const StaffMessage said = export_message(*outcome);
    EXPECT_EQ(said.key, "staff.export.failed");
    EXPECT_EQ(said.detail, "No space left on device");
    EXPECT_FALSE(said.good);
    StaffServices::Writer fine = [](const std::filesystem::path&, std::int64_t,
                                    const StaffServices::Progress&) -> std::expected<ExportedBundle, std::string> {
        return ExportedBundle{"x.bundle", 3};
    };
    ASSERT_TRUE(job.start(fine, "/media/other", 0));
    job.wait();
    auto second = job.take_outcome();
    ASSERT_TRUE(second && *second);
    EXPECT_EQ((*second)->records, 3u);
}

}  // namespace
}  // namespace kiosk::staff
