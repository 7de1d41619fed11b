// The console's key page (unlock, lock), the audit log's page and its check, and the static
// files; see app.h.

#include <sodium.h>
#include <zlib.h>

#include "sync/hq/console/visit.h"
#include "sync/protocol/file_io.h"

namespace kiosk_sync::hq::console {
namespace {

constexpr std::size_t kAuditPage = 100;
// Records marked per unlock, so an unlock never stalls on a large backlog; the rest are
// marked as their pages are opened, or at the next unlock.
constexpr std::size_t kMarksPerUnlock = 2000;

// The gzip form of a file, compressed once at start (Bootstrap's stylesheet shrinks from about
// 200 KB to 27 KB); empty when compressing fails, and the file is then sent as it is.
std::string gzip(const std::string& body) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, body.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int done = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return done == Z_STREAM_END ? out : std::string();
}

std::string etag_of(const std::string& body) {
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "\"" + std::string(hex) + "\"";
}

}  // namespace

std::expected<std::map<std::string, StaticFile, std::less<>>, std::string> load_static_files(
    const std::filesystem::path& share) {
    struct Source {
        const char* name;
        std::filesystem::path path;
        const char* type;
    };
    const Source sources[] = {
        {"bootstrap.rtl.min.css", share / "console-static" / "bootstrap.rtl.min.css", "text/css; charset=utf-8"},
        {"bootstrap.ltr.min.css", share / "console-static" / "bootstrap.ltr.min.css", "text/css; charset=utf-8"},
        {"console.css", share / "assets" / "console" / "console.css", "text/css; charset=utf-8"},
        {"NotoSansArabicUI-Regular.ttf", share / "fonts" / "NotoSansArabicUI-Regular.ttf", "font/ttf"},
        {"NotoSansArabicUI-Bold.ttf", share / "fonts" / "NotoSansArabicUI-Bold.ttf", "font/ttf"},
    };
    std::map<std::string, StaticFile, std::less<>> files;
    for (const auto& source : sources) {
        auto body = protocol::read_file(source.path);
        if (!body) return std::unexpected("cannot read the console's " + source.path.string());
        std::string etag = etag_of(*body);
        std::string gzipped = gzip(*body);
        files[source.name] = StaticFile{source.type, std::move(*body), std::move(gzipped), std::move(etag)};
    }
    return files;
}

WebReply Console::static_file(const Visit& visit, std::string_view name) const {
    const auto it = setup_.static_files.find(name);
    WebReply reply;
    if (it == setup_.static_files.end()) {
        reply.status = 404;
        reply.content_type = "text/plain; charset=utf-8";
        return reply;
    }
    reply.headers.emplace_back("ETag", it->second.etag);
    reply.headers.emplace_back("Cache-Control", "public, max-age=86400");
    reply.headers.emplace_back("Vary", "Accept-Encoding");
    reply.content_type = it->second.content_type;
    if (!it->second.gzipped.empty() && visit.request.accept_encoding.find("gzip") != std::string::npos) {
        reply.headers.emplace_back("Content-Encoding", "gzip");
        reply.body = it->second.gzipped;
    } else {
        reply.body = it->second.body;
    }
    return reply;
}

WebReply Console::key_page(Visit& visit, std::string message, bool error, int status) {
    mstch::map data{{"unlocked", keyring_.unlocked()}};
    if (!message.empty()) {
        data["message"] = std::move(message);
        data["error"] = error;
    }
    return page(visit, "key", "key.title", "key", std::move(data), status);
}

WebReply Console::key_action(Visit& visit, bool unlock) {
    if (!unlock) {
        keyring_.lock();
        audit(visit, "key.lock", "", "");
        return key_page(visit, pages_.text(visit.lang, "key.done.locked"), false);
    }
    const std::string passphrase = visit.field("passphrase");
    if (passphrase.empty() || passphrase.size() > 1024)
        return key_page(visit, pages_.text(visit.lang, "key.wrong"), true, 422);
    const Keyring::Attempt attempt = keyring_.unlock(passphrase);
    const double seconds = static_cast<double>((attempt.wait_ms + 999) / 1000);
    switch (attempt.outcome) {
    case Keyring::Outcome::unlocked:
        audit(visit, "key.unlock", "", "");
        mark_unmarked();
        return key_page(visit, pages_.text(visit.lang, "key.done.unlocked"), false);
    case Keyring::Outcome::wrong_passphrase:
        audit(visit, "key.unlock.failed", "", "wrong passphrase");
        return key_page(visit, pages_.format(visit.lang, "key.wrong_wait", {{"seconds", seconds}}), true, 422);
    case Keyring::Outcome::wait:
        return key_page(visit, pages_.format(visit.lang, "key.wait", {{"seconds", seconds}}), true, 429);
    case Keyring::Outcome::damaged:
        audit(visit, "key.unlock.failed", "", "key file damaged");
        return key_page(visit, pages_.text(visit.lang, "key.damaged"), true, 500);
    case Keyring::Outcome::no_key:
        audit(visit, "key.unlock.failed", "", "no wrapped key file");
        return key_page(visit, pages_.text(visit.lang, "key.missing"), true, 500);
    case Keyring::Outcome::no_memory: return key_page(visit, pages_.text(visit.lang, "key.no_memory"), true, 500);
    }
    return key_page(visit, "", false);
}

