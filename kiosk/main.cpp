// kiosk — the visitor-facing kiosk. See DESIGN.md, "Command line", for every option.
//
// Exit status: 0 normal end (or a replay that ran to its end), 1 start-up failure,
// 2 bad command line, 3 a replay step failed (one line on stderr names it).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>

#include "kiosk/app.h"
#include "kiosk/config.h"
#include "kiosk/options.h"
#include "kiosk/staff/export_job.h"
#include "kiosk/staff/pin.h"
#include "kiosk/store/store.h"
#include "kiosk/sync_outbox.h"
#include "sync/client/client.h"
#include "sync/client/export.h"
#include "sync/protocol/kiosk_files.h"
#include "ui/platform/clock.h"
#include "ui/platform/host.h"
#include "ui/platform/replay.h"
#include "ui/platform/resources.h"

namespace {

constexpr std::int64_t kHeadlessWallStartMs = 1773556200000;  // 2026-03-15 09:30 in Riyadh

int fail(const std::string& why) {
    std::fprintf(stderr, "kiosk: %s\n", why.c_str());
    return 1;
}

// --set-staff-pin: one line of 4 to 12 digits on standard input becomes the staff PIN (its
// Argon2id hash in the store's settings). Exit 0 when stored, 1 otherwise.
int set_staff_pin(const std::filesystem::path& data_dir, const std::string& kiosk_id) {
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    if (!kiosk::staff::pin_format_ok(pin)) {
        std::fprintf(stderr, "kiosk: the staff PIN must be 4 to 12 digits (0-9) on one line; nothing was changed\n");
        return 1;
    }
    kiosk::store::StoreOptions store_options;
    store_options.kiosk_id = kiosk_id;
    auto store = kiosk::store::Store::open(data_dir, std::move(store_options));
    if (!store) {
        std::fprintf(stderr, "kiosk: cannot open the store in %s: %s\n", data_dir.c_str(),
                     store.error().detail.c_str());
        return 1;
    }
    if (!kiosk::staff::set_pin(*store, pin)) {
        std::fprintf(stderr, "kiosk: the staff PIN could not be stored in %s; nothing was changed\n", data_dir.c_str());
        return 1;
    }
    std::printf("kiosk: the staff PIN is set; earlier wrong tries are forgotten\n");
    return 0;
}

// Staff mode's export: every queued record, sealed and signed with this kiosk's secret, read
// back from the drive. Its own Store connection, like the sync worker's.
kiosk::staff::StaffServices::Writer make_exporter(const std::filesystem::path& data_dir,
                                                  const kiosk_sync::protocol::KioskIdentity& identity) {
    auto write = [data_dir, identity](const std::filesystem::path& dir, std::int64_t now_ms,
                                      const kiosk::staff::StaffServices::Progress& progress)
        -> std::expected<kiosk::staff::ExportedBundle, std::string> {
        kiosk::store::StoreOptions store_options;
        store_options.kiosk_id = identity.kiosk_id;
        auto opened = kiosk::store::Store::open(data_dir, std::move(store_options));
        if (!opened) return std::unexpected(opened.error().detail);
        auto outbox = kiosk::make_store_outbox(std::move(*opened));
        auto on_progress = [&progress](kiosk_sync::protocol::BundleStage stage, double fraction) {
            using kiosk_sync::protocol::BundleStage;
            using kiosk::staff::ExportStage;
            if (progress)
                progress(stage == BundleStage::reading_queue ? ExportStage::reading_queue
                         : stage == BundleStage::writing     ? ExportStage::writing
                                                             : ExportStage::verifying,
                         fraction);
        };
        auto written = kiosk_sync::client::export_bundle(
            *outbox, dir, identity.kiosk_id, identity.secret,
            std::chrono::system_clock::time_point(std::chrono::milliseconds(now_ms)), on_progress);
        if (!written) return std::unexpected(written.error());
        return kiosk::staff::ExportedBundle{written->path, written->count};
    };
    return write;
}

// Deterministic bytes for headless runs: replays must issue the same references every run,
// so that their screenshots compare.
void replay_random(std::span<std::uint8_t> out) {
    static std::uint64_t state = 0x6d6f756a6b696f73;
    for (auto& byte : out) {
        state += 0x9e3779b97f4a7c15ULL;  // splitmix64
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        byte = static_cast<std::uint8_t>(z ^ (z >> 31));
    }
}

// A kiosk whose storage cannot open still informs visitors; forms then say calmly that
// they cannot be received, and staff read why here.
std::optional<kiosk::store::Store> open_store(const std::filesystem::path& data_dir, const kiosk::KioskConfig& config,
                                              const std::shared_ptr<ui::platform::Clock>& clock) {
    kiosk::store::StoreOptions store_options;
    store_options.kiosk_id = config.kiosk_id;
    store_options.utc_offset_minutes = config.utc_offset_minutes;
    store_options.max_db_bytes = config.max_db_bytes;
    store_options.clock_ms = [clock] { return clock->wall_ms(); };
    if (clock->is_virtual()) store_options.random = replay_random;
    auto opened = kiosk::store::Store::open(data_dir, std::move(store_options));
    if (opened) return std::move(*opened);
    std::fprintf(stderr, "kiosk: storage in %s is unavailable (%s): %s\n", data_dir.c_str(),
                 std::string(kiosk::store::to_string(opened.error().kind)).c_str(), opened.error().detail.c_str());
    return std::nullopt;
}

std::unique_ptr<ui::platform::Host> open_host(const kiosk::Options& options, std::string title,
                                              std::shared_ptr<ui::platform::Clock> clock) {
    auto host = ui::platform::Host::create(ui::platform::HostOptions{.headless = options.headless,
                                                                     .windowed = options.windowed,
                                                                     .width = options.width,
                                                                     .height = options.height,
                                                                     .title = std::move(title),
                                                                     .clock = std::move(clock)});
    if (host) return std::move(*host);
    std::fprintf(
        stderr,
        "kiosk: cannot open the display (%s). To run without one: kiosk --headless --size 1280x800 --replay FILE\n",
        host.error().c_str());
    return nullptr;
}

// Sync starts only on a provisioned kiosk (kiosk-hq provision wrote its id, secret and
// HQ's key); an unprovisioned one keeps everything queued until it is. Fills in what staff
// mode offers of sync and the export.
std::unique_ptr<kiosk_sync::client::Client> start_sync(const std::filesystem::path& data_dir,
                                                       const kiosk::KioskConfig& config,
                                                       const std::shared_ptr<ui::platform::Clock>& clock,
                                                       kiosk::staff::StaffServices& staff) {
    auto identity = kiosk_sync::protocol::load_kiosk_identity(data_dir);
    if (!identity) {
        std::fprintf(stderr, "kiosk: not provisioned for sync (%s); records stay queued\n", identity.error().c_str());
        return nullptr;
    }
    staff.write_bundle = make_exporter(data_dir, *identity);
    staff.export_job = std::make_shared<kiosk::staff::ExportJob>();
    auto sync_config = kiosk_sync::client::ClientConfig::from_identity(*identity);
    if (!config.hq_url.empty()) sync_config.hq_url = config.hq_url;
    staff.hq_url = sync_config.hq_url;
    if (sync_config.hq_url.empty()) return nullptr;
    sync_config.clock = [clock] {
        return std::chrono::system_clock::time_point(std::chrono::milliseconds(clock->wall_ms()));
    };
    auto sync = std::make_unique<kiosk_sync::client::Client>(sync_config,
                                                             kiosk::store_outbox_factory(data_dir, identity->kiosk_id));
    sync->start();
    return sync;
}

// A replay (exit 3 when a step fails) or the interactive loop.
int drive(ui::platform::Host& host, kiosk::KioskApp& app, const kiosk::Options& options) {
    int status = 0;
    if (!options.replay.empty()) {
        std::ifstream replay(options.replay);
        if (!replay) {
            std::fprintf(stderr, "kiosk: replay step 0: cannot open %s\n", options.replay.c_str());
            return 3;
        }
        auto result = ui::platform::run_replay(host, app, replay,
                                               ui::platform::ReplayOptions{.screenshots_dir = options.screenshots});
        if (!result) {
            std::fprintf(stderr, "kiosk: replay step %d: %s\n", result.error().step, result.error().reason.c_str());
            status = 3;
        }
    } else {
        host.run(app, options.run_for_s * 1000.0);
    }
    if (options.stats) {
        const auto& s = host.stats();
        std::printf("{\"frames\":%llu,\"first_frame_ms\":%.1f}\n", static_cast<unsigned long long>(s.frames),
                    s.first_frame_ms);
    }
    return status;
}

kiosk::AppConfig app_config(const kiosk::KioskConfig& config, ui::i18n::Lang lang) {
    return kiosk::AppConfig{
        .default_lang = lang,
        .digits = config.digits == "arabic-indic" ? ui::text::Digits::ArabicIndic : ui::text::Digits::Western,
        .utc_offset_minutes = config.utc_offset_minutes,
        .idle_seconds = std::max(20.0, config.idle_seconds)};
}

int run(const kiosk::Options& options) {
    // One clock for everything, made first: virtual in a headless run (see clock.h).
    auto clock =
        options.headless ? ui::platform::make_virtual_clock(kHeadlessWallStartMs) : ui::platform::make_system_clock();
    const std::string share = ui::platform::share_dir();
    auto strings = ui::i18n::Strings::load(share + "/assets/strings");
    if (!strings) return fail(strings.error());
    auto content = kiosk::session::load_content(share + "/assets/content.json");
    if (!content) return fail(content.error());
    const std::filesystem::path data_dir =
        options.data_dir.empty() ? kiosk::default_data_dir() : std::filesystem::path(options.data_dir);
    auto config = kiosk::load_config(data_dir, options.config_file);
    if (!config) return fail(config.error());
    if (!options.hq_url.empty()) config->hq_url = options.hq_url;
    // --lang wins; otherwise the language the kiosk is configured to greet in.
    const ui::i18n::Lang lang =
        options.lang.value_or(config->default_lang == "en" ? ui::i18n::Lang::En : ui::i18n::Lang::Ar);
    if (options.set_staff_pin) return set_staff_pin(data_dir, config->kiosk_id);

    std::optional<kiosk::store::Store> store = open_store(data_dir, *config, clock);
    auto host = open_host(options, std::string(strings->catalog(lang).get("app.name")), clock);
    if (!host) return 1;
    // The engine's atlas textures belong to the host's renderer: made after it, freed before it.
    auto engine = ui::text::Engine::create(share + "/fonts");
    if (!engine) return fail(engine.error());
    (*engine)->set_texture_sink(&host->texture_sink());
    kiosk::KioskApp app(**engine, std::move(*strings), std::move(*content), app_config(*config, lang),
                        store ? &*store : nullptr);

    kiosk::staff::StaffServices staff_services{
        .kiosk_id = config->kiosk_id, .hq_url = config->hq_url, .drive_roots = config->drive_roots};
    std::unique_ptr<kiosk_sync::client::Client> sync;
    if (store) sync = start_sync(data_dir, *config, clock, staff_services);
    app.set_sync(sync.get());
    app.set_staff_services(std::move(staff_services));
    return drive(*host, app, options);
}

}  // namespace

int main(int argc, char** argv) {
    auto options = kiosk::parse_options(argc, argv);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n%s", options.error().c_str(), kiosk::usage());
        return 2;
    }
    if (options->help) {
        std::fputs(kiosk::usage(), stdout);
        return 0;
    }
    return run(*options);
}
