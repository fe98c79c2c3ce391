// A user named José, with recordings and exports in folders named outside ASCII (and, on Windows,
// outside the ANSI code page): the dashboard opens, records into and writes them under their real names.
#include "dashboard_controller.hpp"
#include "main_window.hpp"
#include "path_text.hpp"
#include "recording_folder.hpp"
#include "ui_test_support.hpp"

#include "scoped_environment.hpp"

#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace isolens;

namespace {

const QString kFolderName = QStringLiteral("Jos\u00e9-\u30c6\u30b9\u30c8-XXXXXX");

// The shipped sample recording, copied to `path`.
bool copySample(const QString& path)
{
    return QFile::copy(QStringLiteral(":/isolens/sample-recording.jsonl"), path) &&
           QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

TEST(NonAsciiPaths, PathsAndQStringsConvertBothWays)
{
    const QString name = QStringLiteral("C:/Users/Jos\u00e9/\u30c6\u30b9\u30c8 \U0001F600.jsonl");
    EXPECT_EQ(qStringFromPath(pathFromQString(name)), name);
    EXPECT_EQ(pathFromQString(name), pathFromUtf8(name.toStdString()));
}

TEST(NonAsciiPaths, ARecordingInANonAsciiFolderOpensAndExportsAsCsvAndPng)
{
    QTemporaryDir dir(QDir::tempPath() + QLatin1Char('/') + kFolderName);
    ASSERT_TRUE(dir.isValid()) << dir.errorString().toStdString();
    const auto recording = dir.filePath(QStringLiteral("enregistrement-\u00e9t\u00e9.jsonl"));
    ASSERT_TRUE(copySample(recording));

    MainWindow window(unreachableEndpoint());
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_EQ(window.openRecording(recording, true), "");
    EXPECT_EQ(window.controller()->recordingPath(), recording);
    EXPECT_GE(window.controller()->store()->size("runc"), 50u);

    const auto csvPath = dir.filePath(QStringLiteral("export-\u30c6\u30b9\u30c8.csv"));
    ASSERT_EQ(window.exportCsv(csvPath), "");
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly)) << csv.errorString().toStdString();
    EXPECT_TRUE(csv.readAll().startsWith("time,mode,cpu_percent"));

    const auto pngPath = dir.filePath(QStringLiteral("tableau-\u00e9t\u00e9.png"));
    ASSERT_EQ(window.exportDashboardPng(pngPath, QSize(800, 500)), "");
    EXPECT_EQ(QImage(pngPath).size(), QSize(800, 500));

    // Under those names, not under a mangled form of them.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
              (QStringList{recording.section('/', -1), csvPath.section('/', -1), pngPath.section('/', -1)}));
}

TEST(NonAsciiPaths, AMissingRecordingInANonAsciiFolderIsNamedAsItIs)
{
    QTemporaryDir dir(QDir::tempPath() + QLatin1Char('/') + kFolderName);
    ASSERT_TRUE(dir.isValid());
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    const auto missing = dir.filePath(QStringLiteral("absent.jsonl"));
    const auto error = window.openRecording(missing, true);
    EXPECT_TRUE(error.contains(qStringFromPath(pathFromQString(missing)))) << error.toStdString();
    // The folder's own characters, not a round trip's: a conversion that mangles both ways still shows.
    EXPECT_TRUE(error.contains(QStringLiteral("Jos\u00e9-\u30c6\u30b9\u30c8-"))) << error.toStdString();
}

// The recording folder under a profile named José: where the dashboard records, and a recording made there
// with the same calls the dashboard makes (a pair needs an engine, which this test has not).
TEST(NonAsciiPaths, TheRecordingFolderUnderANonAsciiProfileTakesRecordings)
{
    QTemporaryDir profile(QDir::tempPath() + QLatin1Char('/') + kFolderName);
    ASSERT_TRUE(profile.isValid());
#ifdef _WIN32
    ScopedEnvironment local("LOCALAPPDATA", QDir::toNativeSeparators(profile.path()).toStdString());
#else
    QStandardPaths::setTestModeEnabled(false);
    ScopedEnvironment local("XDG_DATA_HOME", profile.path().toStdString());
#endif
    const auto folder = DashboardController().recordingDirectory();
#ifndef _WIN32
    QStandardPaths::setTestModeEnabled(true);
#endif
    EXPECT_EQ(folder, profile.path() + QStringLiteral("/IsoLens/recordings"));

    ASSERT_TRUE(createPrivateDirectories(pathFromQString(folder)));
    auto file = ExclusiveFile::createNumbered(pathFromQString(folder + QStringLiteral("/busybox.jsonl")),
                                              FileAccess::OwnerOnly);
    ASSERT_TRUE(file) << file.error().message;
    auto writer = RecordingWriter::create(std::move(file.value()), {{"image", "busybox"}});
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_EQ(QFileInfo(qStringFromPath(writer.value()->path())).absoluteFilePath(),
              QFileInfo(folder + QStringLiteral("/busybox.jsonl")).absoluteFilePath());
    writer.value().reset();
    EXPECT_TRUE(QFile::exists(folder + QStringLiteral("/busybox.jsonl")));

    // Recordings move between such folders too (the Windows move out of the roaming profile).
    QTemporaryDir other(QDir::tempPath() + QLatin1Char('/') + kFolderName);
    const auto moved = moveRecordings(folder, other.path() + QStringLiteral("/\u8a18\u9332"));
    EXPECT_EQ(moved.moved, 1) << moved.failed.join(';').toStdString();
    EXPECT_TRUE(QFile::exists(other.path() + QStringLiteral("/\u8a18\u9332/busybox.jsonl")));
}
