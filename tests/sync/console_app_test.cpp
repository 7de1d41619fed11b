// Specification of the console as a function of requests, on HQ's real store (SQLite here;
// the browser tests run both engines): sessions and the login lock-out, roles enforced on the
// server, the CSRF token on every form, hostile forms, the key's effect on personal data,
// a decision's way to the kiosk's status page, and the headers every reply carries.
// The keyring is a stand-in whose "sealed" data is plain base64, so the test needs no key.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "sync/hq/console/app.h"
#include "sync/hq/sql_store.h"
#include "sync/protocol/record.h"
#include "tests/support/temp_dir.h"

namespace kiosk_sync::hq::console {
namespace {

constexpr std::int64_t kNow = 1'780'000'000'000;

class PlainKeyring final : public Keyring {
public:
    Attempt unlock(std::string_view passphrase) override {
        if (passphrase != "right passphrase") return {Outcome::wrong_passphrase, 1000};
        open_ = true;
        return {Outcome::unlocked, 0};
    }
    void lock() override { open_ = false; }
    bool unlocked() override { return open_; }
    std::optional<std::string> open(std::string_view sealed) override {
        return open_ ? protocol::from_base64(sealed) : std::nullopt;
    }
    std::optional<std::string> mark(std::string_view label, std::string_view value) override {
        if (!open_) return std::nullopt;
        return std::string(label) + "#" + std::string(value);
    }

private:
    bool open_ = false;
};

std::string reply_header(const WebReply& reply, std::string_view name) {
    for (const auto& [k, v] : reply.headers)
        if (k == name) return v;
    return {};
}

class ConsoleApp : public ::testing::Test {
protected:
    void SetUp() override {
        auto store = SqlStore::open_sqlite(dir_.path() / "hq.db", true);
        ASSERT_TRUE(store) << store.error();
        store_ = std::move(*store);
        const char* share = std::getenv("KIOSK_SHARE_DIR");
        auto pages = Pages::load(std::filesystem::path(share ? share : "") / "assets" / "console");
        ASSERT_TRUE(pages) << pages.error();
        pages_ = std::move(*pages);
        console_ = std::make_unique<Console>(*store_, keyring_, pages_, ConsoleSetup{{}, [this] { return now_; }});
        for (const auto& [name, role] : {std::pair{"rana", Role::reviewer},
                                         {"omar", Role::admin},
                                         {"huda", Role::viewer},
                                         {"sami", Role::officer}}) {
            User user{name, role, hash_password("correct horse battery"), false, {}, kNow};
            ASSERT_TRUE(store_->add_user(user));
        }
        protocol::Record request{"6f1c2d3e-0000-4000-8000-000000000001",
                                 "support_request",
                                 "K7QM-4RDG",
                                 "k1",
                                 kNow - 40LL * 24 * 3600 * 1000,
                                 nlohmann::json{{"request_type", "rent"}},
                                 protocol::to_base64(R"({"full_name":"<b>سارة</b> العتيبي","national_id":"1012345678",)"
                                                     R"("mobile":"0551234567","declaration_accepted":true})")};
        ASSERT_TRUE(store_->ingest({request}, "sync", kNow));
    }

    WebReply get(const std::string& target, const std::string& cookie = "") {
        WebRequest request{
            .method = "GET", .path = target.substr(0, target.find('?')), .cookie = cookie, .peer = "127.0.0.1"};
        if (const auto q = target.find('?'); q != std::string::npos) request.query = target.substr(q + 1);
        return console_->handle(request);
    }
    WebReply post(const std::string& path, const std::string& body, const std::string& cookie) {
        return console_->handle(WebRequest{.method = "POST",
                                           .path = path,
                                           .cookie = cookie,
                                           .content_type = "application/x-www-form-urlencoded",
                                           .body = body,
                                           .peer = "127.0.0.1"});
    }
    // Logs `name` in; the session cookie ("mouj_session=…").
    std::string login(const std::string& name, const std::string& password = "correct horse battery") {
        const WebReply form = get("/console/login");
        const std::string set = reply_header(form, "Set-Cookie");
        const std::string token = set.substr(set.find('=') + 1, 64);
        const std::string cookie = "mouj_login=" + token;
        const WebReply reply =
            post("/console/login", "csrf=" + token + "&name=" + name + "&password=" + url_encode(password), cookie);
        last_status_ = reply.status;
        const std::string session = reply_header(reply, "Set-Cookie");
        if (reply.status != 303 || !session.starts_with("mouj_session=")) return {};
        return session.substr(0, session.find(';'));
    }
    static std::string csrf_of(const std::string& cookie) { return csrf_token(cookie.substr(cookie.find('=') + 1)); }

