// kiosk/staff/dashboard_data.h — the figures the satisfaction dashboard shows, read from the
// store in one go, and the same figures as CSV for the export directory. Plain data, so a
// test can seed a Store and check exactly what staff will see. Not here: drawing.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

#include "kiosk/session/staff_flow.h"
#include "kiosk/store/error.h"

namespace kiosk::store {
class Store;
}

namespace kiosk::staff {

inline constexpr int kDashboardDays = 30;

using session::DashboardFigures;

std::expected<DashboardFigures, store::StoreError> load_dashboard(store::Store& store);

// "4.3": one decimal, Western digits (the text engine shows them per the digit setting).
std::string score_text(const store::ScoreAverage& score);

// One row per figure: section,day,service,counter,aspect,count,average.
std::string dashboard_csv(const DashboardFigures& figures);

// "satisfaction-<kiosk>-<YYYY-MM-DD>.csv" for the local day of `now_ms`.
std::string dashboard_csv_name(const std::string& kiosk_id, std::int64_t now_ms, int utc_offset_minutes);

// Writes dashboard_csv() into `dir` under dashboard_csv_name(); the message staff read.
session::StaffMessage save_dashboard_csv(const DashboardFigures& figures, const std::string& dir,
                                         const std::string& kiosk_id, std::int64_t now_ms, int utc_offset_minutes);

}  // namespace kiosk::staff
