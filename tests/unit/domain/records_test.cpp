// Specification of whole-record validation: a good form gives the normalised record; a bad
// one gives exactly one message key per faulty field and no record at all.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/records.h"

namespace kiosk::domain {
namespace {

SupportRequestForm good_request() {
    SupportRequestForm f;
    f.full_name = "فاطمة  محمد الزهـراني";
    f.national_id = "١٠٤٥٦٧٨٩٠٩";
    f.mobile = "+966 50 123 4567";
    f.city = "الدمام";
    f.district = "حي الشاطئ";
    f.family_size = "٦";
    f.monthly_income = "3,500";
    f.request_type = "rent";
    f.description = "تأخر سداد الإيجار لثلاثة أشهر بسبب المرض";
    f.declaration_accepted = true;
    f.signature = {600, 200, {{{50, 100}, {200, 160}, {400, 90}}}};
    return f;
}

std::set<std::string_view> fields_of(const std::vector<FieldError>& errors) {
    std::set<std::string_view> out;
    for (const FieldError& e : errors) out.insert(e.field);
    return out;
}

TEST(SupportRequest, GoodFormGivesNormalisedRecord) {
    const Validated<SupportRequest> v = validate(good_request());
    ASSERT_TRUE(v.ok()) << (v.errors.empty() ? "" : v.errors[0].key);
    const SupportRequest& r = *v.record;
    EXPECT_EQ(r.full_name, "فاطمة محمد الزهراني");
    EXPECT_EQ(r.national_id, "1045678909");
    EXPECT_EQ(r.mobile, "0501234567");
    EXPECT_EQ(r.family_size, 6);
    EXPECT_EQ(r.monthly_income, 3500);
    EXPECT_EQ(r.request_type, "rent");
    EXPECT_TRUE(r.declaration_accepted);
    EXPECT_EQ(r.signature.strokes.size(), 1u);
}

TEST(SupportRequest, EmptyFormNamesEveryRequiredField) {
    const Validated<SupportRequest> v = validate(SupportRequestForm{});
    EXPECT_FALSE(v.ok());
    EXPECT_EQ(fields_of(v.errors),
              (std::set<std::string_view>{"name", "national_id", "mobile", "city", "district", "family_size", "income",
                                          "type", "description", "declaration", "signature"}));
    EXPECT_EQ(v.error_for("declaration")->key, keys::declaration_required);
    EXPECT_EQ(v.error_for("signature")->key, keys::signature_required);
    EXPECT_EQ(v.error_for("name")->key, keys::required);
}

TEST(SupportRequest, EachBadFieldIsReportedAlone) {
    const struct {
        void (*spoil)(SupportRequestForm&);
        std::string_view field, key;
    } cases[] = {
        {[](SupportRequestForm& f) { f.full_name = "فاطمة"; }, "name", keys::name_full_name_required},
        {[](SupportRequestForm& f) { f.national_id = "1045678900"; }, "national_id", keys::national_id_checksum},
        {[](SupportRequestForm& f) { f.mobile = "0131234567"; }, "mobile", keys::mobile_format},
        {[](SupportRequestForm& f) { f.city = "\u202Eالدمام"; }, "city", keys::invisible_character},
        {[](SupportRequestForm& f) { f.family_size = "40"; }, "family_size", keys::family_size_range},
        {[](SupportRequestForm& f) { f.monthly_income = "2000000"; }, "income", keys::income_range},
        {[](SupportRequestForm& f) { f.request_type = "car"; }, "type", keys::invalid_choice},
        {[](SupportRequestForm& f) { f.description = "قصير"; }, "description", keys::too_short},
        {[](SupportRequestForm& f) { f.declaration_accepted = false; }, "declaration", keys::declaration_required},
        {[](SupportRequestForm& f) {
             f.signature.strokes = {{{10, 10}}};
         },
         "signature", keys::signature_too_small},
    };
    for (const auto& c : cases) {
        SupportRequestForm f = good_request();
        c.spoil(f);
        const Validated<SupportRequest> v = validate(f);
        EXPECT_FALSE(v.ok()) << c.field;
        ASSERT_EQ(v.errors.size(), 1u) << c.field;
        EXPECT_EQ(v.errors[0].field, c.field);
        EXPECT_EQ(v.errors[0].key, c.key) << c.field;
    }
}

TEST(Feedback, Table) {
    const struct {
        FeedbackForm form;
        std::string_view field, key;  // empty field: accepted
    } cases[] = {
        {{"complaint", "الانتظار طويل جداً عند الاستقبال", "", ""}, "", ""},
        {{"inquiry", "متى يبدأ التسجيل؟", "سعد العتيبي", "0551234567"}, "", ""},
        {{"suggestion", "Open on Saturdays", "", "+966551234567"}, "", ""},
        {{"", "some text here", "", ""}, "kind", keys::required},
        {{"praise", "some text here", "", ""}, "kind", keys::invalid_choice},
        {{"inquiry", "ok", "", ""}, "text", keys::too_short},
        {{"inquiry", "", "", ""}, "text", keys::required},
        {{"inquiry", "some text here", "Ali 7", ""}, "name", keys::name_invalid_character},
        {{"inquiry", "some text here", "", "12345"}, "mobile", keys::mobile_format},
    };
    for (const auto& c : cases) {
        const Validated<Feedback> v = validate(c.form);
        if (c.field.empty()) {
            EXPECT_TRUE(v.ok()) << c.form.text;
        } else {
            ASSERT_FALSE(v.ok()) << c.form.text;
            EXPECT_EQ(v.errors[0].field, c.field);
            EXPECT_EQ(v.errors[0].key, c.key);
        }
    }
    EXPECT_EQ(validate(FeedbackForm{"suggestion", "x y z w", "", "+966551234567"}).record->mobile, "0551234567");
}

TEST(Volunteer, SkillsAndAvailability) {
    VolunteerForm f{"Noura Alqahtani", "0561234567", {"teaching", "design", "teaching"}, "", {"weekends"}, ""};
    const Validated<Volunteer> good = validate(f);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.record->skills, (std::vector<std::string>{"teaching", "design"}));

