#include "session_recording.hpp"

#include "path_text.hpp"

#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/recording/recording.hpp"

#include <QDateTime>
#include <QObject>

using namespace isolens;

namespace {

QString safeFileName(QString text)
{
    for (auto& c : text)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return text.left(60);
}

// The name of a new recording: time and image. Two sessions in the same second get -2, -3 …
// (ExclusiveFile::createNumbered), decided by creating the file, not by looking first.
QString recordingName(const QString& directory, const QString& image)
{
    return directory + QStringLiteral("/isolens-%1-%2.jsonl")
                           .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                safeFileName(image));
}

} // namespace

std::unique_ptr<RecordingWriter> createSessionRecording(const QString& directory, const QString& image,
                                                        const RecordingHeader& header, QString& error)
{
    if (auto folder = createPrivateDirectories(pathFromQString(directory)); !folder) {
        error = QString::fromStdString(folder.error().message);
        return nullptr;
    }
    auto file = ExclusiveFile::createNumbered(pathFromQString(recordingName(directory, image)),
                                              FileAccess::OwnerOnly);
    if (!file) {
        error = QString::fromStdString(file.error().message);
        return nullptr;
    }
    auto writer = RecordingWriter::create(std::move(file.value()), header);
    if (!writer) {
        error = QString::fromStdString(writer.error().message);
        return nullptr;
    }
    return std::move(writer.value());
}

RecordingFailureText describeRecordingFailure(const RecordingFailure& failure)
{
    const auto folder = qStringFromPath(failure.path.parent_path());
    const auto when =
        QDateTime::fromMSecsSinceEpoch(failure.timeNanos / 1'000'000).toString(QStringLiteral("HH:mm:ss"));
    const auto todo =
        failure.error.kind == ErrorKind::DiskFull
            ? QObject::tr("The disk that holds %1 is full: free space there before the next pair.")
                  .arg(folder)
            : QString::fromStdString(failure.error.hint);
    const auto hint =
        todo + QLatin1Char(' ') +
        QObject::tr("Sampling goes on: the charts, the summary and Export data as CSV keep every "
                    "sample, but the recording file ends at %1.")
            .arg(when);
    return {QString::fromStdString(failure.error.message), hint};
}
