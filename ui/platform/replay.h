// ui/platform/replay.h — drives a headless host from a replay file (DESIGN.md, "Command line").
//
// A replay is JSON lines, one step each: tap, tap_xy, type, key, drag, drag_in, hold, wait_ms,
// screenshot, expect_screen, wait_sync. The driver stops at the first step that fails and
// says which and why; the caller turns that into exit status 3 and one line on stderr.
#pragma once

#include <expected>
#include <istream>
#include <string>

#include "ui/platform/app.h"
#include "ui/platform/host.h"

namespace ui::platform {

struct ReplayFailure {
    int step = 0;  // 1-based, counting non-empty lines
    std::string reason;
};

struct ReplayOptions {
    // Each screenshot NAME.png comes with NAME.labels.jsonl: the record of that frame
    // (frame_record.h). Empty: screenshot steps are accepted and skipped.
    std::string screenshots_dir;
    double hold_ms = 3200.0;  // a hold step's default length
};

std::expected<void, ReplayFailure> run_replay(Host& host, App& app, std::istream& steps, const ReplayOptions& options);

}  // namespace ui::platform