    f.skills = {};
    EXPECT_EQ(validate(f).error_for("skills")->key, keys::skills_required);
    f.skills_text = "تصوير فوتوغرافي";
    EXPECT_TRUE(validate(f).ok());  // free text alone is enough
    f.skills = {"juggling"};
    EXPECT_EQ(validate(f).error_for("skills")->key, keys::invalid_choice);
    f.skills = {};
    f.availability = {};
    EXPECT_EQ(validate(f).error_for("availability")->key, keys::availability_required);
    f.availability_note = "بعد العصر";
    EXPECT_TRUE(validate(f).ok());
}

TEST(Rating, Table) {
    const struct {
        RatingForm form;
        std::string_view field, key;
    } cases[] = {
        {{5, {}, {}, {}, {}, "", "", {}}, "", ""},
        {{3, 4, 5, 1, 2, "شكراً", "social_research", 2}, "", ""},
        {{0, {}, {}, {}, {}, "", "", {}}, "overall", keys::required},
        {{6, {}, {}, {}, {}, "", "", {}}, "overall", keys::score_range},
        {{4, 0, {}, {}, {}, "", "", {}}, "wait", keys::score_range},
        {{4, {}, {}, {}, 9, "", "", {}}, "ease", keys::score_range},
        {{4, {}, {}, {}, {}, "\u202E", "", {}}, "comment", keys::invisible_character},
        {{4, {}, {}, {}, {}, "", "Bad Key", {}}, "service", keys::invalid_choice},
        {{4, {}, {}, {}, {}, "", "", 100}, "counter", keys::counter_range},
    };
    for (const auto& c : cases) {
        const Validated<ServiceRating> v = validate(c.form);
        if (c.field.empty()) {
            EXPECT_TRUE(v.ok());
        } else {
            ASSERT_FALSE(v.ok()) << c.field;
            EXPECT_EQ(v.errors[0].field, c.field);
            EXPECT_EQ(v.errors[0].key, c.key);
        }
    }
}

TEST(MessageKeys, AreUniqueAndNamespaced) {
    const auto all = keys::all_message_keys();
    const std::set<std::string_view> unique(all.begin(), all.end());
    EXPECT_EQ(unique.size(), all.size());
    for (std::string_view key : all) EXPECT_TRUE(key.starts_with("error.")) << key;
}

TEST(RecordKind, WireNamesRoundTrip) {
    for (auto kind : {RecordKind::support_request, RecordKind::feedback, RecordKind::volunteer, RecordKind::rating}) {
        EXPECT_EQ(record_kind_from(wire_name(kind)), kind);
    }
    EXPECT_EQ(kind_of(Record{ServiceRating{}}), RecordKind::rating);
    EXPECT_EQ(kind_of(Record{Volunteer{}}), RecordKind::volunteer);
    EXPECT_FALSE(record_kind_from("other"));
}

}  // namespace
}  // namespace kiosk::domain
