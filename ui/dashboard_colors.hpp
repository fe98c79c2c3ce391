#pragma once

#include <QColor>

// One colour per series kind, the same in every chart, legend and export: the first mode is blue,
// the second orange (told apart also by colour-blind readers), the host's own series in other hues.
namespace colors {
inline QColor mode(int side)
{
    return side == 0 ? QColor(0x1f, 0x77, 0xb4) : QColor(0xe8, 0x59, 0x0c);
}
inline QColor host()
{
    return QColor(0x2b, 0x8a, 0x3e);
}
inline QColor vmWorkers()
{
    return QColor(0x70, 0x48, 0xe8);
}
inline QColor isolationTax()
{
    return QColor(0xc9, 0x2a, 0x2a);
}
} // namespace colors
