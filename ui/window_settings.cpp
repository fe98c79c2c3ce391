#include "window_settings.hpp"

#include "dashboard_view.hpp"
#include "launcher_panel.hpp"
#include "time_window_bar.hpp"
#include "window_size.hpp"

#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>

void restoreWindowSettings(QMainWindow& window, DashboardView& dashboard)
{
    QSettings settings;
    window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // A size saved on a bigger screen (or at a lower scale) is fitted to this one.
    if (window.screen()) {
        const QSize available = window.screen()->availableSize();
        if (window.width() > available.width() || window.height() > available.height())
            window.resize(initialWindowSize(window.size(), available));
    }
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    PairChoice choice;
    choice.image = settings.value(QStringLiteral("pair/image")).toString();
    choice.command = settings.value(QStringLiteral("pair/command")).toString();
    choice.workload = settings.value(QStringLiteral("pair/workload")).toString();
    dashboard.launcher()->setChoice(choice);
    dashboard.timeBar()->setWidthIndex(settings.value(QStringLiteral("view/window"), 1).toInt());
    dashboard.setCpuMetricIndex(settings.value(QStringLiteral("view/cpu"), 0).toInt());
    dashboard.setOverlay(settings.value(QStringLiteral("view/overlay"), false).toBool());
    dashboard.tabs()->setCurrentIndex(settings.value(QStringLiteral("view/tab"), 0).toInt());
}

void saveWindowSettings(const QMainWindow& window, const DashboardView& dashboard, bool replay)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    const auto choice = dashboard.launcher()->choice();
    settings.setValue(QStringLiteral("pair/image"), choice.image);
    settings.setValue(QStringLiteral("pair/command"), choice.command);
    settings.setValue(QStringLiteral("pair/workload"), choice.workload);
    if (!replay)
        settings.setValue(QStringLiteral("view/window"), dashboard.timeBar()->widthIndex());
    settings.setValue(QStringLiteral("view/cpu"), dashboard.cpuMetricIndex());
    settings.setValue(QStringLiteral("view/overlay"), dashboard.isOverlay());
    settings.setValue(QStringLiteral("view/tab"), dashboard.tabs()->currentIndex());
}
