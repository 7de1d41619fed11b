// `kiosk-hq export --csv FILE`: every record's dashboard data as CSV for a spreadsheet, one
// column per key of `clear`. No personal data (that needs `decrypt`). Cells a spreadsheet
// would run as a formula are prefixed with ', since visitors type some of this text.
#include <cstdio>
#include <set>

#include "sync/hq/cli.h"
#include "sync/hq/hq_dir.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

std::string csv_cell(std::string text, bool is_text) {
    if (is_text && !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string clear_cell(const nlohmann::json& clear, const std::string& key) {
    const auto* value = protocol::find_member(clear, key);
    if (value == nullptr || value->is_null()) return {};
    if (value->is_string()) return csv_cell(value->get_ref<const std::string&>(), true);
    return csv_cell(protocol::dump_json(*value), !value->is_number() && !value->is_boolean());
}

std::string csv_text(const std::vector<StoredRecord>& records) {
    std::set<std::string> clear_keys;
    for (const auto& stored : records)
        for (const auto& item : stored.record.clear.items()) clear_keys.insert(item.key());
    std::string out = "id,kind,reference,kiosk,created,received,via,status,note";
    for (const auto& key : clear_keys) out += "," + csv_cell("clear." + key, true);
    out += "\r\n";
    for (const auto& s : records) {
        const auto& r = s.record;
        out += csv_cell(r.id, true) + "," + csv_cell(r.kind, true) + "," + csv_cell(r.reference, true) + "," +
               csv_cell(r.kiosk, true) + "," + format_utc(r.created_ms) + "," + format_utc(s.received_ms) + "," +
               csv_cell(s.via, true) + "," + csv_cell(s.status, true) + "," + csv_cell(s.note, true);
        for (const auto& key : clear_keys) out += "," + clear_cell(r.clear, key);
        out += "\r\n";
    }
    return out;
}

}  // namespace

int cmd_export(const Args& args) {
    const auto* dir_text = args.option("--dir");
    const auto* csv = args.option("--csv");
    if (dir_text == nullptr || csv == nullptr) {
        std::fprintf(stderr, "kiosk-hq: export needs --dir HQDIR and --csv FILE\n");
        return 2;
    }
    auto store = open_store(HqDir{*dir_text});
    if (!store) {
        std::fprintf(stderr, "kiosk-hq: %s\n", store.error().c_str());
        return 1;
    }
    auto records = (*store)->records(std::nullopt);
    if (!records) {
        std::fprintf(stderr, "kiosk-hq: %s\n", records.error().c_str());
        return 1;
    }
    // A UTF-8 byte order mark makes spreadsheet programs read Arabic text correctly.
    if (auto written = protocol::write_file_atomic(*csv, "\xEF\xBB\xBF" + csv_text(*records), 0640); !written) {
        std::fprintf(stderr, "kiosk-hq: %s\n", written.error().c_str());
        return 1;
    }
    std::printf("exported %zu records to %s\n", records->size(), csv->c_str());
    return 0;
}

}  // namespace kiosk_sync::hq
