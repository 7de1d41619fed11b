// The export beside the screen; see export_job.h.
#include "kiosk/staff/export_job.h"

#include <algorithm>

namespace kiosk::staff {

namespace {

// How much of the whole each stage is, roughly as the time goes on a USB 2 stick: the
// queue is read from the kiosk's own disk, the writing and the read-back from the drive.
double overall(ExportStage stage, double fraction) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    switch (stage) {
    case ExportStage::reading_queue: return 0.1 * fraction;
    case ExportStage::writing: return 0.1 + 0.6 * fraction;
    case ExportStage::verifying: return 0.7 + 0.3 * fraction;
    }
    return 0;
}

}  // namespace

bool ExportJob::start(const StaffServices::Writer& writer, std::filesystem::path dir, std::int64_t now_ms) {
    if (running_.load()) return false;
    if (thread_.joinable()) thread_.join();
    {
        std::lock_guard lock(mutex_);
        outcome_.reset();
    }
    stage_ = static_cast<int>(ExportStage::reading_queue);
    fraction_ = 0.0;
    running_ = true;
    thread_ = std::thread([this, writer, dir = std::move(dir), now_ms] {
        Outcome outcome = writer(dir, now_ms, [this](ExportStage stage, double fraction) {
            stage_ = static_cast<int>(stage);
            fraction_ = overall(stage, fraction);
        });
        std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
        running_ = false;
    });
    return true;
}

ExportStatus ExportJob::status() const {
    return ExportStatus{static_cast<ExportStage>(stage_.load()), fraction_.load()};
}

std::optional<ExportJob::Outcome> ExportJob::take_outcome() {
    std::lock_guard lock(mutex_);
    if (running_.load()) return std::nullopt;
    auto outcome = std::move(outcome_);
    outcome_.reset();
    return outcome;
}

StaffMessage export_message(const ExportJob::Outcome& outcome) {
    if (!outcome) return {.key = "staff.export.failed", .detail = outcome.error()};
    // Staff carry a drive, not a file: the message names the drive (its label) only.
    return {.key = "staff.export.done",
            .n = static_cast<std::int64_t>(outcome->records),
            .detail = outcome->file.parent_path().filename().string(),
            .good = true};
}

bool collect_export(ExportJob& job, StaffFlow& flow) {
    auto outcome = job.take_outcome();
    if (!outcome) return false;
    flow.queue_message = export_message(*outcome);
    flow.scroll.offset = 0.0f;  // the message shows at the top
    return true;
}

void ExportJob::wait() {
    if (thread_.joinable()) thread_.join();
}

std::optional<StaffMessage> start_export(const StaffServices* services, const std::string& path, std::int64_t now_ms) {
    if (!services || !services->write_bundle || !services->export_job) return StaffMessage{"staff.export.unavailable"};
    if (auto problem = check_target_dir(path, "staff.export.no_path")) return problem;
    if (!services->export_job->start(services->write_bundle, path, now_ms)) return StaffMessage{"staff.export.busy"};
    return std::nullopt;
}

}  // namespace kiosk::staff
