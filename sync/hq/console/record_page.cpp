// A record's page in the console — its clear and (for the right role, with the key unlocked)
// decrypted fields, the signature, related records and the history — and its state changes;
// see app.h.
#include <algorithm>
#include <sstream>

#include "sync/hq/console/visit.h"

namespace kiosk_sync::hq::console {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxNoteChars = 2000;

// An SVG drawing of the visitor's signature from its strokes; numbers only reach the markup
// after being read as numbers, so nothing in the sealed data can inject markup.
std::string signature_svg(const json& signature) {
    if (!signature.is_object()) return {};
    const double width = signature.value("width", 0.0);
    const double height = signature.value("height", 0.0);
    const auto strokes = signature.find("strokes");
    if (!(width > 0 && height > 0 && width < 10000 && height < 10000) || strokes == signature.end() ||
        !strokes->is_array())
        return {};
    std::ostringstream svg;
    svg.precision(5);
    svg << "<svg class=\"signature\" role=\"img\" viewBox=\"0 0 " << width << ' ' << height
        << "\" xmlns=\"http://www.w3.org/2000/svg\">";
    for (const auto& stroke : *strokes) {
        if (!stroke.is_array() || stroke.empty()) continue;
        svg << "<polyline fill=\"none\" stroke=\"#1b2a4a\" stroke-width=\"3\" stroke-linecap=\"round\" "
               "stroke-linejoin=\"round\" points=\"";
        for (const auto& point : stroke) {
            if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) continue;
            svg << point[0].get<double>() << ',' << point[1].get<double>() << ' ';
        }
        svg << "\"/>";
    }
    svg << "</svg>";
    return svg.str();
}

// The field's value as a reader sees it: yes/no for the declaration, text otherwise.
std::string field_text(const Pages& pages, Lang lang, std::string_view name, const json& value) {
    if (value.is_boolean()) return pages.text(lang, value.get<bool>() ? "value.yes" : "value.no");
    (void)name;
    return json_text(value);
}

// The keyed marks of a record's identifying values, for finding other records of the same
// person without keeping any plain hash of an ID.
std::vector<std::string> marks_of(Keyring& keyring, const json& personal) {
    std::vector<std::string> marks;
    for (const char* field : {"national_id", "mobile"}) {
        const auto it = personal.find(field);
        if (it == personal.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) continue;
        if (auto mark = keyring.mark(field, it->get<std::string>())) marks.push_back(std::move(*mark));
    }
    return marks;
}

}  // namespace

