// The idle warning; see idle.h.
#include "kiosk/screens/idle.h"

#include <array>
#include <string>

#include "ui/widgets/dialog.h"

namespace kiosk::screens {

double idle_pause_ms(ScreenId screen, double base_seconds) {
    switch (screen) {
    // Writing a description or reading the declaration takes longer than tapping a face.
    case ScreenId::RequestData:
    case ScreenId::RequestSign:
    case ScreenId::FeedbackForm:
    case ScreenId::VolunteerForm: return base_seconds * 2000.0;
    default: return base_seconds * 1000.0;
    }
}

IdleChoice draw_idle_warning(ScreenContext& ctx, int seconds_left) {
    const std::string count = ctx.strings.format("idle.seconds_left", {ui::i18n::Arg::num("n", seconds_left)});
    const std::array buttons = {
        ui::widgets::DialogButton{"more_time", ctx.tr("idle.more_time"), ui::widgets::ButtonKind::Primary},
        ui::widgets::DialogButton{"finish", ctx.tr("idle.finish")},
    };
    const auto tapped = ui::widgets::dialog(
        ctx.ui, "idle",
        {.title = ctx.tr("idle.title"), .body = ctx.tr("idle.body"), .emphasis = count, .buttons = buttons});
    return IdleChoice{.more_time = tapped == 0u, .finish = tapped == 1u};
}

}  // namespace kiosk::screens
