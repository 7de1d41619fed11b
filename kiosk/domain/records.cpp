// Whole-record validation: every field is checked (so the visitor sees all problems at
// once), and a record is produced only when none failed; see records.h.
#include "kiosk/domain/records.h"

#include <algorithm>
#include <span>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {
namespace {

// Gathers one error per field while the record is filled in.
class Collector {
public:
    template <class T>
    T take(std::string_view field, Checked<T> checked) {
        if (!checked.ok()) fail(field, checked.error, checked.limit);
        return std::move(checked.value);
    }
    void fail(std::string_view field, std::string_view key, int limit = 0) { errors_.push_back({field, key, limit}); }

    template <class T>
    Validated<T> finish(T record) {
        if (!errors_.empty()) return {std::nullopt, std::move(errors_)};
        return {std::move(record), {}};
    }

private:
    std::vector<FieldError> errors_;
};

bool contains(std::span<const std::string_view> list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Checked<std::string> check_choice(std::string_view value, std::span<const std::string_view> allowed) {
    if (value.empty()) return {{}, keys::required, 0};
    if (!contains(allowed, value)) return {{}, keys::invalid_choice, 0};
    return {std::string(value), {}, 0};
}

// Known keys, each once, in the order chosen; the first unknown key fails the field.
Checked<std::vector<std::string>> check_keys(const std::vector<std::string>& chosen,
                                             std::span<const std::string_view> allowed) {
    std::vector<std::string> out;
    for (const std::string& key : chosen) {
        if (!contains(allowed, key)) return {{}, keys::invalid_choice, 0};
        if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
    }
    return {std::move(out), {}, 0};
}

bool score_ok(int score) { return score >= 1 && score <= 5; }

std::optional<int> take_aspect(Collector& c, std::string_view field, std::optional<int> score) {
    if (score && !score_ok(*score)) {
        c.fail(field, keys::score_range);
        return std::nullopt;
    }
    return score;
}

constexpr TextRule kPlaceRule{Presence::required, 2, kPlaceMaxChars, false, true};
constexpr TextRule kShortOptional{Presence::optional, 2, kShortTextMaxChars, false, false};

}  // namespace

std::string_view wire_name(RecordKind kind) {
    switch (kind) {
    case RecordKind::support_request: return "support_request";
    case RecordKind::feedback: return "feedback";
    case RecordKind::volunteer: return "volunteer";
    case RecordKind::rating: return "rating";
    }
    return "unknown";
}

std::optional<RecordKind> record_kind_from(std::string_view wire) {
    for (RecordKind kind :
         {RecordKind::support_request, RecordKind::feedback, RecordKind::volunteer, RecordKind::rating}) {
        if (wire_name(kind) == wire) return kind;
    }
    return std::nullopt;
}

RecordKind kind_of(const Record& record) {
    return static_cast<RecordKind>(record.index());  // variant order matches the enum
}

Validated<SupportRequest> validate(const SupportRequestForm& f) {
    Collector c;
    SupportRequest r;
    r.full_name = c.take("name", check_name(f.full_name, {Presence::required, true}));
    r.national_id = c.take("national_id", check_national_id(f.national_id));
    r.mobile = c.take("mobile", check_mobile(f.mobile));
    r.city = c.take("city", check_text(f.city, kPlaceRule));
    r.district = c.take("district", check_text(f.district, kPlaceRule));
    r.family_size = static_cast<int>(
        c.take("family_size", check_whole_number(f.family_size, 1, kFamilySizeMax, keys::family_size_range)));
    r.monthly_income = c.take("income", check_whole_number(f.monthly_income, 0, kIncomeMax, keys::income_range));
    r.request_type = c.take("type", check_choice(f.request_type, kRequestTypes));
    r.description = c.take("description", check_text(f.description, {Presence::required, kDescriptionMinChars,
                                                                     kDescriptionMaxChars, true, false}));
    if (!f.declaration_accepted) c.fail("declaration", keys::declaration_required);
    if (const std::string_view e = check_signature(f.signature); !e.empty()) {
        c.fail("signature", e);
    } else {
        r.signature = normalised(f.signature);
    }
    return c.finish(std::move(r));
}

Validated<Feedback> validate(const FeedbackForm& f) {
    Collector c;
    Feedback r;
    r.kind = c.take("kind", check_choice(f.kind, kFeedbackKinds));
    r.text =
        c.take("text", check_text(f.text, {Presence::required, kFeedbackMinChars, kFeedbackMaxChars, true, false}));
    r.name = c.take("name", check_name(f.name, {Presence::optional, false}));
    r.mobile = c.take("mobile", check_mobile(f.mobile, Presence::optional));
    return c.finish(std::move(r));
}

Validated<Volunteer> validate(const VolunteerForm& f) {
    Collector c;
    Volunteer r;
    r.name = c.take("name", check_name(f.name, {Presence::required, false}));
    r.mobile = c.take("mobile", check_mobile(f.mobile));
    const Checked<std::vector<std::string>> skills = check_keys(f.skills, kSkillKeys);
    const Checked<std::string> skills_text = check_text(f.skills_text, kShortOptional);
    if (!skills.ok() || !skills_text.ok()) {
        c.fail("skills", skills.ok() ? skills_text.error : skills.error, skills.ok() ? skills_text.limit : 0);
    } else if (skills.value.empty() && skills_text.value.empty()) {
        c.fail("skills", keys::skills_required);
    }
    r.skills = skills.value;
    r.skills_text = skills_text.value;
    const Checked<std::vector<std::string>> slots = check_keys(f.availability, kAvailabilityKeys);
    const Checked<std::string> note = check_text(f.availability_note, kShortOptional);
    if (!slots.ok() || !note.ok()) {
        c.fail("availability", slots.ok() ? note.error : slots.error, slots.ok() ? note.limit : 0);
    } else if (slots.value.empty() && note.value.empty()) {
        c.fail("availability", keys::availability_required);
    }
    r.availability = slots.value;
    r.availability_note = note.value;
    return c.finish(std::move(r));
}

Validated<ServiceRating> validate(const RatingForm& f) {
    Collector c;
    ServiceRating r;
    if (f.overall == 0) c.fail("overall", keys::required);
    else if (!score_ok(f.overall)) c.fail("overall", keys::score_range);
    r.overall = f.overall;
    r.wait = take_aspect(c, "wait", f.wait);
    r.courtesy = take_aspect(c, "courtesy", f.courtesy);
    r.clarity = take_aspect(c, "clarity", f.clarity);
    r.ease = take_aspect(c, "ease", f.ease);
    r.comment = c.take("comment", check_text(f.comment, {Presence::optional, 1, kCommentMaxChars, true, false}));
    if (!f.service.empty() && !is_content_key(f.service)) c.fail("service", keys::invalid_choice);
    r.service = f.service;
    if (f.counter && (*f.counter < 1 || *f.counter > kCounterMax)) c.fail("counter", keys::counter_range);
    r.counter = f.counter;
    return c.finish(std::move(r));
}

}  // namespace kiosk::domain