void Console::mark_unmarked() {
    auto keys = data_.unmarked(kMarksPerUnlock);
    if (!keys) return;
    for (const auto& key : *keys) {
        auto found = data_.record(key);
        if (!found || !*found) continue;
        auto plain = keyring_.open((*found)->record.sealed);
        std::vector<std::string> marks;
        if (plain) {
            const auto personal = nlohmann::json::parse(*plain, nullptr, false);
            for (const char* field : {"national_id", "mobile"}) {
                if (!personal.is_object() || !personal.contains(field) || !personal[field].is_string()) continue;
                const auto& value = personal[field].get_ref<const std::string&>();
                if (value.empty()) continue;
                if (auto mark = keyring_.mark(field, value)) marks.push_back(std::move(*mark));
            }
        }
        // A record with nothing to mark gets an empty set, so it is not read again.
        (void)data_.put_marks(key, marks);
    }
}

WebReply Console::audit_page(Visit& visit, std::string verdict) {
    std::size_t page_number = 1;
    const std::string page_text = visit.field("page");
    if (!page_text.empty() && page_text.size() <= 6 && page_text.find_first_not_of("0123456789") == std::string::npos)
        page_number = std::max<std::size_t>(1, std::stoul(page_text));
    auto entries = data_.audit_page(kAuditPage, (page_number - 1) * kAuditPage);
    auto count = data_.audit_count();
    if (!entries || !count) return refusal(visit, 500, "storage");
    // An action in the reader's words; its code stays beside it for searching the log.
    auto action_label = [&](const std::string& code) {
        const auto& catalogue = pages_.catalogue(visit.lang);
        const auto it = catalogue.find("audit.action." + code);
        return it == catalogue.end() ? code : it->second;
    };
    mstch::array rows;
    for (const auto& e : *entries)
        rows.push_back(mstch::map{{"seq", std::to_string(e.seq)},
                                  {"at", format_time(e.at_ms)},
                                  {"actor", e.actor},
                                  {"action", action_label(e.action)},
                                  {"code", e.action},
                                  {"subject", e.subject},
                                  {"detail", e.detail}});
    mstch::map data{{"rows", std::move(rows)},
                    {"count", pages_.format(visit.lang, "audit.count", {{"count", static_cast<double>(*count)}})}};
    if (!verdict.empty()) data["verdict"] = std::move(verdict);
    if (page_number * kAuditPage < *count) data["next_href"] = "/console/audit?page=" + std::to_string(page_number + 1);
    if (page_number > 1) data["prev_href"] = "/console/audit?page=" + std::to_string(page_number - 1);
    return page(visit, "audit", "audit.title", "audit", std::move(data));
}

WebReply Console::audit_verify(Visit& visit) {
    auto chain = data_.audit_chain();
    if (!chain) return refusal(visit, 500, "storage");
    const auto broken = first_broken(chain->entries, chain->head_seq, chain->head_hash);
    std::string verdict;
    if (!broken) {
        verdict = pages_.format(visit.lang, "audit.whole", {{"count", static_cast<double>(chain->entries.size())}});
    } else {
        const double seq = *broken < chain->entries.size() ? static_cast<double>(chain->entries[*broken].seq)
                                                           : static_cast<double>(chain->head_seq);
        verdict = pages_.format(visit.lang, "audit.broken", {{"seq", seq}});
    }
    audit(visit, "audit.verify", "", broken ? "broken" : "whole");
    return audit_page(visit, std::move(verdict));
}

}  // namespace kiosk_sync::hq::console