    kiosk::testing::TempDir dir_;
    std::unique_ptr<SqlStore> store_;
    Pages pages_;
    PlainKeyring keyring_;
    std::unique_ptr<Console> console_;
    std::int64_t now_ = kNow;
    int last_status_ = 0;
    const std::string path_ = "/console/requests/k1/6f1c2d3e-0000-4000-8000-000000000001";
};

TEST_F(ConsoleApp, PagesNeedASessionAndEveryReplyForbidsScriptAndCaching) {
    const WebReply reply = get("/console/requests");
    EXPECT_EQ(reply.status, 303);
    EXPECT_EQ(reply_header(reply, "Location"), "/console/login");
    const WebReply login_page = get("/console/login");
    EXPECT_EQ(login_page.status, 200);
    EXPECT_NE(reply_header(login_page, "Content-Security-Policy").find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(reply_header(login_page, "Cache-Control"), "no-store");
    EXPECT_NE(reply_header(login_page, "Set-Cookie").find("HttpOnly; SameSite=Strict"), std::string::npos);
    EXPECT_EQ(login_page.body.find("<script"), std::string::npos);
}

TEST_F(ConsoleApp, WrongPasswordsLockTheAccountAndTheRightOneWaits) {
    for (int i = 0; i < kFailuresBeforeLock - 1; ++i) {
        EXPECT_TRUE(login("rana", "wrong password!").empty());
        EXPECT_EQ(last_status_, 401);
    }
    EXPECT_TRUE(login("rana", "wrong password!").empty());
    EXPECT_EQ(last_status_, 429);
    EXPECT_TRUE(login("rana").empty()) << "the right password is refused while locked";
    EXPECT_EQ(last_status_, 429);
    now_ += 61'000;
    EXPECT_FALSE(login("rana").empty());
    auto user = store_->user("rana");
    ASSERT_TRUE(user && *user);
    EXPECT_EQ((*user)->lock.failures, 0);
}

TEST_F(ConsoleApp, RolesAreEnforcedOnTheServer) {
    const std::string viewer = login("huda");
    ASSERT_FALSE(viewer.empty());
    const WebReply page = get(path_, viewer);
    EXPECT_EQ(page.status, 403);
    EXPECT_NE(page.body.find("لا تملك صلاحية هذه الصفحة"), std::string::npos);
    EXPECT_EQ(page.body.find("1012345678"), std::string::npos);
    EXPECT_EQ(post(path_ + "/state", "csrf=" + csrf_of(viewer) + "&state=accepted", viewer).status, 403);
    const std::string admin = login("omar");
    EXPECT_EQ(get("/console/requests", admin).status, 403) << "an administrator does not read beneficiaries' files";
    EXPECT_EQ(get("/console/audit", viewer).status, 403);
    EXPECT_EQ(get("/console/audit", admin).status, 200);
}

TEST_F(ConsoleApp, PersonalDataNeedsTheKeyAndShowsAsText) {
    const std::string reviewer = login("rana");
    WebReply page = get(path_, reviewer);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("data-testid=\"field.sealed\""), std::string::npos);
    EXPECT_EQ(page.body.find("1012345678"), std::string::npos);
    const std::string admin = login("omar");
    EXPECT_EQ(post("/console/key/unlock", "csrf=" + csrf_of(admin) + "&passphrase=nope", admin).status, 422);
    EXPECT_FALSE(keyring_.unlocked());
    EXPECT_EQ(post("/console/key/unlock", "csrf=" + csrf_of(admin) + "&passphrase=right+passphrase", admin).status,
              200);
    page = get(path_, reviewer);
    EXPECT_NE(page.body.find("data-testid=\"field.national_id\""), std::string::npos);
    EXPECT_NE(page.body.find("&lt;b&gt;سارة&lt;&#x2F;b&gt; العتيبي"), std::string::npos);
    EXPECT_EQ(page.body.find("<b>سارة"), std::string::npos);
    // The list marks a request past the committee's month.
    EXPECT_NE(get("/console/requests", reviewer).body.find("data-testid=\"overdue\""), std::string::npos);
}

TEST_F(ConsoleApp, AFormWithoutItsTokenChangesNothing) {
    const std::string reviewer = login("rana");
    const WebReply refused = post(path_ + "/state", "state=accepted&note_ar=x", reviewer);
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("لم يُنفَّذ الطلب"), std::string::npos);
    auto record = store_->record(RecordKey{"k1", "6f1c2d3e-0000-4000-8000-000000000001"});
    ASSERT_TRUE(record && *record);
    EXPECT_EQ((*record)->state, "received");
    EXPECT_EQ(post(path_ + "/state", "csrf=" + csrf_of(reviewer) + "&state=%zz", reviewer).status, 400);
}

TEST_F(ConsoleApp, ADecisionNeedsItsNoteAndReachesTheKioskInBothLanguages) {
    const std::string reviewer = login("rana");
    const std::string csrf = "csrf=" + csrf_of(reviewer);
    WebReply reply = post(path_ + "/state", csrf + "&state=rejected&note_ar=&note_en=", reviewer);
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.body.find("data-testid=\"decision.error\""), std::string::npos);
    reply = post(path_ + "/state", csrf + "&state=bogus", reviewer);
    EXPECT_EQ(reply.status, 422);
    reply = post(path_ + "/state",
                 csrf + "&state=accepted&note_ar=" + url_encode("راجعينا يوم الأحد") + "&note_en=Visit+on+Sunday",
                 reviewer);
    ASSERT_EQ(reply.status, 303);
    const WebReply page = get(path_, reviewer);
    EXPECT_NE(page.body.find("راجعينا يوم الأحد"), std::string::npos);
    EXPECT_NE(page.body.find("data-state=\"accepted\""), std::string::npos);
    auto statuses = store_->statuses_since("k1", 0, 10);
    ASSERT_TRUE(statuses);
    ASSERT_EQ(statuses->statuses.size(), 1u);
    EXPECT_EQ(statuses->statuses[0].status, "accepted");
    EXPECT_EQ(statuses->statuses[0].note_ar, "راجعينا يوم الأحد");
    EXPECT_EQ(statuses->statuses[0].note_en, "Visit on Sunday");
    auto other = store_->statuses_since("k2", 0, 10);
    ASSERT_TRUE(other);
    EXPECT_TRUE(other->statuses.empty());
    // Logged: the login and the state change, in a chain that verifies.
    auto chain = store_->audit_chain();
    ASSERT_TRUE(chain);
    EXPECT_FALSE(first_broken(chain->entries, chain->head_seq, chain->head_hash));
    bool logged = false;
    for (const auto& e : chain->entries) logged |= e.action == "record.state" && e.actor == "rana";
    EXPECT_TRUE(logged);
}

