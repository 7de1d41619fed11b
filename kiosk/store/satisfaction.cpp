// Satisfaction figures for the staff dashboard: averages and counts overall, per local day,
// per service and counter, and how many comments came (their text is sealed). See store.h.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "kiosk/store/store.h"

namespace kiosk::store {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kMaxDays = 3660;  // ten years: a chart, not a memory bomb

// The ten columns every satisfaction query selects, starting at column `first`.
constexpr std::string_view kScoreColumns =
    "COUNT(*), AVG(overall), COUNT(wait), AVG(wait), COUNT(courtesy), AVG(courtesy),"
    " COUNT(clarity), AVG(clarity), COUNT(ease), AVG(ease)";

Satisfaction read_scores(const sql::Statement& q, int first) {
    auto average = [&q](int column) {
        return ScoreAverage{q.int64(column), q.is_null(column + 1) ? 0.0 : q.real(column + 1)};
    };
    return {average(first), average(first + 2), average(first + 4), average(first + 6), average(first + 8)};
}

std::string iso_date(std::int64_t day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<Satisfaction> Store::satisfaction(std::int64_t since_ms) {
    auto q = db_.prepare("SELECT " + std::string(kScoreColumns) + " FROM ratings WHERE created_ms >= ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, since_ms).step();
    if (!row) return std::unexpected(std::move(row.error()));
    return *row ? read_scores(*q, 0) : Satisfaction{};
}

Result<std::vector<DaySatisfaction>> Store::satisfaction_by_day(int days) {
    if (days <= 0) return std::vector<DaySatisfaction>{};
    days = std::min(days, kMaxDays);
    const std::int64_t offset_ms = std::int64_t{options_.utc_offset_minutes} * 60'000;
    const std::int64_t today = floor_div(now_ms() + offset_ms, kDayMs);
    const std::int64_t first_day = today - days + 1;
    auto q = db_.prepare("SELECT (created_ms + ?1) / 86400000 AS day, " + std::string(kScoreColumns) +
                         " FROM ratings WHERE created_ms >= ?2 GROUP BY day ORDER BY day");
    if (!q) return std::unexpected(std::move(q.error()));
    q->bind(1, offset_ms).bind(2, first_day * kDayMs - offset_ms);
    std::map<std::int64_t, Satisfaction> found;
    for (;;) {
        auto row = q->step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) break;
        found[q->int64(0)] = read_scores(*q, 1);
    }
    // Every day present, rated or not: a chart's axis must not skip quiet days.
    std::vector<DaySatisfaction> out;
    for (std::int64_t day = first_day; day <= today; ++day) {
        const auto it = found.find(day);
        out.push_back({day, iso_date(day), it == found.end() ? Satisfaction{} : it->second});
    }
    return out;
}

Result<std::vector<PlaceSatisfaction>> Store::satisfaction_by_place(std::int64_t since_ms) {
    auto q = db_.prepare("SELECT service, counter, " + std::string(kScoreColumns) +
                         " FROM ratings WHERE created_ms >= ? GROUP BY service, counter"
                         " ORDER BY service, counter");
    if (!q) return std::unexpected(std::move(q.error()));
    q->bind(1, since_ms);
    std::vector<PlaceSatisfaction> out;
    for (;;) {
        auto row = q->step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) return out;
        std::optional<int> counter;
        if (!q->is_null(1)) counter = static_cast<int>(q->int64(1));
        out.push_back({std::string(q->text(0)), counter, read_scores(*q, 2)});
    }
}

Result<std::int64_t> Store::rating_comment_count(std::int64_t since_ms) {
    auto q = db_.prepare("SELECT COUNT(*) FROM ratings WHERE has_comment = 1 AND created_ms >= ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, since_ms).step();
    if (!row) return std::unexpected(std::move(row.error()));
    return *row ? q->int64(0) : 0;
}

}  // namespace kiosk::store
