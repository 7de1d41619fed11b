// kiosk/staff/export_job.h — an export to a drive, run beside the screen: a slow USB stick
// must never freeze the kiosk. The queue tab starts it, draws its progress each frame and
// takes its outcome when it ends. One at a time; it outlives staff mode (an idle wipe does
// not cut a bundle in half) and is joined when the kiosk closes.
#pragma once

#include <atomic>
#include <expected>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/staff/staff_state.h"

namespace kiosk::staff {

struct ExportStatus {
    ExportStage stage = ExportStage::reading_queue;
    double fraction = 0;  // of the whole export, 0..1
};

class ExportJob {
public:
    using Outcome = std::expected<ExportedBundle, std::string>;

    ExportJob() = default;
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;
    ~ExportJob() { wait(); }

    // False (and nothing started) while another export is still running.
    bool start(const StaffServices::Writer& writer, std::filesystem::path dir, std::int64_t now_ms);
    bool running() const { return running_.load(); }
    ExportStatus status() const;
    // The outcome of the export that ended, once.
    std::optional<Outcome> take_outcome();
    // Blocks until the running export, if any, has ended.
    void wait();

private:
    std::atomic<bool> running_ = false;
    std::atomic<int> stage_ = 0;
    std::atomic<double> fraction_ = 0;
    mutable std::mutex mutex_;
    std::optional<Outcome> outcome_;
    std::thread thread_;
};

// What staff read when an export has ended: the count and where it went, or why it failed.
StaffMessage export_message(const ExportJob::Outcome& outcome);

// Hands an ended export's outcome to staff mode, shown at the top of the queue tab. True when
// there was one.
bool collect_export(ExportJob& job, StaffFlow& flow);

// Starts the export into `path` beside the screen; a message when it cannot start.
std::optional<StaffMessage> start_export(const StaffServices* services, const std::string& path, std::int64_t now_ms);

}  // namespace kiosk::staff