WebReply Console::record_page(Visit& visit, ListKind list, const RecordKey& key, mstch::map form, int status) {
    auto found = data_.record(key);
    if (!found) return refusal(visit, 500, "storage");
    if (!*found || (*found)->record.kind != record_kind_of(list)) return refusal(visit, 404, "not_found");
    const RecordView& view = **found;
    const std::string name(list_name(list));
    const bool may_read = visit.may(Permission::read_personal);
    mstch::map data = std::move(form);
    data["list"] = name;
    data["reference"] = view.record.reference.empty() ? view.record.id : view.record.reference;
    data["kiosk"] = view.record.kiosk;
    data["filed"] = format_time(view.record.created_ms);
    data["received"] = format_time(view.received_ms);
    data["days"] = pages_.format(
        visit.lang, "record.days",
        {{"days", static_cast<double>(std::max<std::int64_t>(0, visit.now_ms - view.record.created_ms) / kDayMs)}});
    data["state"] = view.state;
    data["state_label"] = pages_.text(visit.lang, "state." + view.state);
    data["type"] = clear_summary(pages_, visit.lang, list, view.record.clear);
    data["type_label"] = pages_.text(visit.lang, "list.type." + name);
    data["back_href"] = "/console/" + name;
    if (visit.field("saved") == "1") data["saved"] = true;
    data["action"] = "/console/" + name + "/" + key.kiosk + "/" + key.id + "/state";

    std::optional<std::string> plain;
    if (may_read && !view.record.sealed.empty()) plain = keyring_.open(view.record.sealed);
    if (plain) {
        const json personal = json::parse(*plain, nullptr, false);
        mstch::array fields;
        for (const auto& field : personal_fields(list)) {
            const std::string f(field);
            const auto it = personal.is_object() ? personal.find(f) : personal.end();
            // A field the visitor left empty is not a row of blanks.
            if (!personal.is_object() || it == personal.end() || it->is_null() ||
                (it->is_string() && it->get_ref<const std::string&>().empty()))
                continue;
            fields.push_back(mstch::map{{"name", f},
                                        {"label", pages_.text(visit.lang, "field." + f)},
                                        {"value", field_text(pages_, visit.lang, f, *it)},
                                        {"long", f == "description" || f == "text"}});
        }
        data["fields"] = std::move(fields);
        if (personal.is_object() && personal.contains("signature")) {
            const std::string svg = signature_svg(personal["signature"]);
            if (!svg.empty()) data["signature"] = svg;
        }
        audit(visit, "record.view", key.kiosk + "/" + key.id, "reference " + view.record.reference);
        if (personal.is_object()) {
            const auto marks = marks_of(keyring_, personal);
            if (!marks.empty()) (void)data_.put_marks(key, marks);
            mstch::array related;
            for (const auto& other : data_.sharing_marks(key).value_or(std::vector<RecordView>{})) {
                if (other.record.kind != "support_request") continue;
                related.push_back(
                    mstch::map{{"reference", other.record.reference},
                               {"href", "/console/requests/" + other.record.kiosk + "/" + other.record.id},
                               {"filed", format_day(other.record.created_ms)},
                               {"state_label", pages_.text(visit.lang, "state." + other.state)}});
            }
            data["has_related"] = !related.empty();
            data["related"] = std::move(related);
            data["show_related"] = list == ListKind::requests;
        }
    } else {
        const std::string why = !may_read                    ? "record.sealed.role"
                                : view.record.sealed.empty() ? "record.sealed.none"
                                : keyring_.unlocked()        ? "record.sealed.damaged"
                                                             : "record.sealed.locked";
        data["sealed"] = pages_.text(visit.lang, why);
    }

    mstch::array history;
    for (const auto& entry : data_.history(key).value_or(std::vector<HistoryEntry>{}))
        history.push_back(mstch::map{{"at", format_time(entry.at_ms)},
                                     {"actor", entry.actor},
                                     {"state_label", pages_.text(visit.lang, "state." + entry.state)},
                                     {"note_ar", entry.note_ar},
                                     {"note_en", entry.note_en}});
    data["has_history"] = !history.empty();
    data["history"] = std::move(history);

    if (visit.may(change_permission(list))) {
        mstch::array choices;
        const std::string chosen = visit.field("state");
        for (const auto& s : states_of(list)) {
            if (s == "received") continue;
            choices.push_back(mstch::map{{"state", std::string(s)},
                                         {"label", pages_.text(visit.lang, "state." + std::string(s))},
                                         {"checked", chosen == s}});
        }
        data["can_decide"] = true;
        data["choices"] = std::move(choices);
        data["decision_heading"] = pages_.text(visit.lang, "record.decision." + name);
        data["submit_label"] = pages_.text(visit.lang, "record.submit." + name);
    }
    return page(visit, "record", "record.title." + name, name, std::move(data), status);
}

WebReply Console::change_state(Visit& visit, ListKind list, const RecordKey& key) {
    if (!visit.may(change_permission(list))) return refusal(visit, 403, "forbidden");
    const std::string state = visit.field("state");
    const std::string note_ar = visit.field("note_ar");
    const std::string note_en = visit.field("note_en");
    mstch::array problems;
    auto problem = [&](std::string_view k) { problems.push_back(pages_.text(visit.lang, k)); };
    if (!is_state_of(list, state) || state == "received") problem("decision.bad.state");
    if (characters(note_ar) > kMaxNoteChars || characters(note_en) > kMaxNoteChars) problem("decision.bad.long");
    // A visitor asked for more information, or refused, is owed a reason they can read.
    const bool blank = note_ar.find_first_not_of(" \t\r\n") == std::string::npos &&
                       note_en.find_first_not_of(" \t\r\n") == std::string::npos;
    if ((state == "needs-info" || state == "rejected") && blank) problem("decision.bad.note_needed");
    if (!problems.empty()) {
        mstch::map form{{"problems", std::move(problems)}, {"note_ar", note_ar}, {"note_en", note_en}};
        return record_page(visit, list, key, std::move(form), 422);
    }
    auto found = data_.record(key);
    if (!found) return refusal(visit, 500, "storage");
    if (!*found || (*found)->record.kind != record_kind_of(list)) return refusal(visit, 404, "not_found");
    auto changed = data_.change_state(key, HistoryEntry{visit.now_ms, visit.user->name, state, note_ar, note_en});
    if (!changed) return refusal(visit, 500, "storage");
    if (!*changed) return refusal(visit, 404, "not_found");
    audit(visit, "record.state", key.kiosk + "/" + key.id, state);
    return redirect(visit, "/console/" + std::string(list_name(list)) + "/" + key.kiosk + "/" + key.id + "?saved=1");
}

}  // namespace kiosk_sync::hq::console
