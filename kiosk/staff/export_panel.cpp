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

std::string_view stage_key(ExportStage stage) {
    switch (stage) {
    case ExportStage::reading_queue: return "staff.export.stage.reading";
    case ExportStage::writing: return "staff.export.stage.writing";
    case ExportStage::verifying: return "staff.export.stage.verifying";
    }
    return "staff.export.stage.reading";
}

// Drives by their names (the label a USB stick was given), not their mount paths.
float drive_chips(screens::ScreenContext& ctx, const StaffServices& services, std::string& drive, std::string& typed,
                  float x, float y, float w) {
    const auto drives = mounted_drives(services.drive_roots);
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
    const auto chips = ui::widgets::choice_chips(ctx.ui, "staff.drive", choices, chosen, x, y, w);
    const float h = chips.height;
    if (chips.changed && !chosen.empty()) {
        drive = drives[static_cast<std::size_t>(std::stoul(chosen))].string();
        typed.clear();
    }
    return h + 12.0f * ctx.ui.scale();
}

}  // namespace

float export_panel(screens::ScreenContext& ctx, const StaffServices& services, screens::Action& action, float x,
                   float y, float w) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.staff;
    const float u = ui.scale();
    const float y0 = y;
    y += section_title(ctx, "staff.export.title", x, y, w);
    y += ui.label(ctx.tr("staff.export.explain"), Rect{x, y, w, 0}, TextOptions{.role = TextRole::Body}) + 10.0f * u;
    y += drive_chips(ctx, services, flow.export_drive, flow.export_path, x, y, w);
    y += ui::widgets::text_field(ui, ctx.session.focus, "staff.export_path", flow.export_path, x, y, w,
                                 ui::widgets::FieldOptions{.label = ctx.tr("staff.export.path"),
                                                           .hint = ctx.tr("staff.export.path_hint"),
                                                           .left_to_right = true,
                                                           .keyboard = ui::widgets::KeyboardLayout::English,
                                                           .max_bytes = 1024,
                                                           .filter = screens::typeable})
             .height +
         10.0f * u;
    const ExportJob* job = services.export_job.get();
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
        ctx.session.changed = true;
        action = screens::StartExport{flow.export_dir()};
    }
    return y - y0 + 72.0f * u + 28.0f * u;
}

}  // namespace kiosk::staff
