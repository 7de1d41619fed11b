// `kiosk-hq export --csv FILE`: every record's dashboard data as CSV for a spreadsheet. No
// personal data (that needs `decrypt`). Cells a spreadsheet would run as a formula are
// prefixed with ', since visitors type some of this text.
// The columns are fixed: the record's own fields, then each kind's keys of `clear` (empty in
// rows of other kinds), then `clear.other` with any key not in that list as JSON. So the
// header is known before the first row, rows stream from the database one at a time, and
// memory stays flat however many records HQ holds.
#include <cstdio>
#include <string_view>
#include <vector>

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

struct KindColumns {
    std::string_view kind;
    std::vector<std::string> keys;  // of `clear`, as the kiosk writes them (kiosk/store/codec.cpp)
};

const std::vector<KindColumns>& kind_columns() {
    static const std::vector<KindColumns> columns = {
        {"support_request", {"request_type"}},
        {"feedback", {"category", "reply_requested"}},
        {"volunteer", {"skills", "availability"}},
        {"rating", {"overall", "wait", "courtesy", "clarity", "ease", "service", "counter", "has_comment"}},
    };
    return columns;
}

std::string csv_header() {
    std::string out = "id,kind,reference,kiosk,created,received,via,status,note";
    for (const auto& kind : kind_columns())
        for (const auto& key : kind.keys) out += "," + csv_cell("clear." + key, true);
    return out + ",clear.other\r\n";
}

std::string csv_row(const StoredRecord& s) {
    const auto& r = s.record;
    std::string out = csv_cell(r.id, true) + "," + csv_cell(r.kind, true) + "," + csv_cell(r.reference, true) + "," +
                      csv_cell(r.kiosk, true) + "," + format_utc(r.created_ms) + "," + format_utc(s.received_ms) + "," +
                      csv_cell(s.via, true) + "," + csv_cell(s.status, true) + "," + csv_cell(s.note, true);
    nlohmann::json other = r.clear.is_object() ? r.clear : nlohmann::json::object();
    for (const auto& kind : kind_columns()) {
        for (const auto& key : kind.keys) {
            out += ",";
            if (kind.kind != r.kind) continue;
            out += clear_cell(r.clear, key);
            other.erase(key);
        }
    }
    out += "," + (other.empty() ? std::string() : csv_cell(protocol::dump_json(other), true));
    return out + "\r\n";
}

}  // namespace

int cmd_export(const Args& args) {
    const auto dir = hq_dir_of(args);
    const auto* csv = args.option("--csv");
    if (!dir || csv == nullptr) {
        std::fprintf(stderr, "kiosk-hq: export needs --dir HQDIR and --csv FILE\n");
        return 2;
    }
    auto store = open_store(*dir);
    if (!store) {
        std::fprintf(stderr, "kiosk-hq: %s\n", store.error().c_str());
        return 1;
    }
    std::size_t count = 0;
    auto written = protocol::write_file_atomic_streamed(
        *csv, 0640, [&](const protocol::WriteSink& write) -> std::expected<void, std::string> {
            // A UTF-8 byte order mark makes spreadsheet programs read Arabic text correctly.
            if (!write("\xEF\xBB\xBF" + csv_header())) return {};
            return (*store)->each_record([&](const StoredRecord& stored) {
                ++count;
                return write(csv_row(stored));
            });
        });
    if (!written) {
        std::fprintf(stderr, "kiosk-hq: %s\n", written.error().c_str());
        return 1;
    }
    std::printf("exported %zu records to %s\n", count, csv->c_str());
    return 0;
}

}  // namespace kiosk_sync::hq
