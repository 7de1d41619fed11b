// kiosk/domain/records.h — the four things a visitor can file, as typed and as validated.
// For: a `…Form` holds what the screen collected, exactly as typed (the UI keeps it until the
// store has committed); validate(form) gives either the normalised record the store accepts
// or one message key per faulty field. Field names in FieldError are the element part of the
// UI target ids (`request.national_id` → "national_id").
// Not for: identity, time, reference (the store assigns them) or encoding (kiosk/store).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/domain/signature.h"

namespace kiosk::domain {

enum class RecordKind { support_request, feedback, volunteer, rating };
// "support_request", "feedback", "volunteer", "rating" (the wire names, docs/DATA.md).
std::string_view wire_name(RecordKind kind);
std::optional<RecordKind> record_kind_from(std::string_view wire);

inline constexpr std::array<std::string_view, 7> kRequestTypes = {"food",      "rent",      "bills", "medical",
                                                                  "education", "furniture", "other"};
inline constexpr std::array<std::string_view, 3> kFeedbackKinds = {"inquiry", "complaint", "suggestion"};
inline constexpr std::array<std::string_view, 10> kSkillKeys = {
    "teaching",       "health",  "technology", "driving",     "events",
    "administration", "cooking", "design",     "translation", "social_media"};
inline constexpr std::array<std::string_view, 4> kAvailabilityKeys = {"weekday_mornings", "weekday_evenings",
                                                                      "weekends", "occasional"};
inline constexpr std::array<std::string_view, 4> kRatingAspects = {"wait", "courtesy", "clarity", "ease"};

// Length limits, in visible characters (text::visible_length).
inline constexpr int kPlaceMaxChars = 60;
inline constexpr int kDescriptionMinChars = 10;
inline constexpr int kDescriptionMaxChars = 2000;
inline constexpr int kFeedbackMinChars = 5;
inline constexpr int kFeedbackMaxChars = 2000;
inline constexpr int kCommentMaxChars = 1000;
inline constexpr int kShortTextMaxChars = 300;
inline constexpr int kFamilySizeMax = 30;
inline constexpr std::int64_t kIncomeMax = 1'000'000;
inline constexpr int kCounterMax = 99;

struct FieldError {
    std::string_view field;  // "national_id", "mobile", …
    std::string_view key;    // message key, message_keys.h
    int limit = 0;           // for too_short / too_long
    bool operator==(const FieldError&) const = default;
};

// ---- support request (طلب دعم مستفيد) --------------------------------------------------
struct SupportRequestForm {
    std::string full_name, national_id, mobile, city, district, family_size, monthly_income;
    std::string request_type;  // one of kRequestTypes
    std::string description;
    bool declaration_accepted = false;
    Signature signature;
    bool operator==(const SupportRequestForm&) const = default;
};
struct SupportRequest {
    std::string full_name, national_id, mobile, city, district;
    int family_size = 0;
    std::int64_t monthly_income = 0;  // SAR per month
    std::string request_type;
    std::string description;
    bool declaration_accepted = true;
    Signature signature;
    bool operator==(const SupportRequest&) const = default;
};

// ---- inquiry / complaint / suggestion --------------------------------------------------
struct FeedbackForm {
    std::string kind;                // one of kFeedbackKinds
    std::string text, name, mobile;  // name and mobile optional: given when a reply is wanted
    bool operator==(const FeedbackForm&) const = default;
};
struct Feedback {
    std::string kind, text, name, mobile;  // name, mobile empty when not given
    bool operator==(const Feedback&) const = default;
};

// ---- volunteer registration ------------------------------------------------------------
struct VolunteerForm {
    std::string name, mobile;
    std::vector<std::string> skills;        // keys from kSkillKeys
    std::string skills_text;                // and/or in the visitor's words
    std::vector<std::string> availability;  // keys from kAvailabilityKeys
    std::string availability_note;
    bool operator==(const VolunteerForm&) const = default;
};
struct Volunteer {
    std::string name, mobile;
    std::vector<std::string> skills;  // known keys, de-duplicated, in the order chosen
    std::string skills_text;
    std::vector<std::string> availability;
    std::string availability_note;
    bool operator==(const Volunteer&) const = default;
};

// ---- service rating (no personal data by design) ---------------------------------------
struct RatingForm {
    int overall = 0;                                   // 1..5, 0 = not chosen yet
    std::optional<int> wait, courtesy, clarity, ease;  // 1..5 each, optional
    std::string comment;
    std::string service;         // content key of the service visited, optional
    std::optional<int> counter;  // counter (window) number, optional, 1..99
    bool operator==(const RatingForm&) const = default;
};
struct ServiceRating {
    int overall = 0;
    std::optional<int> wait, courtesy, clarity, ease;
    std::string comment;  // cleaned; may be empty
    std::string service;
    std::optional<int> counter;
    bool operator==(const ServiceRating&) const = default;
};

using Record = std::variant<SupportRequest, Feedback, Volunteer, ServiceRating>;
RecordKind kind_of(const Record& record);

template <class T>
struct Validated {
    std::optional<T> record;  // set exactly when errors is empty
    std::vector<FieldError> errors;
    bool ok() const { return record.has_value(); }
    // The error shown next to `field`, or nullptr.
    const FieldError* error_for(std::string_view field) const {
        for (const FieldError& e : errors) {
            if (e.field == field) return &e;
        }
        return nullptr;
    }
};

Validated<SupportRequest> validate(const SupportRequestForm& form);
Validated<Feedback> validate(const FeedbackForm& form);
Validated<Volunteer> validate(const VolunteerForm& form);
Validated<ServiceRating> validate(const RatingForm& form);

}  // namespace kiosk::domain
