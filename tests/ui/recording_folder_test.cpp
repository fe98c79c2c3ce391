// Where the dashboard records live sessions when no folder was chosen: the README's folder.
#include "dashboard_controller.hpp"

#include <gtest/gtest.h>

#include <QByteArray>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

// The user's real locations (not the test mode's ~/.qttest) under a controlled HOME and
// XDG_DATA_HOME, restored afterwards.
class UserDataFolder : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(dataHome.isValid());
        QStandardPaths::setTestModeEnabled(false);
        qputenv("HOME", home.path().toLocal8Bit());
    }
    void TearDown() override
    {
        restore("HOME", savedHome);
        restore("XDG_DATA_HOME", savedDataHome);
        QStandardPaths::setTestModeEnabled(true);
    }
    static void restore(const char* name, const QByteArray& value)
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }

    QByteArray savedHome = qgetenv("HOME");
    QByteArray savedDataHome =
        qEnvironmentVariableIsSet("XDG_DATA_HOME") ? qgetenv("XDG_DATA_HOME") : QByteArray();
    QTemporaryDir home;
    QTemporaryDir dataHome;
};

#ifdef _WIN32
// Windows: the roaming application data folder, as the README says (%APPDATA%\IsoLens\recordings).
TEST_F(UserDataFolder, RecordingsGoToIsoLensRecordingsUnderAppData)
{
    const QByteArray savedAppData = qgetenv("APPDATA");
    qputenv("APPDATA", QDir::toNativeSeparators(dataHome.path()).toLocal8Bit());
    DashboardController controller;
    const auto directory = controller.recordingDirectory();
    restore("APPDATA", savedAppData);
    EXPECT_EQ(directory, dataHome.path() + "/IsoLens/recordings");
}
#else
TEST_F(UserDataFolder, RecordingsGoToIsoLensRecordingsUnderTheXdgDataHome)
{
    qputenv("XDG_DATA_HOME", dataHome.path().toLocal8Bit());
    DashboardController controller;
    EXPECT_EQ(controller.recordingDirectory(), dataHome.path() + "/IsoLens/recordings");
}

TEST_F(UserDataFolder, RecordingsGoToLocalShareIsoLensRecordingsWithoutAnXdgDataHome)
{
    qunsetenv("XDG_DATA_HOME");
    DashboardController controller;
    EXPECT_EQ(controller.recordingDirectory(), home.path() + "/.local/share/IsoLens/recordings");
}
#endif

TEST_F(UserDataFolder, AChosenFolderWins)
{
    qputenv("XDG_DATA_HOME", dataHome.path().toLocal8Bit());
    DashboardController controller;
    controller.setRecordingDirectory(home.path() + "/mine");
    EXPECT_EQ(controller.recordingDirectory(), home.path() + "/mine");
}

} // namespace
