// Benchmarks for kiosk/store. The number that matters is the ratio of a sealed support
// request's commit (submit(): JSON, crypto_box_seal, four inserts, COMMIT with
// synchronous=FULL) to the floor: one bare INSERT of the same wire bytes, committed with the
// same pragmas, in the same run on the same disk. Goal: median ≤ 1.5× the floor.
// Per-commit medians and p99 are reported as counters (microseconds); the paired benchmark
// alternates the two so disk noise hits both alike. Set TMPDIR to bench another disk.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>

#include <sodium.h>

#include "kiosk/store/store.h"
#include "sync/protocol/sql/sqlite.h"

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

class BenchDir {
public:
    BenchDir()
        : path_(std::filesystem::temp_directory_path() / ("kiosk-bench-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(path_);
    }
    ~BenchDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

store::PublicKey hq_key() {
    if (sodium_init() < 0) std::abort();
    store::PublicKey pk{};
    std::array<std::uint8_t, 32> sk{};
    crypto_box_keypair(pk.data(), sk.data());
    return pk;
}

// A realistic request: a full description and a signature of about 300 points.
domain::SupportRequest sample_request() {
    domain::SupportRequest r{"عبدالرحمن بن صالح الدوسري",
                             "1045678909",
                             "0551239876",
                             "الدمام",
                             "حي الفيصلية",
                             7,
                             3200,
                             "rent",
                             "",
                             true,
                             {600, 200, {}}};
    for (int i = 0; i < 6; ++i) r.description += "نطلب المساعدة في سداد الإيجار المتأخر بسبب ظروف صحية. ";
    for (int s = 0; s < 4; ++s) {
        domain::Stroke stroke;
        for (int i = 0; i < 75; ++i) {
            const double t = i / 10.0;
            stroke.push_back({static_cast<float>(60 + s * 120 + i), static_cast<float>(100 + 50 * std::sin(t + s))});
        }
        r.signature.strokes.push_back(std::move(stroke));
    }
    return r;
}

store::Store open_store(const std::filesystem::path& dir) {
    store::StoreOptions options;
    options.kiosk_id = "bench-kiosk";
    options.hq_public_key = hq_key();
    auto opened = store::Store::open(dir, options);
    if (!opened) std::abort();
    return std::move(*opened);
}

// The floor: the same connection settings, one table, one prepared INSERT per commit.
class BareTable {
public:
    explicit BareTable(const std::filesystem::path& file)
        : db_(opened(file)), insert_(prepared(db_, "INSERT INTO t (id, body) VALUES (?, ?)")) {}
    void insert(const std::string& body) {
        const std::string id = std::to_string(++n_);
        if (!insert_.bind(1, id).bind(2, body).run()) std::abort();
        insert_.reset();
    }

private:
    static kiosk_sync::sql::Connection opened(const std::filesystem::path& file) {
        auto db = kiosk_sync::sql::open_sqlite(file, {.create = true});
        if (!db || !db->exec("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL)")) std::abort();
        return std::move(*db);
    }
    static kiosk_sync::sql::Statement prepared(kiosk_sync::sql::Connection& db, std::string_view sql) {
        auto statement = db.prepare(sql);
        if (!statement) std::abort();
        return std::move(*statement);
    }

    kiosk_sync::sql::Connection db_;
    kiosk_sync::sql::Statement insert_;
    long n_ = 0;
};

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

void report(benchmark::State& state, const std::string& prefix, const std::vector<double>& us) {
    state.counters[prefix + "median_us"] = percentile(us, 0.5);
    state.counters[prefix + "p99_us"] = percentile(us, 0.99);
}

template <class F>
double time_us(F&& f) {
    const auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

void BM_CommitSealedSupportRequest(benchmark::State& state) {
    BenchDir dir;
    store::Store s = open_store(dir.path());
    const domain::Record record{sample_request()};
    std::vector<double> us;
    for (auto _ : state) {
        const double t = time_us([&] { benchmark::DoNotOptimize(s.submit(record)); });
        us.push_back(t);
        state.SetIterationTime(t / 1e6);
    }
    report(state, "", us);
}

// The bytes of one real sealed request's wire JSON.
std::string wire_bytes() {
    BenchDir dir;
    store::Store s = open_store(dir.path());
    auto receipt = s.submit(domain::Record{sample_request()});
    return (*s.outbox_record(receipt->id))->wire;
}

void BM_CommitBareInsert(benchmark::State& state) {
    BenchDir dir;
    BareTable table(dir.path() / "bare.db");
    const std::string body = wire_bytes();
    std::vector<double> us;
    for (auto _ : state) {
        const double t = time_us([&] { table.insert(body); });
        us.push_back(t);
        state.SetIterationTime(t / 1e6);
    }
    state.counters["bytes"] = static_cast<double>(body.size());
    report(state, "", us);
}

// Both in the same run, alternating, on the same disk: the ratio is the figure of merit.
void BM_CommitPairedRatio(benchmark::State& state) {
    BenchDir dir;
    store::Store s = open_store(dir.path() / "kiosk");
    BareTable table(dir.path() / "bare.db");
    const std::string body = wire_bytes();
    const domain::Record record{sample_request()};
    std::vector<double> sealed, bare;
    for (auto _ : state) {
        bare.push_back(time_us([&] { table.insert(body); }));
        sealed.push_back(time_us([&] { benchmark::DoNotOptimize(s.submit(record)); }));
        state.SetIterationTime(sealed.back() / 1e6);
    }
    report(state, "sealed_", sealed);
    report(state, "floor_", bare);
    state.counters["ratio_median"] = percentile(sealed, 0.5) / percentile(bare, 0.5);
    state.counters["ratio_p99"] = percentile(sealed, 0.99) / percentile(bare, 0.99);
}

void BM_OutboxBatch500(benchmark::State& state) {
    BenchDir dir;
    store::Store s = open_store(dir.path());
    const domain::Record record{sample_request()};
    for (int i = 0; i < 600; ++i) (void)s.submit(record);
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto batch = s.outbox_batch(500, std::size_t{64} << 20);
        if (!batch || batch->size() != 500) std::abort();
        bytes = 0;
        for (const auto& item : *batch) bytes += item.wire.size();
        benchmark::DoNotOptimize(batch);
    }
    state.counters["batch_bytes"] = static_cast<double>(bytes);
    state.SetItemsProcessed(state.iterations() * 500);
}

BENCHMARK(BM_CommitSealedSupportRequest)->UseManualTime()->Iterations(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CommitBareInsert)->UseManualTime()->Iterations(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CommitPairedRatio)->UseManualTime()->Iterations(300)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OutboxBatch500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
