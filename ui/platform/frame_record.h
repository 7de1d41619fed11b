// ui/platform/frame_record.h — what one frame shows, as a list a program can read: every
// text and every control with its role, text, target id, box, clip and colours.
//
// Widgets (ui/widgets) fill it while they draw; the host keeps the record of the last
// completed frame beside its pixels, and the replay driver writes it next to each screenshot
// (`NAME.labels.jsonl`). Layout checks and speech read screens from it, never from pixels.
//
// Reading order is the order things were drawn. Screens are written start edge first and top
// to bottom in both languages, so that is the logical order (what a reader of Arabic reads
// first comes first), not the left-to-right order of the boxes. An overlay (a dialog) has a
// higher `layer`; its items come where it was drawn, and a reader wanting the top of the
// screen takes the highest layer. Items below an overlay keep the colours they were drawn
// with; the overlay dims them. Screens decide what they draw first (the kiosk's bars come
// before a screen's body), so a reader may want to sort by layer and region, never by x.
//
// What was optimised: nothing is allocated per item once a frame as busy has been recorded.
// Items are plain values in one vector and their strings live in one arena, both cleared,
// never freed, between frames.
// Not for: deciding what is drawn (the record only describes it) or hit testing (targets.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ui/platform/targets.h"

namespace ui::platform {

enum class RecordRole : std::uint8_t {
    Text,       // a plain label
    Heading,    // a label at heading or display size
    Error,      // text in the danger colour: an error next to a field, or a warning (a countdown)
    Button,     // any tappable area (buttons, tiles, bar buttons) unless a widget says more
    Field,      // a text field; its text is what was typed, or its hint (flag Placeholder)
    Chip,       // one choice of a row of chips (flag Selected when chosen)
    Rating,     // one face of a rating row (flag Selected when chosen)
    Key,        // a key of the on-screen keyboard
    Signature,  // a signature pad
};

// Flags of an item (bits of RecordItem::flags).
inline constexpr std::uint8_t kRecordSelected = 1;     // a chosen chip, face or keyboard layer
inline constexpr std::uint8_t kRecordFocused = 2;      // the field that has the caret
inline constexpr std::uint8_t kRecordPlaceholder = 4;  // the text is a hint, nothing is typed
inline constexpr std::uint8_t kRecordTruncated = 8;    // the text ends in an ellipsis as drawn

struct RecordItem {
    RecordRole role = RecordRole::Text;
    std::uint8_t flags = 0;
    std::uint8_t layer = 0;  // 0: the screen; 1 and up: overlays above it
    std::uint32_t text_begin = 0;
    std::uint32_t text_size = 0;
    std::uint32_t id_begin = 0;
    std::uint32_t id_size = 0;
    Rect box;                      // the control's whole box (not cut by the clip), or the text's
    Rect text_box;                 // where the text's lines are; empty when it has none
    Rect clip;                     // the scroll viewport (or the screen) it is clipped to
    float text_px = 0.0f;          // the text's size in pixels; 0 without text
    std::uint32_t foreground = 0;  // text colour, 0xAABBGGRR like ImU32; 0 without text
    std::uint32_t background = 0;  // under the text; for a control without text, under its centre
};

// A filled box drawn this frame; what a text is drawn on is found among these.
struct RecordSurface {
    Rect rect;
    std::uint32_t colour = 0;
    std::uint8_t layer = 0;
};

class FrameRecord {
public:
    // Empties the record for a new frame, keeping every buffer's capacity.
    void clear();

    // Appends an item; returns its index, valid until clear().
    std::size_t add(const RecordItem& item, std::string_view id, std::string_view text);
    // Gives an item its text (an item made before its label was drawn).
    void set_text(std::size_t index, std::string_view text);
    RecordItem& item(std::size_t index) { return items_[index]; }

    std::span<const RecordItem> items() const { return items_; }
    std::string_view text(const RecordItem& item) const;
    std::string_view id(const RecordItem& item) const;

    void add_surface(const RecordSurface& surface) { surfaces_.push_back(surface); }
    std::span<const RecordSurface> surfaces() const { return surfaces_; }

    // Bytes and slots reserved, so a test can see that a steady frame allocates nothing.
    struct Capacity {
        std::size_t items = 0;
        std::size_t strings = 0;
        std::size_t surfaces = 0;
        bool operator==(const Capacity&) const = default;
    };
    Capacity capacity() const { return {items_.capacity(), arena_.capacity(), surfaces_.capacity()}; }

private:
    std::uint32_t store(std::string_view s);

    std::vector<RecordItem> items_;
    std::string arena_;
    std::vector<RecordSurface> surfaces_;
};

std::string_view role_name(RecordRole role);

// One JSON object per line and item, in reading order: role, text, id, box, text_box, clip
// ([x, y, w, h] in pixels), fg and bg ("#rrggbb"), size, layer, flags.
void write_record_jsonl(const FrameRecord& record, std::ostream& out);

}  // namespace ui::platform
