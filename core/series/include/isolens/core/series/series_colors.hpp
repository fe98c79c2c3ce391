#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace isolens {

// One colour per series kind, the same in every chart, legend, export and report: the first mode is
// blue, the second orange (told apart also by colour-blind readers), the host's own series in other hues.
struct SeriesColor {
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;

    // "#1f77b4", for HTML, SVG and Markdown.
    std::string hex() const
    {
        static constexpr char digits[] = "0123456789abcdef";
        std::string text = "#";
        for (const std::uint8_t channel : {red, green, blue}) {
            text += digits[channel >> 4];
            text += digits[channel & 0xf];
        }
        return text;
    }
};

inline constexpr SeriesColor kModeColors[2] = {{0x1f, 0x77, 0xb4}, {0xe8, 0x59, 0x0c}};
inline constexpr SeriesColor kHostColor{0x2b, 0x8a, 0x3e};
inline constexpr SeriesColor kVmWorkersColor{0x70, 0x48, 0xe8};
inline constexpr SeriesColor kIsolationTaxColor{0xc9, 0x2a, 0x2a};

// The colour of a pair's side (0 or 1; any other side is side 1's).
inline constexpr SeriesColor modeColor(std::size_t side)
{
    return side == 0 ? kModeColors[0] : kModeColors[1];
}

} // namespace isolens
