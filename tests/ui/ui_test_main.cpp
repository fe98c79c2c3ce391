// Shared main for the dashboard tests: a QApplication on the offscreen platform at a fixed DPI,
// so pixels and layouts are the same on every machine.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_FONT_DPI", "96");
    qputenv("QT_ENABLE_HIGHDPI_SCALING", "0");
    QApplication app(argc, argv);
    // Settings and data go to a test location, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("IsoLensTests"));
    QApplication::setApplicationName(QStringLiteral("IsoLensTests"));
    // And settings of this process's own: ctest runs each test in a process of its own, some at once,
    // and a tab or size one test leaves must not be the next one's start (on Windows they are the
    // registry's, under the test organisation's key).
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
