// bench_sync: sync throughput against a real local kiosk-hq (Google Benchmark).
//   BM_DrainBacklog/RECORDS/BATCH — the worker draining a backlog of sealed records from a
//     SQLite outbox to HQ: records per second, start to "queue empty".
//   BM_HqIngest/THREADS — HQ's sustained ingest: signed batches of 100 new records posted
//     back to back from THREADS connections: records per second accepted.
//   BM_HqIngestOn/ENGINE — the same over HTTP, one connection, with HQ's data in SQLite (0)
//     or in PostgreSQL (1: `--db`, a throwaway local cluster on a unix socket).
//   BM_StoreIngest/ENGINE — HQ's store alone, no HTTP: batches of 100 new records ingested,
//     each batch one committed transaction (SQLite synchronous=FULL; PostgreSQL fsync on,
//     synchronous_commit on): records per second.
//   BM_ExportBundle/RECORDS/PROGRESS — staff's export of a backlog to a directory: read the
//     queue, write the signed bundle (PROGRESS=1: in 4 MiB chunks, each flushed, as the
//     kiosk does for its progress bar; 0: one write), read it back and verify it.
// Run by hand: build/bin/bench_sync. Setup (HQ directory, records, sealing) is not timed.
#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>

#include "sync/client/client.h"
#include "sync/client/export.h"
#include "sync/client/http.h"
#include "sync/hq/sql_store.h"
#include "sync/protocol/messages.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"
#include "tests/sync/process.h"

namespace {

using namespace kiosk_sync;
using testkit::RecordMaker;
using testkit::TempDir;

struct LocalHq {
    TempDir temp;
    protocol::KioskIdentity identity;
    std::unique_ptr<testkit::HqServer> server;

    LocalHq() {
        auto hq_dir = (temp.path() / "hq").string();
        auto kiosk_dir = (temp.path() / "kiosk").string();
        testkit::init_hq(hq_dir);
        testkit::run_hq({"provision", "--dir", hq_dir, "--kiosk", "kiosk-1", "--out", kiosk_dir});
        identity = protocol::load_kiosk_identity(kiosk_dir).value();
        server = std::make_unique<testkit::HqServer>(hq_dir);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(server->port()); }
};

void BM_DrainBacklog(benchmark::State& state) {
    const auto records = static_cast<int>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        LocalHq hq;
        auto db = hq.temp.path() / "outbox.db";
        {
            auto outbox = testkit::TestOutbox::open(db);
            RecordMaker maker("kiosk-1", hq.identity.hq_box_public, 1);
            testkit::queue_records(*outbox, maker, records);
        }
        auto config = client::ClientConfig::from_identity(hq.identity);
        config.hq_url = hq.url();
        config.max_batch_records = static_cast<std::size_t>(state.range(1));
        client::Client client(config, testkit::TestOutbox::factory(db));
        state.ResumeTiming();
        client.start();
        if (!client.wait_until_empty(std::chrono::seconds(600))) state.SkipWithError("backlog did not drain");
        state.PauseTiming();
        client.stop();
        state.ResumeTiming();
    }
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(records) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DrainBacklog)
    ->Args({10000, 100})
    ->Args({10000, 500})
    ->Args({500, 100})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Pre-built batch bodies, so the timed part is HQ's work plus signing and the loopback.
std::vector<std::string> make_bodies(const protocol::KioskIdentity& identity, int batches, int per_batch,
                                     std::uint32_t seed) {
    RecordMaker maker("kiosk-1", identity.hq_box_public, seed);
    std::vector<std::string> bodies;
    for (int b = 0; b < batches; ++b) {
        std::vector<std::string> texts;
        for (int i = 0; i < per_batch; ++i) texts.push_back(maker.next().json);
        std::vector<std::string_view> views(texts.begin(), texts.end());
        bodies.push_back(protocol::submission_body("kiosk-1", views));
    }
    return bodies;
}

