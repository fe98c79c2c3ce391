// Where the dashboard records live sessions when no folder was chosen: the README's folder.
#include "dashboard_controller.hpp"
#include "recording_folder.hpp"

#include <gtest/gtest.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
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
// Windows: the local application data folder (%LOCALAPPDATA%\IsoLens\recordings): recordings grow, and
// the roaming profile is copied at every sign-in.
TEST_F(UserDataFolder, RecordingsGoToIsoLensRecordingsUnderLocalAppData)
{
    const QByteArray savedLocal = qgetenv("LOCALAPPDATA");
    qputenv("LOCALAPPDATA", QDir::toNativeSeparators(dataHome.path()).toLocal8Bit());
    DashboardController controller;
    const auto directory = controller.recordingDirectory();
    restore("LOCALAPPDATA", savedLocal);
    EXPECT_EQ(directory, dataHome.path() + "/IsoLens/recordings");
}

// Recordings of earlier versions, in %APPDATA%\IsoLens\recordings, move to the local folder when the
// dashboard starts; a name already taken there is left where it was, and nothing is overwritten.
TEST_F(UserDataFolder, EarlierRecordingsInTheRoamingProfileMoveToTheLocalOne)
{
    const QByteArray savedLocal = qgetenv("LOCALAPPDATA");
    const QByteArray savedRoaming = qgetenv("APPDATA");
    qputenv("LOCALAPPDATA", QDir::toNativeSeparators(dataHome.path()).toLocal8Bit());
    qputenv("APPDATA", QDir::toNativeSeparators(home.path()).toLocal8Bit());
    const QString earlier = home.path() + "/IsoLens/recordings";
    const QString local = dataHome.path() + "/IsoLens/recordings";
    ASSERT_TRUE(QDir().mkpath(earlier));
    ASSERT_TRUE(QDir().mkpath(local));
    auto write = [](const QString& path, const QByteArray& text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    ASSERT_TRUE(write(earlier + "/a.jsonl", "earlier a"));
    ASSERT_TRUE(write(earlier + "/b.jsonl", "earlier b"));
    ASSERT_TRUE(write(local + "/b.jsonl", "local b"));
    ASSERT_TRUE(write(earlier + "/notes.txt", "not a recording"));

    const auto moved = moveRecordings(earlierRecordingFolder(), defaultRecordingFolder());
    restore("LOCALAPPDATA", savedLocal);
    restore("APPDATA", savedRoaming);
    EXPECT_EQ(moved.moved, 1);
    ASSERT_EQ(moved.failed.size(), 1);
    EXPECT_TRUE(moved.failed.front().startsWith("b.jsonl")) << moved.failed.front().toStdString();
    QFile a(local + "/a.jsonl");
    ASSERT_TRUE(a.open(QIODevice::ReadOnly));
    EXPECT_EQ(a.readAll(), "earlier a");
    QFile b(local + "/b.jsonl");
    ASSERT_TRUE(b.open(QIODevice::ReadOnly));
    EXPECT_EQ(b.readAll(), "local b") << "never overwritten";
    EXPECT_TRUE(QFile::exists(earlier + "/b.jsonl"));
    EXPECT_TRUE(QFile::exists(earlier + "/notes.txt"));
    EXPECT_FALSE(QFile::exists(earlier + "/a.jsonl"));
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
