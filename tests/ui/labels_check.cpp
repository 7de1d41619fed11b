// labels-check SHOTS_DIR: every screenshot a replay wrote must come with the record of its
// frame (NAME.labels.jsonl, see ui/platform/frame_record.h) holding at least one text. Lists
// each screenshot's items on standard output, so the test log shows what every frame held;
// exits 1 naming each screenshot whose record is missing, unreadable or without text.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

// Checks one screenshot's record and lists it; returns why it fails, or empty.
std::string check(const fs::path& png) {
    fs::path labels = png;
    labels.replace_extension(".labels.jsonl");
    std::ifstream in(labels, std::ios::binary);
    if (!in) return "no " + labels.filename().string();
    std::cout << png.filename().string() << ":\n";
    std::string line;
    int items = 0;
    int with_text = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto item = nlohmann::json::parse(line, nullptr, false);
        if (item.is_discarded() || !item.is_object() || !item.contains("role") || !item.contains("text"))
            return labels.filename().string() + " line " + std::to_string(items + 1) + " is not a record item";
        ++items;
        const std::string text = item.value("text", "");
        const std::string id = item.value("id", "");
        if (!text.empty()) ++with_text;
        std::cout << "  " << item.value("role", "") << (id.empty() ? "" : " " + id) << (text.empty() ? "" : ": " + text)
                  << "\n";
    }
    if (with_text == 0) return labels.filename().string() + " holds no text (" + std::to_string(items) + " items)";
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: labels-check SHOTS_DIR\n";
        return 2;
    }
    std::vector<fs::path> shots;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(argv[1], ec))
        if (entry.path().extension() == ".png") shots.push_back(entry.path());
    if (ec) {
        std::cerr << "cannot read " << argv[1] << ": " << ec.message() << "\n";
        return 2;
    }
    std::sort(shots.begin(), shots.end());
    int failures = 0;
    for (const fs::path& shot : shots) {
        if (const std::string why = check(shot); !why.empty()) {
            std::cerr << shot.filename().string() << ": " << why << "\n";
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}
