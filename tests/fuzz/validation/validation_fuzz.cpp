// The invariants behind the validation fuzz target; see validation_fuzz.h.
// Input layout: byte 0 picks flags; the rest is split at 0x1F into fields that fill every
// form and are also given to each field checker directly.
#include "validation_fuzz.h"

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/records.h"
#include "kiosk/domain/reference.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain::fuzz {
namespace {

std::vector<std::string> split_fields(std::string_view rest) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= rest.size(); ++i) {
        if (i == rest.size() || rest[i] == '\x1F') {
            fields.emplace_back(rest.substr(start, i - start));
            start = i + 1;
        }
    }
    fields.resize(std::max<std::size_t>(fields.size(), 10));
    return fields;
}

bool known_key(std::string_view key) {
    const auto all = keys::all_message_keys();
    return std::find(all.begin(), all.end(), key) != all.end();
}

// Invisible characters a cleaned value must never contain (bidi controls among them).
bool has_forbidden(std::string_view utf8_text) {
    const auto cps = utf8::decode(utf8_text);
    if (!cps) return true;
    return std::any_of(cps->begin(), cps->end(), [](char32_t c) {
        return c < 0x20 && c != U'\n' ? true
                                      : (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                                            c == 0x200F || c == 0x061C || c == 0x7F || c == 0xFEFF;
    });
}

#define EXPECT_OR_RETURN(cond, what) \
    if (!(cond)) return std::string(what)

template <class T>
std::string check_errors(const Validated<T>& v) {
    EXPECT_OR_RETURN(v.ok() == v.errors.empty(), "record present iff no errors");
    for (const FieldError& e : v.errors) {
        EXPECT_OR_RETURN(known_key(e.key), "unlisted message key " + std::string(e.key));
        EXPECT_OR_RETURN(!e.field.empty(), "error without a field");
    }
    return {};
}

std::string check_fields(const std::string& s) {
    const text::Cleaned c = text::clean(s, {text::Lines::multiple, true});
    if (c.error.empty()) {
        EXPECT_OR_RETURN(!has_forbidden(c.text), "clean() let a forbidden character through");
        EXPECT_OR_RETURN(text::clean(c.text, {text::Lines::multiple, true}).text == c.text, "clean() not idempotent");
        const std::string masked = text::redact_contact_details(c.text);
        EXPECT_OR_RETURN(utf8::decode(masked).has_value(), "redaction broke UTF-8");
        EXPECT_OR_RETURN(masked.find("00000") == std::string::npos || c.text.find("00000") == std::string::npos,
                         "redaction left five zeros in a row");
    } else {
        EXPECT_OR_RETURN(known_key(c.error), "unlisted clean() key");
    }
    const Checked<std::string> mobile = check_mobile(s, Presence::optional);
    EXPECT_OR_RETURN(mobile.ok() || known_key(mobile.error), "unlisted mobile key");
    if (mobile.ok() && !mobile.value.empty()) {
        EXPECT_OR_RETURN(mobile.value.size() == 10 && mobile.value.starts_with("05"), "mobile not 05XXXXXXXX");
        EXPECT_OR_RETURN(check_mobile(mobile.value).value == mobile.value, "mobile not idempotent");
    }
    const Checked<std::string> id = check_national_id(s);
    EXPECT_OR_RETURN(id.ok() || known_key(id.error), "unlisted national id key");
    if (id.ok()) {
        EXPECT_OR_RETURN(id.value.size() == 10 && (id.value[0] == '1' || id.value[0] == '2'), "bad national id");
        EXPECT_OR_RETURN(check_national_id(id.value).ok(), "national id not idempotent");
    }
    const Checked<std::string> name = check_name(s, {Presence::optional, false});
    EXPECT_OR_RETURN(name.ok() || known_key(name.error), "unlisted name key");
    if (name.ok() && !name.value.empty()) {
        EXPECT_OR_RETURN(check_name(name.value).value == name.value, "name not idempotent");
        EXPECT_OR_RETURN(name.value.find("\u0640") == std::string::npos, "tatweel kept in a name");
        EXPECT_OR_RETURN(
            name.value.find("  ") == std::string::npos && name.value.front() != ' ' && name.value.back() != ' ',
            "name spaces not collapsed");
        EXPECT_OR_RETURN(!has_forbidden(name.value), "forbidden character in a name");
    }
    const Checked<std::string> ref = parse_reference(s);
    EXPECT_OR_RETURN(ref.ok() || known_key(ref.error), "unlisted reference key");
    if (ref.ok()) {
        EXPECT_OR_RETURN(ref.value.size() == 9 && ref.value[4] == '-', "reference not XXXX-XXXX");
        EXPECT_OR_RETURN(parse_reference(ref.value).value == ref.value, "reference not idempotent");
    }
    const Checked<std::int64_t> number = check_whole_number(s, 0, kIncomeMax, keys::income_range);
    EXPECT_OR_RETURN(number.ok() || known_key(number.error), "unlisted number key");
    EXPECT_OR_RETURN(!number.ok() || (number.value >= 0 && number.value <= kIncomeMax), "number out of range");
    return {};
}

Signature signature_from(std::string_view bytes, std::uint8_t flags) {
    Signature sig{(flags & 0x40) ? 0.0f : 600.0f, 200.0f, {{}}};
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        if (static_cast<std::uint8_t>(bytes[i]) == 0xFF) {
            sig.strokes.emplace_back();
            continue;
        }
        sig.strokes.back().push_back({static_cast<float>(static_cast<std::uint8_t>(bytes[i])) * 3.0f - 50.0f,
                                      static_cast<float>(static_cast<std::uint8_t>(bytes[i + 1]))});
    }
    return sig;
}

std::string check_forms(const std::vector<std::string>& f, std::uint8_t flags) {
    const SupportRequestForm request{
        f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], (flags & 1) != 0, signature_from(f[9], flags)};
    if (auto e = check_errors(validate(request)); !e.empty()) return e;
    const Validated<Feedback> feedback = validate(FeedbackForm{f[0], f[1], f[2], f[3]});
    if (auto e = check_errors(feedback); !e.empty()) return e;
    if (feedback.ok()) {
        const Feedback& r = *feedback.record;
        const Validated<Feedback> again = validate(FeedbackForm{r.kind, r.text, r.name, r.mobile});
        EXPECT_OR_RETURN(again.ok() && *again.record == r, "feedback validation not idempotent");
    }
    const VolunteerForm volunteer{f[0], f[1], {f[2], f[3]}, f[4], {f[5]}, f[6]};
    if (auto e = check_errors(validate(volunteer)); !e.empty()) return e;
    auto score = [&](std::size_t i) { return f[i].empty() ? std::optional<int>{} : std::optional<int>{f[i][0] % 8}; };
    const RatingForm rating{
        f[0].empty() ? 0 : f[0][0] % 7, score(1), score(2), score(3), score(4), f[5], f[6], score(7)};
    return check_errors(validate(rating));
}

}  // namespace

std::string check_validation(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return {};
    const std::uint8_t flags = data[0];
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::vector<std::string> fields = split_fields(rest);
    for (const std::string& field : fields) {
        if (auto e = check_fields(field); !e.empty()) return e;
    }
    return check_forms(fields, flags);
}

}  // namespace kiosk::domain::fuzz