TEST_F(ConsoleApp, ASessionEndsAfterItsIdleLimit) {
    const std::string reviewer = login("rana");
    EXPECT_EQ(get("/console/requests", reviewer).status, 200);
    now_ += kSessionIdleMs + 1;
    const WebReply reply = get("/console/requests", reviewer);
    EXPECT_EQ(reply.status, 303);
    EXPECT_EQ(reply_header(reply, "Location"), "/console/login?expired=1");
}

TEST(ConsoleStatic, StylesAndFontsAreServedCompressedToBrowsersThatTakeIt) {
    const char* share = std::getenv("KIOSK_SHARE_DIR");
    auto files = load_static_files(share ? share : "");
    ASSERT_TRUE(files) << files.error();
    auto pages = Pages::load(std::filesystem::path(share ? share : "") / "assets" / "console");
    ASSERT_TRUE(pages);
    kiosk::testing::TempDir dir;
    auto store = SqlStore::open_sqlite(dir.path() / "hq.db", true);
    ASSERT_TRUE(store);
    PlainKeyring keyring;
    const std::size_t plain_size = files->at("bootstrap.rtl.min.css").body.size();
    Console console(**store, keyring, *pages, ConsoleSetup{std::move(*files), [] { return kNow; }});
    WebRequest request{.method = "GET", .path = "/console/static/bootstrap.rtl.min.css", .accept_encoding = "gzip, br"};
    const WebReply compressed = console.handle(request);
    EXPECT_EQ(compressed.status, 200);
    EXPECT_EQ(reply_header(compressed, "Content-Encoding"), "gzip");
    EXPECT_LT(compressed.body.size() * 4, plain_size);
    request.accept_encoding.clear();
    const WebReply plain = console.handle(request);
    EXPECT_EQ(plain.body.size(), plain_size);
    EXPECT_TRUE(reply_header(plain, "Content-Encoding").empty());
    request.path = "/console/static/..%2Fhq.db";
    EXPECT_EQ(console.handle(request).status, 404);
}

}  // namespace
}  // namespace kiosk_sync::hq::console
