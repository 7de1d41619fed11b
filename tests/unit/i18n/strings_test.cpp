// The string catalogues: both languages have every key, every pattern is valid ICU, counted
// phrases follow each language's plural rules.
#include <cstdlib>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "ui/i18n/strings.h"

namespace {

using ui::i18n::Arg;
using ui::i18n::Lang;
using ui::i18n::Strings;

std::string strings_dir() {
    const char* share = std::getenv("KIOSK_SHARE_DIR");
    return std::string(share ? share : "") + "/assets/strings";
}

class StringsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = Strings::load(strings_dir());
        ASSERT_TRUE(loaded.has_value()) << loaded.error();
        strings = std::move(*loaded);
    }
    Strings strings;
};

TEST_F(StringsTest, EveryKeyExistsInBothLanguages) {
    auto missing = ui::i18n::missing_keys(strings.catalog(Lang::Ar), strings.catalog(Lang::En));
    for (const auto& m : missing) ADD_FAILURE() << "missing " << m;
    EXPECT_GT(strings.catalog(Lang::Ar).keys().size(), 10u);
}

TEST_F(StringsTest, NoValueIsEmptyOrTheKeyItself) {
    for (Lang lang : {Lang::Ar, Lang::En})
        for (const auto& key : strings.catalog(lang).keys()) {
            auto value = strings.catalog(lang).get(key);
            EXPECT_FALSE(value.empty()) << key;
            EXPECT_NE(value, key) << key;
        }
}

TEST_F(StringsTest, ArabicCatalogueIsArabic) {
    // Every Arabic value has Arabic letters, except the keys that name the other script.
    const std::set<std::string> latin = {"nav.lang", "keyboard.english", "keyboard.digits"};
    for (const auto& key : strings.catalog(Lang::Ar).keys()) {
        if (latin.contains(key)) continue;
        auto value = std::string(strings.catalog(Lang::Ar).get(key));
        EXPECT_NE(value.find("\xD8"), std::string::npos) << key << " = " << value;
    }
}

TEST_F(StringsTest, ArabicPluralsUseSixForms) {
    const auto& ar = strings.catalog(Lang::Ar);
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 0)}), "لا توجد طلبات");
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 1)}), "طلب واحد");
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 2)}), "طلبان");
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 3)}), "3 طلبات");
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 11)}), "11 طلبًا");
    EXPECT_EQ(ar.format("count.records", {Arg::num("n", 100)}), "100 طلب");
}

TEST_F(StringsTest, EnglishPlurals) {
    const auto& en = strings.catalog(Lang::En);
    EXPECT_EQ(en.format("count.records", {Arg::num("n", 1)}), "1 request");
    EXPECT_EQ(en.format("count.records", {Arg::num("n", 0)}), "0 requests");
    EXPECT_EQ(en.format("count.records", {Arg::num("n", 1234)}), "1,234 requests");
}

TEST_F(StringsTest, UnknownKeyIsVisibleNotFatal) {
    EXPECT_EQ(strings.catalog(Lang::Ar).get("no.such.key"), "no.such.key");
    EXPECT_EQ(strings.catalog(Lang::En).format("no.such.key", {}), "no.such.key");
}

TEST(CatalogLoad, RejectsBrokenFiles) {
    EXPECT_FALSE(ui::i18n::Catalog::load("/nonexistent/ar.json", Lang::Ar).has_value());
}

}  // namespace
