// Clear / personal split of each record kind; the reasoning is in codec.h.
#include "kiosk/store/codec.h"

#include <cmath>

namespace kiosk::store {
namespace {

using nlohmann::json;

// Points rounded to 0.1 pad units: finer than any finger, and a third of the bytes.
json encode_signature(const domain::Signature& signature) {
    auto round = [](float v) { return std::round(static_cast<double>(v) * 10.0) / 10.0; };
    json strokes = json::array();
    for (const domain::Stroke& stroke : signature.strokes) {
        json points = json::array();
        for (const domain::Point& p : stroke) points.push_back(json::array({round(p.x), round(p.y)}));
        strokes.push_back(std::move(points));
    }
    return json{
        {"width", round(signature.width)}, {"height", round(signature.height)}, {"strokes", std::move(strokes)}};
}

Encoded encode_one(const domain::SupportRequest& r) {
    Encoded e{"support_request"};
    e.clear = {{"request_type", r.request_type}};
    e.personal = {{"full_name", r.full_name},
                  {"national_id", r.national_id},
                  {"mobile", r.mobile},
                  {"city", r.city},
                  {"district", r.district},
                  {"family_size", r.family_size},
                  {"monthly_income", r.monthly_income},
                  {"description", r.description},
                  {"declaration_accepted", r.declaration_accepted},
                  {"signature", encode_signature(r.signature)}};
    return e;
}

Encoded encode_one(const domain::Feedback& r) {
    Encoded e{"feedback"};
    e.clear = {{"category", r.kind}, {"reply_requested", !r.mobile.empty()}};
    e.personal = {{"text", r.text}, {"name", r.name}, {"mobile", r.mobile}};
    return e;
}

Encoded encode_one(const domain::Volunteer& r) {
    Encoded e{"volunteer"};
    e.clear = {{"skills", r.skills}, {"availability", r.availability}};
    e.personal = {{"name", r.name},
                  {"mobile", r.mobile},
                  {"skills_text", r.skills_text},
                  {"availability_note", r.availability_note}};
    return e;
}

Encoded encode_one(const domain::ServiceRating& r) {
    Encoded e{"rating"};
    e.has_reference = false;
    e.clear = {{"overall", r.overall}, {"service", r.service}, {"has_comment", !r.comment.empty()}};
    auto optional_score = [&e](const char* name, const std::optional<int>& score) {
        e.clear[name] = score ? json(*score) : json(nullptr);
    };
    optional_score("wait", r.wait);
    optional_score("courtesy", r.courtesy);
    optional_score("clarity", r.clarity);
    optional_score("ease", r.ease);
    e.clear["counter"] = r.counter ? json(*r.counter) : json(nullptr);
    if (!r.comment.empty()) e.personal = {{"comment", r.comment}};
    return e;
}

}  // namespace

Encoded encode(const domain::Record& record) {
    return std::visit([](const auto& r) { return encode_one(r); }, record);
}

}  // namespace kiosk::store
