// The shaped-layout cache: (text, style, width, direction, align, max_lines) → Layout, LRU
// under a byte budget. A hit costs one hash of the text and no allocation.
//
// Not for: deciding what a layout is (engine.cpp builds them). Eviction happens only inside
// insert(), so a reference from find() stays valid until the next miss, as text.h promises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ui/text/text.h"

namespace ui::text {

struct LayoutKey {
    std::string_view text;
    Style style;
    float max_width = 0.0f;
    Direction direction = Direction::Auto;
    Align align = Align::Start;
    int max_lines = 0;
    bool operator==(const LayoutKey&) const = default;
    static LayoutKey of(const LayoutRequest& r) {
        return {r.text, r.style, r.max_width, r.direction, r.align, r.max_lines};
    }
};

class LayoutCache {
public:
    explicit LayoutCache(std::size_t byte_budget) : budget_(byte_budget) {}

    const Layout* find(const LayoutKey& key);
    const Layout& insert(const LayoutKey& key, Layout layout);
    void clear();
    std::size_t bytes() const { return bytes_; }
    std::size_t size() const { return index_.size(); }

private:
    struct Entry {
        std::string text;  // owns the bytes LayoutKey::text points at in index_
        LayoutKey key;
        Layout layout;
        std::size_t bytes = 0;
    };
    struct KeyHash {
        std::size_t operator()(const LayoutKey& k) const;
    };
    using List = std::list<Entry>;

    std::size_t budget_;
    std::size_t bytes_ = 0;
    List lru_;  // front = most recent
    std::unordered_map<LayoutKey, List::iterator, KeyHash> index_;
};

std::size_t layout_bytes(const Layout& layout);

}  // namespace ui::text