// Signed batches posted back to back from `threads` connections to a fresh local HQ on the
// engine hq_database_args() picks; records/s accepted.
void ingest_over_http(benchmark::State& state, int threads, int batches, int per_batch) {
    std::int64_t accepted_total = 0;
    for (auto _ : state) {
        state.PauseTiming();
        LocalHq hq;
        std::vector<std::vector<std::string>> bodies;
        for (int t = 0; t < threads; ++t) bodies.push_back(make_bodies(hq.identity, batches, per_batch, 100u + t));
        std::atomic<std::int64_t> accepted{0};
        state.ResumeTiming();
        std::vector<std::thread> senders;
        for (int t = 0; t < threads; ++t)
            senders.emplace_back([&, t] {
                client::HttpClient http{client::HttpOptions{}};
                for (const auto& body : bodies[t]) {
                    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count();
                    auto auth = protocol::sign_request(hq.identity.secret, "kiosk-1", "POST",
                                                       protocol::kPathSubmissions, body, now);
                    auto response =
                        http.request("POST", hq.url() + protocol::kPathSubmissions, testkit::auth_headers(auth), body);
                    if (!response || response->status != 200) continue;
                    auto reply = protocol::parse_batch_reply(response->body);
                    if (!reply) continue;
                    for (const auto& v : reply->results) accepted += v.outcome == protocol::Outcome::accepted ? 1 : 0;
                }
            });
        for (auto& s : senders) s.join();
        state.PauseTiming();
        accepted_total += accepted;
        if (accepted != threads * batches * per_batch) state.SkipWithError("HQ did not accept every record");
        state.ResumeTiming();
    }
    state.counters["records/s"] = benchmark::Counter(static_cast<double>(accepted_total), benchmark::Counter::kIsRate);
}

void BM_HqIngest(benchmark::State& state) {
    constexpr int kBatches = 40, kPerBatch = 100;
    const auto threads = static_cast<int>(state.range(0));
    ingest_over_http(state, threads, kBatches, kPerBatch);
}
BENCHMARK(BM_HqIngest)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

testkit::HqEngine engine_of(const benchmark::State& state) {
    return state.range(0) == 1 ? testkit::HqEngine::postgresql : testkit::HqEngine::sqlite;
}

void BM_HqIngestOn(benchmark::State& state) {
    testkit::select_hq_engine(engine_of(state));
    ingest_over_http(state, 1, 40, 100);
    testkit::select_hq_engine(testkit::HqEngine::sqlite);
}
BENCHMARK(BM_HqIngestOn)->Arg(0)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StoreIngest(benchmark::State& state) {
    constexpr int kBatches = 50, kPerBatch = 100;
    std::int64_t stored = 0;
    for (auto _ : state) {
        state.PauseTiming();
        TempDir temp;
        auto store = engine_of(state) == testkit::HqEngine::postgresql
                         ? hq::SqlStore::open_postgresql(testkit::PostgresCluster::shared().create_database())
                         : hq::SqlStore::open_sqlite(temp.path() / "hq.db", true);
        if (!store) {
            state.SkipWithError(store.error().c_str());
            return;
        }
        protocol::BoxPublicKey key{};
        key[0] = 7;  // any key: the store does not open what is sealed
        RecordMaker maker("kiosk-1", key, 5);
        std::vector<std::vector<protocol::Record>> batches(kBatches);
        for (auto& batch : batches)
            for (int i = 0; i < kPerBatch; ++i) batch.push_back(*protocol::parse_record(maker.next().json));
        state.ResumeTiming();
        for (const auto& batch : batches) {
            auto verdicts = (*store)->ingest(batch, "sync", 1);
            if (!verdicts) state.SkipWithError(verdicts.error().c_str());
        }
        stored += kBatches * kPerBatch;
    }
    state.counters["records/s"] = benchmark::Counter(static_cast<double>(stored), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreIngest)->Arg(0)->Arg(1)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();


void BM_ExportBundle(benchmark::State& state) {
    const auto records = static_cast<int>(state.range(0));
    const bool progress = state.range(1) != 0;
    TempDir temp;
    auto outbox = testkit::TestOutbox::open(temp.path() / "outbox.db");
    {
        protocol::BoxPublicKey hq_key{};
        hq_key[0] = 1;
        RecordMaker maker("kiosk-1", hq_key, 3);
        testkit::queue_records(*outbox, maker, records);
    }
    const auto secret = protocol::random_secret();
    std::size_t bytes = 0;
    int calls = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto dir = temp.path() / ("usb-" + std::to_string(calls++));
        std::filesystem::create_directory(dir);
        state.ResumeTiming();
        protocol::BundleProgress report;
        if (progress) report = [](protocol::BundleStage, double fraction) { benchmark::DoNotOptimize(fraction); };
        auto written = client::export_bundle(*outbox, dir, "kiosk-1", secret, std::chrono::system_clock::now(), report);
        if (!written || written->count != static_cast<std::size_t>(records)) state.SkipWithError("export failed");
        else bytes = written->bytes;
    }
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(records) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_ExportBundle)
    ->Args({50000, 0})
    ->Args({50000, 1})
    ->Args({50000, 0})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
