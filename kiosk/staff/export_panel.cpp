// The export panel of the queue tab; see export_panel.h.
#include "kiosk/staff/export_panel.h"

#include <algorithm>
#include <optional>
#include <string>
#include <system_error>

#include "kiosk/staff/export_job.h"
#include "kiosk/staff/page.h"
#include "ui/widgets/controls.h"

namespace kiosk::staff {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace fs = std::filesystem;

std::vector<fs::path> mounted_drives(const std::vector<fs::path>& roots) {
    std::vector<fs::path> drives;
    std::error_code ec;
    auto add_children = [&](const fs::path& dir, int depth, auto& self) -> void {
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (!entry.is_directory(ec)) continue;
            if (depth > 1) self(entry.path(), depth - 1, self);
            else drives.push_back(entry.path());
        }
    };
    for (const auto& root : roots)
        add_children(root, root.filename() == "media" && root.parent_path() == "/run" ? 2 : 1, add_children);
    std::sort(drives.begin(), drives.end());
    return drives;
}

namespace {

// Starts the export beside the screen; a message when it cannot start.
std::optional<StaffMessage> start_export(const StaffServices* services, const std::string& path, std::int64_t now_ms) {
    if (!services || !services->write_bundle || !services->export_job) return StaffMessage{"staff.export.unavailable"};
    if (auto problem = check_target_dir(path, "staff.export.no_path")) return problem;
    if (!services->export_job->start(services->write_bundle, path, now_ms)) return StaffMessage{"staff.export.busy"};
    return std::nullopt;
}

std::string_view stage_key(ExportStage stage) {
    switch (stage) {
    case ExportStage::reading_queue: return "staff.export.stage.reading";
    case ExportStage::writing: return "staff.export.stage.writing";
    case ExportStage::verifying: return "staff.export.stage.verifying";
    }
    return "staff.export.stage.reading";
}

// Drives by their names (the label a USB stick was given), not their mount paths.
float drive_chips(screens::ScreenContext& ctx, std::string& drive, std::string& typed, float x, float y, float w) {
    const auto drives = ctx.staff ? mounted_drives(ctx.staff->drive_roots) : std::vector<fs::path>{};
    if (drives.empty())
        return ctx.ui.label(ctx.tr("staff.export.no_drives"), Rect{x, y, w, 0},
                            TextOptions{.role = TextRole::Body, .colour = ctx.ui.theme().text_muted}) +
               12.0f * ctx.ui.scale();
    std::vector<std::string> keys;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < drives.size(); ++i) {
        keys.push_back(std::to_string(i));
        labels.push_back(drives[i].filename().string());
    }
    std::vector<ui::widgets::Choice> choices;
    std::string chosen;
    for (std::size_t i = 0; i < drives.size(); ++i) {
        choices.push_back({keys[i], labels[i]});
        if (typed.empty() && drives[i].string() == drive) chosen = keys[i];
    }
    const std::string before = chosen;
    const float h = ui::widgets::choice_chips(ctx.ui, "staff.drive", choices, chosen, x, y, w);
    if (chosen != before && !chosen.empty()) {
        drive = drives[static_cast<std::size_t>(std::stoul(chosen))].string();
        typed.clear();
    }
    return h + 12.0f * ctx.ui.scale();
}

}  // namespace

float export_panel(screens::ScreenContext& ctx, float x, float y, float w) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.staff;
    const float u = ui.scale();
    const float y0 = y;
    y += section_title(ctx, "staff.export.title", x, y, w);
    y += ui.label(ctx.tr("staff.export.explain"), Rect{x, y, w, 0}, TextOptions{.role = TextRole::Body}) + 10.0f * u;
    y += drive_chips(ctx, flow.export_drive, flow.export_path, x, y, w);
    y += ui::widgets::text_field(ui, ctx.session.focus, "staff.export_path", flow.export_path, x, y, w,
                                 ui::widgets::FieldOptions{.label = ctx.tr("staff.export.path"),
                                                           .hint = ctx.tr("staff.export.path_hint"),
                                                           .left_to_right = true,
                                                           .keyboard = ui::widgets::KeyboardLayout::English,
                                                           .max_bytes = 1024}) +
         10.0f * u;
    ExportJob* job = ctx.staff ? ctx.staff->export_job.get() : nullptr;
    if (job && job->running()) {
        // The stage in words and a bar; the button comes back when the export has ended.
        const ExportStatus status = job->status();
        y += ui.label(ctx.tr(stage_key(status.stage)), Rect{x, y, w, 0},
                      TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
             10.0f * u;
        ui::widgets::progress_bar(ui, static_cast<float>(status.fraction), ui.from_start(x, y, w, 28.0f * u));
        return y - y0 + 28.0f * u + 28.0f * u;
    }
    const float bw = std::min(w, 420.0f * u);
    if (ui::widgets::button(ui, "staff.export", ctx.tr("staff.export"), ui.from_start(x, y, bw, 72.0f * u),
                            ui::widgets::ButtonKind::Primary)) {
        ctx.session.focus.clear();
        flow.queue_message = start_export(ctx.staff, flow.export_dir(), ui.wall_ms()).value_or(StaffMessage{});
        if (!flow.queue_message.key.empty()) flow.scroll.offset = 0.0f;
        ctx.session.changed = true;
    }
    return y - y0 + 72.0f * u + 28.0f * u;
}

}  // namespace kiosk::staff
