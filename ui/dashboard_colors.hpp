#pragma once

#include "isolens/core/series/series_colors.hpp"

#include <QColor>

// The core's series colours (series_colors.hpp) as Qt colours, for charts, legends and exports.
namespace colors {
inline QColor toQColor(const isolens::SeriesColor& color)
{
    return QColor(color.red, color.green, color.blue);
}
inline QColor mode(int side)
{
    return toQColor(isolens::modeColor(side == 0 ? 0 : 1));
}
inline QColor host()
{
    return toQColor(isolens::kHostColor);
}
inline QColor vmWorkers()
{
    return toQColor(isolens::kVmWorkersColor);
}
inline QColor isolationTax()
{
    return toQColor(isolens::kIsolationTaxColor);
}
} // namespace colors
