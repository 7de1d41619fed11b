// A list for recency plus a hash map of keys whose text views point into the list nodes
// (std::list nodes never move), so neither lookups nor hits copy the text.
#include "ui/text/layout_cache.h"

#include <bit>
#include <functional>

namespace ui::text {
namespace {

std::size_t mix(std::size_t h, std::size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)); }

}  // namespace

std::size_t LayoutCache::KeyHash::operator()(const LayoutKey& k) const {
    std::size_t h = std::hash<std::string_view>{}(k.text);
    h = mix(h, std::bit_cast<std::uint32_t>(k.style.size_px));
    h = mix(h, static_cast<std::size_t>(k.style.weight) | (static_cast<std::size_t>(k.style.digits) << 4) |
                   (static_cast<std::size_t>(k.direction) << 8) | (static_cast<std::size_t>(k.align) << 12));
    h = mix(h, std::bit_cast<std::uint32_t>(k.max_width));
    return mix(h, static_cast<std::size_t>(k.max_lines));
}

std::size_t layout_bytes(const Layout& layout) {
    std::size_t n = sizeof(Layout);
    for (const Line& line : layout.lines)
        n += sizeof(Line) + line.glyphs.capacity() * sizeof(Glyph) + line.runs.capacity() * sizeof(Run);
    return n;
}

const Layout* LayoutCache::find(const LayoutKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return &it->second->layout;
}

const Layout& LayoutCache::insert(const LayoutKey& key, Layout layout) {
    if (auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->bytes;
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.emplace_front();
    Entry& e = lru_.front();
    e.text.assign(key.text);
    e.key = key;
    e.key.text = e.text;
    e.layout = std::move(layout);
    e.bytes = layout_bytes(e.layout) + e.text.capacity() + sizeof(Entry) + 64;
    bytes_ += e.bytes;
    index_.emplace(e.key, lru_.begin());
    // The newest entry always stays, even if it alone is over budget: the caller holds it.
    while (bytes_ > budget_ && lru_.size() > 1) {
        Entry& old = lru_.back();
        bytes_ -= old.bytes;
        index_.erase(old.key);
        lru_.pop_back();
    }
    return e.layout;
}

void LayoutCache::clear() {
    index_.clear();
    lru_.clear();
    bytes_ = 0;
}

}  // namespace ui::text
