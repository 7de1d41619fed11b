// The console's lists (requests, feedback, volunteers), their CSV and the home page; see
// app.h. A record's own page is in record_page.cpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sync/hq/console/visit.h"

namespace kiosk_sync::hq::console {
using nlohmann::json;
namespace {

// The committee answers within no less than a month: a request still open after this is
// marked in the list (the association's policy).
constexpr std::int64_t kCommitteeWindowMs = 30 * kDayMs;
constexpr std::size_t kPageSize = 50;
constexpr std::size_t kMaxNoteChars = 2000;

}  // namespace

std::string_view list_name(ListKind list) {
    return list == ListKind::requests ? "requests" : list == ListKind::feedback ? "feedback" : "volunteers";
}

const TypeFilter& type_filter(ListKind list) {
    static const TypeFilter requests{"request_type",
                                     {"food", "rent", "bills", "medical", "education", "furniture", "other"}};
    static const TypeFilter feedback{"category", {"inquiry", "complaint", "suggestion"}};
    static const TypeFilter volunteers{"skills",
                                       {"teaching", "health", "technology", "driving", "events", "administration",
                                        "cooking", "design", "translation", "social_media"}};
    return list == ListKind::requests ? requests : list == ListKind::feedback ? feedback : volunteers;
}
namespace {
const std::vector<std::string_view> kAvailability{"weekday_mornings", "weekday_evenings", "weekends", "occasional"};

}  // namespace

const std::vector<std::string_view>& personal_fields(ListKind list) {
    static const std::vector<std::string_view> requests{"full_name",      "national_id", "mobile",
                                                        "city",           "district",    "family_size",
                                                        "monthly_income", "description", "declaration_accepted"};
    static const std::vector<std::string_view> feedback{"name", "mobile", "text"};
    static const std::vector<std::string_view> volunteers{"name", "mobile", "skills_text", "availability_note"};
    return list == ListKind::requests ? requests : list == ListKind::feedback ? feedback : volunteers;
}

namespace {

bool open_state(std::string_view state) { return state == "received" || state == "in-review" || state == "needs-info"; }

}  // namespace

Permission change_permission(ListKind list) {
    return list == ListKind::requests   ? Permission::decide_requests
           : list == ListKind::feedback ? Permission::answer_feedback
                                        : Permission::update_volunteers;
}

Permission read_permission(ListKind list) {
    return list == ListKind::requests   ? Permission::read_requests
           : list == ListKind::feedback ? Permission::read_feedback
                                        : Permission::read_volunteers;
}

std::string value_label(const Pages& pages, Lang lang, std::string_view field, std::string_view value) {
    const std::string key = "value." + std::string(field) + "." + std::string(value);
    const auto& catalogue = pages.catalogue(lang);
    const auto it = catalogue.find(key);
    return it == catalogue.end() ? std::string(value) : it->second;
}

std::string clear_summary(const Pages& pages, Lang lang, ListKind list, const json& clear) {
    const std::string_view field = type_filter(list).field;
    const auto it = clear.find(std::string(field));
    if (it == clear.end()) return {};
    std::string out;
    auto add = [&](const json& v) {
        if (!v.is_string()) return;
        if (!out.empty()) out += lang == Lang::ar ? "، " : ", ";
        out += value_label(pages, lang, field, v.get<std::string>());
    };
    if (it->is_array())
        for (const auto& v : *it) add(v);
    else add(*it);
    return out;
}

namespace {

// A CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet never
// runs a visitor's text as a formula.
std::string csv_cell(std::string_view text) {
    std::string out = "\"";
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) out += '\'';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string json_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return {};
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

WebReply Console::home(Visit& visit) {
    mstch::array cards;
    for (ListKind list : {ListKind::requests, ListKind::feedback, ListKind::volunteers}) {
        if (!visit.may(read_permission(list))) continue;
        ListQuery waiting{.list = list, .state = std::string("received"), .limit = 1};
        auto page = data_.list(waiting);
        if (!page) return refusal(visit, 500, "storage");
        const std::string name(list_name(list));
        mstch::map card{
            {"id", name},
            {"title", pages_.text(visit.lang, "nav." + name)},
            {"href", "/console/" + name + "?state=received"},
            {"waiting", pages_.format(visit.lang, "home.waiting", {{"count", static_cast<double>(page->matching)}})}};
        if (!page->rows.empty()) {
            const auto& oldest = page->rows.front();
            card["oldest_href"] = "/console/" + name + "/" + oldest.record.kiosk + "/" + oldest.record.id;
            card["oldest"] =
                pages_.format(visit.lang, "home.oldest",
                              {{"days", static_cast<double>((visit.now_ms - oldest.record.created_ms) / kDayMs)}});
        }
        cards.push_back(std::move(card));
    }
    mstch::map data{{"cards", std::move(cards)},
                    {"greeting", pages_.text(visit.lang, "home.role." + std::string(to_string(visit.user->role)))}};
    if (visit.may(Permission::manage_key) && !keyring_.unlocked()) data["key_hint"] = true;
    return page(visit, "home", "home.title", "", std::move(data));
}

WebReply Console::list_page(Visit& visit, ListKind list) {
    ListQuery query{.list = list, .limit = kPageSize};
    mstch::map data;
    mstch::array problems;
    auto problem = [&](std::string_view key) { problems.push_back(pages_.text(visit.lang, key)); };
    const std::string state = visit.field("state");
    if (!state.empty()) {
        if (is_state_of(list, state)) query.state = state;
        else problem("list.bad.state");
    }
    const std::string kiosk = visit.field("kiosk");
    if (!kiosk.empty()) {
        if (characters(kiosk) <= 64) query.kiosk = kiosk;
        else problem("list.bad.kiosk");
    }
    const auto& types = type_filter(list);
    const std::string type = visit.field("type");
    if (!type.empty()) {
        if (std::find(types.values.begin(), types.values.end(), type) != types.values.end()) query.type = type;
        else problem("list.bad.type");
    }
    const std::string availability = visit.field("availability");
    if (list == ListKind::volunteers && !availability.empty()) {
        if (std::find(kAvailability.begin(), kAvailability.end(), availability) != kAvailability.end())
            query.availability = availability;
        else problem("list.bad.type");
    }
    const std::string from = visit.field("from"), to = visit.field("to");
    if (!from.empty()) {
        if (auto day = parse_day(from)) query.from_ms = *day;
        else problem("list.bad.date");
    }
    if (!to.empty()) {
        if (auto day = parse_day(to)) query.to_ms = *day + kDayMs;
        else problem("list.bad.date");
    }
    const std::string reference = visit.field("reference");
    if (!reference.empty()) {
        if (characters(reference) <= 32) query.reference = reference;
        else problem("list.bad.reference");
    }
    const std::string page_text = visit.field("page");
    std::size_t page_number = 1;
    if (!page_text.empty() && page_text.size() <= 6 && std::all_of(page_text.begin(), page_text.end(), ::isdigit))
        page_number = std::max<std::size_t>(1, std::stoul(page_text));
    query.offset = (page_number - 1) * kPageSize;

    const bool personal = visit.may(Permission::read_personal) && keyring_.unlocked();
    query.with_sealed = personal;  // the names come from each row's sealed part
    auto result = data_.list(query);
    if (!result) return refusal(visit, 500, "storage");
    const std::string name(list_name(list));

    // The filter pills: every state with its count (with the other filters applied).
    mstch::array pills;
    std::string others;  // the query without state and page, for the pills' links
    for (const auto& [k, v] : visit.query)
        if (k != "state" && k != "page" && k != "lang" && !v.empty())
            others += "&" + url_encode(k) + "=" + url_encode(v);
    std::size_t all = 0;
    for (const auto& s : states_of(list)) {
        const auto it = result->per_state.find(std::string(s));
        const std::size_t count = it == result->per_state.end() ? 0 : it->second;
        all += count;
        pills.push_back(mstch::map{{"state", std::string(s)},
                                   {"label", pages_.text(visit.lang, "state." + std::string(s))},
                                   {"count", std::to_string(count)},
                                   {"active", query.state && *query.state == s},
                                   {"href", "/console/" + name + "?state=" + std::string(s) + others}});
    }
    mstch::array rows;
    std::size_t shown_personal = 0;
    for (const auto& row : result->rows) {
        const std::int64_t age = visit.now_ms - row.record.created_ms;
        mstch::map r{{"reference", row.record.reference.empty() ? row.record.id : row.record.reference},
                     {"href", "/console/" + name + "/" + row.record.kiosk + "/" + row.record.id},
                     {"kiosk", row.record.kiosk},
                     {"type", clear_summary(pages_, visit.lang, list, row.record.clear)},
                     {"filed", format_day(row.record.created_ms)},
                     {"days", std::to_string(std::max<std::int64_t>(0, age / kDayMs))},
                     {"state", row.state},
                     {"state_label", pages_.text(visit.lang, "state." + row.state)},
                     {"overdue", list == ListKind::requests && open_state(row.state) && age > kCommitteeWindowMs}};
        // A list's rows carry no sealed part (data.h): the record itself holds it.
        if (personal && !row.record.sealed.empty()) {
            if (auto plain = keyring_.open(row.record.sealed)) {
                const json p = json::parse(*plain, nullptr, false);
                const char* field = list == ListKind::requests ? "full_name" : "name";
                if (p.is_object() && p.contains(field)) {
                    r["name"] = json_text(p[field]);
                    ++shown_personal;
                }
            }
        }
        rows.push_back(std::move(r));
    }
    if (shown_personal > 0) audit(visit, "list.view", name, std::to_string(shown_personal) + " names shown");
    mstch::array type_options;
    for (const auto& value : types.values)
        type_options.push_back(mstch::map{{"value", std::string(value)},
                                          {"label", value_label(pages_, visit.lang, types.field, value)},
                                          {"selected", type == value}});
    mstch::array availability_options;
    if (list == ListKind::volunteers)
        for (const auto& value : kAvailability)
            availability_options.push_back(mstch::map{{"value", std::string(value)},
                                                      {"label", value_label(pages_, visit.lang, "availability", value)},
                                                      {"selected", availability == value}});
    std::string csv_query = others + (query.state ? "&state=" + *query.state : "");
    if (!csv_query.empty()) csv_query[0] = '?';
    data = mstch::map{
        {"list", name},
        {"heading", pages_.text(visit.lang, "nav." + name)},
        {"pills", std::move(pills)},
        {"all_count", std::to_string(all)},
        {"all_href", "/console/" + name + (others.empty() ? "" : "?" + others.substr(1))},
        {"all_active", !query.state.has_value()},
        {"rows", std::move(rows)},
        {"empty", result->rows.empty()},
        {"personal", personal},
        {"is_requests", list == ListKind::requests},
        {"type_label", pages_.text(visit.lang, "list.type." + name)},
        {"type_options", std::move(type_options)},
        {"availability_options", std::move(availability_options)},
        {"is_volunteers", list == ListKind::volunteers},
        {"kiosk", kiosk},
        {"from", from},
        {"to", to},
        {"reference", reference},
        {"state", state},
        {"problems", std::move(problems)},
        {"can_export", visit.may(Permission::export_lists)},
        {"csv_href", "/console/" + name + ".csv" + csv_query},
        {"matching", pages_.format(visit.lang, "list.matching", {{"count", static_cast<double>(result->matching)}})}};
    if (query.offset + result->rows.size() < result->matching)
        data["next_href"] = "/console/" + name + "?page=" + std::to_string(page_number + 1) + others +
                            (query.state ? "&state=" + *query.state : "");
    if (page_number > 1)
        data["prev_href"] = "/console/" + name + "?page=" + std::to_string(page_number - 1) + others +
                            (query.state ? "&state=" + *query.state : "");
    return page(visit, "list", "nav." + name, name, std::move(data));
}

WebReply Console::list_csv(Visit& visit, ListKind list) {
    ListQuery query{.list = list, .limit = 500};
    if (auto s = visit.field("state"); is_state_of(list, s)) query.state = s;
    if (auto k = visit.field("kiosk"); !k.empty() && characters(k) <= 64) query.kiosk = k;
    const auto& types = type_filter(list);
    if (auto t = visit.field("type"); std::find(types.values.begin(), types.values.end(), t) != types.values.end())
        query.type = t;
    if (auto day = parse_day(visit.field("from"))) query.from_ms = *day;
    if (auto day = parse_day(visit.field("to"))) query.to_ms = *day + kDayMs;
    const bool personal = visit.may(Permission::read_personal) && keyring_.unlocked();
    query.with_sealed = personal;
    const auto& fields = personal_fields(list);
    std::string out = "\xEF\xBB\xBF";  // a BOM, so spreadsheets read the Arabic as UTF-8
    out += "reference,kiosk,id,filed,state," + std::string(type_filter(list).field);
    if (personal)
        for (const auto& f : fields) out += "," + std::string(f);
    out += "\r\n";
    std::size_t count = 0;
    for (;; query.offset += query.limit) {
        auto result = data_.list(query);
        if (!result) return refusal(visit, 500, "storage");
        for (const auto& row : result->rows) {
            out += csv_cell(row.record.reference) + "," + csv_cell(row.record.kiosk) + "," + csv_cell(row.record.id) +
                   "," + csv_cell(format_time(row.record.created_ms)) + "," + csv_cell(row.state) + "," +
                   csv_cell(clear_summary(pages_, visit.lang, list, row.record.clear));
            if (personal) {
                json p;
                if (auto plain = keyring_.open(row.record.sealed)) p = json::parse(*plain, nullptr, false);
                for (const auto& f : fields)
                    out +=
                        "," + csv_cell(p.is_object() && p.contains(std::string(f)) ? json_text(p[std::string(f)]) : "");
            }
            out += "\r\n";
            ++count;
        }
        if (result->rows.size() < query.limit) break;
    }
    audit(visit, "list.export", std::string(list_name(list)),
          std::to_string(count) + " rows" + (personal ? ", with personal data" : ""));
    WebReply reply;
    reply.content_type = "text/csv; charset=utf-8";
    reply.body = std::move(out);
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + std::string(list_name(list)) + ".csv\"");
    return reply;
}

}  // namespace kiosk_sync::hq::console
