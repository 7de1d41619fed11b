// kiosk/staff/page.h — the frame every staff tab shares: the form frame of screens/form.h
// (title, the tab's primary action, docked keyboard), the tab row (a locked staff mode is sent
// to the PIN), and small pieces each tab uses (section titles, messages, rows of figures,
// tables). Staff mode shows none of the visitor's toolbar: its bottom bar holds staff.exit, the
// one way out, and the language. Staff mode's own: staff includes screens, never the other way round.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kiosk/screens/form.h"
#include "kiosk/staff/staff_state.h"

namespace kiosk::staff {

// The bottom bar's way out of staff mode, on every staff screen (its string key is the same).
inline constexpr std::string_view kExitId = "staff.exit";

struct PageSpec {
    screens::ScreenId tab;
    std::string_view title_key;
    std::string_view action_id;  // the tab's main button, may be empty
    std::string_view action_key;
};

// Returns the form frame, `y` at the top of the scrolling content (the tabs stay put above it).
// A locked staff mode is sent to the PIN.
screens::FormFrame begin_page(screens::ScreenContext& ctx, const PageSpec& spec);
void end_page(screens::ScreenContext& ctx, const screens::FormFrame& frame, float content_bottom);

// Leaves staff mode: everything it held is forgotten and home returns.
void leave_staff(screens::Session& session);

float section_title(screens::ScreenContext& ctx, std::string_view key, float x, float y, float w);
// The height section_title() will take.
float section_title_height(screens::ScreenContext& ctx, std::string_view key, float w);

// For a block that is only read whole (a section title with its chart), from `top`, `h` high,
// in the tab's scroll area: true when it is to be drawn. While the area is still, a block that
// the area's edge cuts is scrolled into view when most of it shows, and left undrawn when most
// of it is hidden; a block taller than the area, or one in a moving area, is drawn as it falls.
bool keep_whole(screens::ScreenContext& ctx, const screens::FormFrame& f, float top, float h);
// The message, formatted in the visitor's language; 0 height when there is none.
float draw_message(screens::ScreenContext& ctx, const StaffMessage& message, float x, float y, float w);
// One line: the label at the start, the value at the end. Returns its height.
float figure_row(screens::ScreenContext& ctx, std::string_view label, std::string_view value, float x, float y,
                 float w);

// A row of a table: cells from the start edge, each given its share of `w` (shares sum to 1).
// A header row is bold on a tinted band. Returns its height.
float table_row(screens::ScreenContext& ctx, std::span<const std::string> cells, std::span<const float> shares, float x,
                float y, float w, bool header = false);

// A local date and time for staff lists, "2026-03-15 09:30".
std::string local_time(const screens::ScreenContext& ctx, std::int64_t unix_ms);

}  // namespace kiosk::staff
