#include "isolens/core/chart_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace isolens {

double niceAxisMax(double value, double minimum)
{
    if (!std::isfinite(value) || value <= minimum)
        return minimum;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : std::array{1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= value * (1.0 - 1e-12))
            return step * magnitude;
    return 10.0 * magnitude;
}

ByteScale byteScaleFor(double maxBytes)
{
    static const std::array<ByteScale, 4> scales{
        {{1024.0 * 1024.0 * 1024.0, "GiB"}, {1024.0 * 1024.0, "MiB"}, {1024.0, "KiB"}, {1.0, "B"}}};
    for (const auto& scale : scales)
        if (maxBytes >= scale.divisor)
            return scale;
    return scales.back();
}

} // namespace isolens

namespace isolens {

TimeWindow visibleWindow(std::int64_t spanFirst, std::int64_t spanLast, std::int64_t width,
                         std::int64_t offsetFromEnd)
{
    constexpr std::int64_t kPastTheEnd = 1'000'000; // 1 ms, so the last point is inside
    if (spanLast < spanFirst)
        spanLast = spanFirst;
    if (width <= 0)
        return {spanFirst, spanLast + kPastTheEnd};
    const std::int64_t span = spanLast - spanFirst;
    if (span <= width)
        return {spanFirst, spanFirst + width};
    offsetFromEnd = std::clamp<std::int64_t>(offsetFromEnd, 0, span - width);
    const std::int64_t last = spanLast - offsetFromEnd + kPastTheEnd;
    return {last - kPastTheEnd - width, last};
}

} // namespace isolens
