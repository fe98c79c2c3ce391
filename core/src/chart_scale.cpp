#include "isolens/core/chart_scale.hpp"

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
