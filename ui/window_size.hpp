#pragma once

#include <QSize>

// The window's size on a first start: the preferred size, but no more than nine tenths of the screen's
// available area in either direction, so that a small or high-DPI screen (1920x1080 at 150% is 1280x720
// logical pixels, less the taskbar) shows the whole window, status bar included. An empty available
// area (no screen known) leaves the preferred size.
inline QSize initialWindowSize(QSize preferred, QSize available)
{
    if (available.isEmpty())
        return preferred;
    return {qMin(preferred.width(), available.width() * 9 / 10),
            qMin(preferred.height(), available.height() * 9 / 10)};
}
