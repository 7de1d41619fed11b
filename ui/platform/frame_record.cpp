// The record of what a frame shows; see frame_record.h. Strings are copied into one arena and
// named by offsets, so the arena may grow without leaving a stale view behind.
#include "ui/platform/frame_record.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace ui::platform {

void FrameRecord::clear() {
    items_.clear();
    arena_.clear();
    surfaces_.clear();
}

std::uint32_t FrameRecord::store(std::string_view s) {
    const auto begin = static_cast<std::uint32_t>(arena_.size());
    arena_.append(s);
    return begin;
}

std::size_t FrameRecord::add(const RecordItem& item, std::string_view id, std::string_view text) {
    RecordItem stored = item;
    stored.id_begin = store(id);
    stored.id_size = static_cast<std::uint32_t>(id.size());
    stored.text_begin = store(text);
    stored.text_size = static_cast<std::uint32_t>(text.size());
    items_.push_back(stored);
    return items_.size() - 1;
}

void FrameRecord::set_text(std::size_t index, std::string_view text) {
    RecordItem& item = items_[index];
    item.text_begin = store(text);
    item.text_size = static_cast<std::uint32_t>(text.size());
}

std::string_view FrameRecord::text(const RecordItem& item) const {
    return std::string_view(arena_).substr(item.text_begin, item.text_size);
}

std::string_view FrameRecord::id(const RecordItem& item) const {
    return std::string_view(arena_).substr(item.id_begin, item.id_size);
}

std::string_view role_name(RecordRole role) {
    switch (role) {
    case RecordRole::Text: return "text";
    case RecordRole::Heading: return "heading";
    case RecordRole::Error: return "error";
    case RecordRole::Button: return "button";
    case RecordRole::Field: return "field";
    case RecordRole::Chip: return "chip";
    case RecordRole::Rating: return "rating";
    case RecordRole::Key: return "key";
    case RecordRole::Signature: return "signature";
    }
    return "text";
}

namespace {

using Json = nlohmann::ordered_json;  // keys in the order written: role and text first

Json box(const Rect& r) { return Json::array({r.x, r.y, r.w, r.h}); }

// ImU32 is 0xAABBGGRR; people and tools read #rrggbb (with alpha only when not opaque).
std::string colour(std::uint32_t c) {
    char out[10];
    const unsigned r = c & 0xFF, g = (c >> 8) & 0xFF, b = (c >> 16) & 0xFF, a = c >> 24;
    if (a == 255) std::snprintf(out, sizeof out, "#%02x%02x%02x", r, g, b);
    else std::snprintf(out, sizeof out, "#%02x%02x%02x%02x", r, g, b, a);
    return out;
}

Json flags(std::uint8_t f) {
    auto out = Json::array();
    if (f & kRecordSelected) out.push_back("selected");
    if (f & kRecordFocused) out.push_back("focused");
    if (f & kRecordPlaceholder) out.push_back("placeholder");
    if (f & kRecordTruncated) out.push_back("truncated");
    return out;
}

}  // namespace

void write_record_jsonl(const FrameRecord& record, std::ostream& out) {
    for (const RecordItem& item : record.items()) {
        // A control without words has no text colour: null rather than a colour nobody sees.
        const bool has_text = item.text_px > 0.0f;
        const Json line = {{"role", role_name(item.role)},
                           {"text", record.text(item)},
                           {"id", record.id(item)},
                           {"box", box(item.box)},
                           {"text_box", box(item.text_box)},
                           {"clip", box(item.clip)},
                           {"fg", has_text ? Json(colour(item.foreground)) : Json()},
                           {"bg", colour(item.background)},
                           {"size", item.text_px},
                           {"layer", item.layer},
                           {"flags", flags(item.flags)}};
        // Visitor input may hold bytes that are not UTF-8; the record says so, not throws.
        out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }
}

}  // namespace ui::platform
