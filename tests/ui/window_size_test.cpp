// The first window fits the screen it opens on (small screens, high DPI).
#include "main_window.hpp"
#include "ui_test_support.hpp"
#include "window_size.hpp"

#include <gtest/gtest.h>

#include <QScreen>
#include <QSettings>

TEST(WindowSize, PreferredUnlessTheScreenIsSmaller)
{
    struct Case {
        const char* what;
        QSize available;
        QSize expected;
    };
    const Case cases[] = {
        {"a 1920x1080 screen at 100%", {1920, 1040}, {1280, 800}},
        {"1920x1080 at 150%: 1280x720 logical, less the taskbar", {1280, 680}, {1152, 612}},
        {"a 1366x768 laptop", {1366, 728}, {1229, 655}},
        {"exactly the preferred size plus a tenth", {1423, 889}, {1280, 800}},
        {"no screen known", {}, {1280, 800}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(initialWindowSize({1280, 800}, c.available), c.expected) << c.what;
}

TEST(WindowSize, TheDashboardsFirstWindowFitsTheScreen)
{
    // The offscreen platform's screen is 800x600: smaller than the preferred 1280x800.
    QSettings().remove("window/geometry");
    MainWindow window(unreachableEndpoint());
    ASSERT_NE(window.screen(), nullptr);
    const QSize available = window.screen()->availableSize();
    ASSERT_LT(available.width(), 1280) << "a screen this big proves nothing";
    EXPECT_LE(window.width(), available.width());
    EXPECT_LE(window.height(), available.height());
    ASSERT_TRUE(waitForProbe(window));
}

TEST(WindowSize, ASizeSavedOnABiggerScreenIsFittedToThisOne)
{
    {
        MainWindow big(unreachableEndpoint());
        big.resize(2400, 1500);
        ASSERT_GT(big.width(), big.screen()->availableSize().width()) << "the saved size is the bigger one";
        QSettings().setValue("window/geometry", big.saveGeometry());
        ASSERT_TRUE(waitForProbe(big));
    }
    MainWindow window(unreachableEndpoint());
    const QSize available = window.screen()->availableSize();
    EXPECT_LE(window.width(), available.width());
    EXPECT_LE(window.height(), available.height());
    ASSERT_TRUE(waitForProbe(window));
    QSettings().remove("window/geometry");
}
