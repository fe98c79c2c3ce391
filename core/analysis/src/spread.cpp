#include "isolens/core/analysis/spread.hpp"

#include <algorithm>

namespace isolens {

std::optional<Spread> spreadOf(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    const double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    return Spread{n, values.front(), median, values.back()};
}

std::optional<Spread> spreadOfKnown(const std::vector<std::optional<double>>& values)
{
    std::vector<double> known;
    for (const auto& value : values)
        if (value)
            known.push_back(*value);
    return spreadOf(std::move(known));
}

} // namespace isolens
