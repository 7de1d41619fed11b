// The dashboard's figures and their CSV; see dashboard_data.h.
#include "kiosk/staff/dashboard_data.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>

#include "kiosk/staff/staff_state.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {

std::expected<DashboardFigures, store::StoreError> load_dashboard(store::Store& store) {
    DashboardFigures f;
    auto overall = store.satisfaction();
    if (!overall) return std::unexpected(overall.error());
    f.overall = *overall;
    auto days = store.satisfaction_by_day(kDashboardDays);
    if (!days) return std::unexpected(days.error());
    f.days = std::move(*days);
    auto places = store.satisfaction_by_place();
    if (!places) return std::unexpected(places.error());
    f.places = std::move(*places);
    auto comments = store.rating_comment_count();
    if (!comments) return std::unexpected(comments.error());
    f.comments = *comments;
    return f;
}

std::string score_text(const store::ScoreAverage& score) {
    char out[16];
    std::snprintf(out, sizeof out, "%.1f", score.average);
    return out;
}

namespace {

// A field as CSV wants it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void add_rows(std::string& out, const std::string& section, const std::string& day, const std::string& service,
              const std::string& counter, const store::Satisfaction& s) {
    const std::array<std::pair<const char*, const store::ScoreAverage*>, 5> aspects = {{{"overall", &s.overall},
                                                                                        {"wait", &s.wait},
                                                                                        {"courtesy", &s.courtesy},
                                                                                        {"clarity", &s.clarity},
                                                                                        {"ease", &s.ease}}};
    for (const auto& [name, score] : aspects) {
        char avg[16];
        std::snprintf(avg, sizeof avg, "%.2f", score->average);
        out += section + "," + day + "," + csv_field(service) + "," + counter + "," + name + "," +
               std::to_string(score->count) + "," + avg + "\n";
    }
}

}  // namespace

std::string dashboard_csv(const DashboardFigures& figures) {
    std::string out = "section,day,service,counter,aspect,count,average\n";
    add_rows(out, "all", "", "", "", figures.overall);
    for (const auto& d : figures.days) add_rows(out, "day", d.date, "", "", d.scores);
    for (const auto& p : figures.places)
        add_rows(out, "place", "", p.service, p.counter ? std::to_string(*p.counter) : "", p.scores);
    return out;
}

std::string dashboard_csv_name(const std::string& kiosk_id, std::int64_t now_ms, int utc_offset_minutes) {
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(now_ms)) + minutes(utc_offset_minutes);
    const year_month_day ymd(floor<days>(local));
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    std::string id;
    for (char c : kiosk_id)  // a file name, whatever the id holds
        id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return "satisfaction-" + (id.empty() ? std::string("kiosk") : id) + "-" + date + ".csv";
}

session::StaffMessage save_dashboard_csv(const DashboardFigures& figures, const std::string& dir,
                                         const std::string& kiosk_id, std::int64_t now_ms, int utc_offset_minutes) {
    if (auto problem = check_target_dir(dir, "staff.dash.csv_no_path")) return *problem;
    const auto path = std::filesystem::path(dir) / dashboard_csv_name(kiosk_id, now_ms, utc_offset_minutes);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << dashboard_csv(figures);
    out.close();
    if (!out) return {.key = "staff.dash.csv_failed", .detail = path.string()};
    return {.key = "staff.dash.csv_done", .detail = drive_and_file(path), .good = true};
}

}  // namespace kiosk::staff
