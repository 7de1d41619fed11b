// png-compare — compares a screenshot with its golden image, with a small tolerance.
//
//   png-compare ACTUAL GOLDEN DIFF
//
// Two images match when they have the same size and at most 0.1 % of pixels differ by more
// than 24 in any channel (anti-aliasing may move by a step between machines; a moved or
// missing word never stays under that). On a mismatch a diff image is written: differing
// pixels red over a faded copy of the golden. With KIOSK_UPDATE_GOLDENS=1 a missing or
// different golden is replaced by the actual image instead.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <stb_image.h>
#include <stb_image_write.h>

namespace {

constexpr int kChannelTolerance = 24;
constexpr double kMaxDifferentFraction = 0.001;

struct Image {
    int w = 0;
    int h = 0;
    std::unique_ptr<unsigned char, decltype(&stbi_image_free)> px{nullptr, stbi_image_free};
};

bool load(const std::string& path, Image& image) {
    int channels = 0;
    image.px.reset(stbi_load(path.c_str(), &image.w, &image.h, &channels, 4));
    return image.px != nullptr;
}

int update_golden(const std::string& actual, const std::string& golden) {
    std::filesystem::create_directories(std::filesystem::path(golden).parent_path());
    std::filesystem::copy_file(actual, golden, std::filesystem::copy_options::overwrite_existing);
    std::printf("updated %s\n", golden.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png-compare ACTUAL GOLDEN DIFF\n");
        return 2;
    }
    const std::string actual_path = argv[1];
    const std::string golden_path = argv[2];
    const std::string diff_path = argv[3];
    const char* update_env = std::getenv("KIOSK_UPDATE_GOLDENS");
    const bool update = update_env && std::string(update_env) == "1";

    Image actual;
    Image golden;
    if (!load(actual_path, actual)) {
        std::fprintf(stderr, "cannot read %s\n", actual_path.c_str());
        return 1;
    }
    if (!load(golden_path, golden)) {
        if (update) return update_golden(actual_path, golden_path);
        std::fprintf(stderr, "no golden image %s (run with KIOSK_UPDATE_GOLDENS=1 to create it)\n",
                     golden_path.c_str());
        return 1;
    }
    if (actual.w != golden.w || actual.h != golden.h) {
        if (update) return update_golden(actual_path, golden_path);
        std::fprintf(stderr, "%s is %dx%d, golden is %dx%d\n", actual_path.c_str(), actual.w, actual.h, golden.w,
                     golden.h);
        return 1;
    }
    const std::size_t n = static_cast<std::size_t>(actual.w) * static_cast<std::size_t>(actual.h);
    std::vector<unsigned char> diff(n * 4);
    std::size_t different = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char* a = actual.px.get() + i * 4;
        const unsigned char* g = golden.px.get() + i * 4;
        int worst = 0;
        for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int{a[c]} - int{g[c]}));
        unsigned char* d = diff.data() + i * 4;
        if (worst > kChannelTolerance) {
            ++different;
            d[0] = 255;
            d[1] = 0;
            d[2] = 0;
            d[3] = 255;
        } else {
            for (int c = 0; c < 3; ++c) d[c] = static_cast<unsigned char>(255 - (255 - g[c]) / 4);
            d[3] = 255;
        }
    }
    const double fraction = static_cast<double>(different) / static_cast<double>(n);
    if (fraction <= kMaxDifferentFraction) return 0;
    if (update) return update_golden(actual_path, golden_path);
    stbi_write_png(diff_path.c_str(), actual.w, actual.h, 4, diff.data(), actual.w * 4);
    std::fprintf(stderr, "%s differs from %s in %zu pixels (%.3f %%); diff written to %s\n", actual_path.c_str(),
                 golden_path.c_str(), different, fraction * 100.0, diff_path.c_str());
    return 1;
}
