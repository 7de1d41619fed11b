// The store's central promise under process death: a child writes submissions and reports
// each acknowledged id on a pipe; the parent SIGKILLs it at random moments, round after round.
// Afterwards the database passes PRAGMA integrity_check and every acknowledged record is
// present and readable (its wire JSON parses, its sealed box opens to what was written).
//
// SIGKILL leaves the kernel's page cache intact, so this proves atomicity and the absence of
// lost acknowledged commits under process death; power loss is what synchronous=FULL is for.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>
#include <sstream>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_fixture.h"
#include "sync/protocol/record.h"

namespace kiosk::store {
namespace {

using namespace testing;
using Clock = std::chrono::steady_clock;

struct Child {
    pid_t pid = -1;
    int out = -1;  // read end of the child's stdout
};

Child spawn_writer(const std::filesystem::path& dir, const std::string& key_hex) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl(KIOSK_CRASH_WRITER, KIOSK_CRASH_WRITER, dir.c_str(), key_hex.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

// Reads what the child wrote until `deadline` (or EOF when deadline is not set).
void drain(int fd, std::string& buffer, std::optional<Clock::time_point> deadline) {
    char chunk[4096];
    for (;;) {
        int timeout_ms = -1;
        if (deadline) {
            const auto left = *deadline - Clock::now();
            if (left <= Clock::duration::zero()) return;
            timeout_ms = static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) return;
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

// Complete lines only: a partial last line was never acknowledged.
void collect(std::string& buffer, std::map<std::string, int>& acknowledged) {
    std::size_t start = 0;
    for (std::size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1) {
        std::istringstream line(buffer.substr(start, nl - start));
        std::string id;
        int n = -1;
        line >> id >> n;
        acknowledged[id] = n;
    }
    buffer.erase(0, start);
}

void expect_all_readable(const std::filesystem::path& dir, const HqKeys& keys,
                         const std::map<std::string, int>& acknowledged) {
    auto store = Store::open(dir, options_for(keys));
    ASSERT_TRUE(store) << store.error().detail;
    ASSERT_TRUE(*store->integrity_ok());
    for (const auto& [id, n] : acknowledged) {
        auto item = store->outbox_record(id);
        ASSERT_TRUE(item && *item) << "acknowledged record lost: " << id;
        auto wire = kiosk_sync::protocol::parse_record((*item)->wire);
        ASSERT_TRUE(wire) << id;
        if (n % 3 == 2) {
            EXPECT_EQ(wire->clear["overall"], 1 + n % 5) << id;
            continue;
        }
        auto personal = keys.open_sealed(wire->sealed);
        ASSERT_TRUE(personal) << id;
        EXPECT_EQ((*personal)["description"], sample_request(n).description) << id;
    }
}

TEST(CrashSafety, SigkillAtRandomMomentsLosesNothingAcknowledged) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> early_us(0, 30'000), writing_us(0, 60'000), which(0, 3);

    std::map<std::string, int> acknowledged;
    const auto budget_end = Clock::now() + std::chrono::seconds(12);
    int rounds = 0;
    while (rounds < 80 && Clock::now() < budget_end) {
        Child child = spawn_writer(tmp.path(), keys.public_hex());
        ASSERT_GT(child.pid, 0);
        std::string buffer;
        if (which(rng) == 0) {
            // A quarter of the rounds die early: during start-up, opening or migrating.
            drain(child.out, buffer, Clock::now() + std::chrono::microseconds(early_us(rng)));
        } else {
            // The rest die while writing: after the first acknowledgement, at a random moment.
            const auto give_up = Clock::now() + std::chrono::seconds(5);
            while (buffer.find('\n') == std::string::npos && Clock::now() < give_up) {
                drain(child.out, buffer, Clock::now() + std::chrono::milliseconds(1));
            }
            drain(child.out, buffer, Clock::now() + std::chrono::microseconds(writing_us(rng)));
        }
        ::kill(child.pid, SIGKILL);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        drain(child.out, buffer, std::nullopt);  // what was written before death is still in the pipe
        ::close(child.out);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself (exit " << WEXITSTATUS(status) << ")";
        collect(buffer, acknowledged);
        ++rounds;
        expect_all_readable(tmp.path(), keys, acknowledged);
        if (HasFatalFailure()) return;
    }
    RecordProperty("rounds", rounds);
    RecordProperty("acknowledged", static_cast<int>(acknowledged.size()));
    std::printf("crash test: %d rounds, %zu acknowledged records, all present\n", rounds, acknowledged.size());
    EXPECT_GE(rounds, 20);
    EXPECT_GE(acknowledged.size(), static_cast<std::size_t>(rounds) / 2) << "most rounds should kill mid-writing";
}

}  // namespace
}  // namespace kiosk::store
