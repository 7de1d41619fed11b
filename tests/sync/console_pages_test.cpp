// Specification of the console's pages as HTML: the layout in each language and direction,
// the data-testid contracts of DESIGN.md, a visitor's text escaped, every word from the
// catalogues (the same keys in Arabic and English) with Arabic plural rules.
#include <cstdlib>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "sync/hq/console/pages.h"

namespace kiosk_sync::hq::console {
namespace {

Pages load() {
    const char* share = std::getenv("KIOSK_SHARE_DIR");
    auto pages = Pages::load(std::filesystem::path(share ? share : "") / "assets" / "console");
    EXPECT_TRUE(pages) << pages.error();
    return pages ? std::move(*pages) : Pages{};
}

TEST(ConsolePages, CataloguesHaveTheSameKeysAndNoEmptyString) {
    const Pages pages = load();
    const auto& ar = pages.catalogue(Lang::ar);
    const auto& en = pages.catalogue(Lang::en);
    ASSERT_FALSE(ar.empty());
    for (const auto& [key, text] : ar) {
        EXPECT_TRUE(en.contains(key)) << key << " has no English";
        EXPECT_FALSE(text.empty()) << key;
    }
    for (const auto& [key, text] : en) EXPECT_TRUE(ar.contains(key)) << key << " has no Arabic";
}

TEST(ConsolePages, TheLoginPageIsArabicFirstAndKeepsItsContracts) {
    const Pages pages = load();
    const std::string html =
        pages.render("login", Lang::ar, PageFrame{.title_key = "login.title", .path = "/console/login"},
                     mstch::map{{"error", std::string("اسم المستخدم أو كلمة المرور غير صحيحة.")},
                                {"name", std::string("<script>alert(1)</script>")}});
    EXPECT_NE(html.find(R"(<html lang="ar" dir="rtl">)"), std::string::npos);
    for (const char* id : {"login.name", "login.password", "login.submit", "login.error", "nav.lang"})
        EXPECT_NE(html.find(std::string("data-testid=\"") + id + "\""), std::string::npos) << id;
    EXPECT_NE(html.find("تسجيل الدخول"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);  // what was typed shows as text
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    // Attribute values are escaped too ("/" as &#x2F;), which a browser reads back as written.
    EXPECT_NE(html.find(R"(href="&#x2F;console&#x2F;login?lang=en")"), std::string::npos);
    // No one is logged in: no sections, no key state.
    EXPECT_EQ(html.find("data-testid=\"nav.requests\""), std::string::npos);
}

TEST(ConsolePages, EverySectionIsNamedAndOnlyPermittedOnesAreLinks) {
    const Pages pages = load();
    const PageFrame frame{.title_key = "nav.requests",
                          .active = "requests",
                          .path = "/console/requests",
                          .viewer = Viewer{.name = "nora", .role = Role::reviewer, .csrf = "c0ffee"},
                          .key_unlocked = false};
    const std::string html = pages.render("error", Lang::en, frame, {});
    EXPECT_NE(html.find(R"(<html lang="en" dir="ltr">)"), std::string::npos);
    for (const char* id : {"requests", "feedback", "volunteers", "satisfaction", "kiosks", "content", "audit", "users",
                           "key", "lang", "logout"})
        EXPECT_NE(html.find(std::string("data-testid=\"nav.") + id + "\""), std::string::npos) << id;
    EXPECT_TRUE(
        std::regex_search(html, std::regex(R"(<span class="nav-link disabled"[^>]*data-testid="nav.feedback")")));
    EXPECT_TRUE(std::regex_search(html, std::regex(R"(<a class="nav-link active"[^>]*data-testid="nav.requests")")));
    // A section the role may open but this version does not serve yet is not a dead link.
    EXPECT_TRUE(
        std::regex_search(html, std::regex(R"(<span class="nav-link disabled"[^>]*data-testid="nav.satisfaction")")));
    EXPECT_NE(html.find(R"(data-testid="key.state" data-state="locked")"), std::string::npos);
    EXPECT_NE(html.find(R"(name="csrf" value="c0ffee")"), std::string::npos);
}

TEST(ConsolePages, ArabicPluralsFollowIcuRules) {
    const Pages pages = load();
    EXPECT_NE(pages.format(Lang::ar, "login.locked", {{"minutes", 2}}).find("دقيقتين"), std::string::npos);
    // Western digits in Arabic too, as the dates, references and IDs on the same pages.
    EXPECT_NE(pages.format(Lang::ar, "login.locked", {{"minutes", 5}}).find("5 دقائق"), std::string::npos);
    EXPECT_NE(pages.format(Lang::ar, "login.locked", {{"minutes", 11}}).find("11 دقيقة"), std::string::npos);
    EXPECT_NE(pages.format(Lang::en, "login.locked", {{"minutes", 1}}).find("1 minute."), std::string::npos);
}

}  // namespace
}  // namespace kiosk_sync::hq::console
