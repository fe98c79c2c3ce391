#include "dashboard_exports.hpp"

#include "dashboard_controller.hpp"
#include "path_text.hpp"
#include "png_export.hpp"

#include "isolens/core/recording/recording.hpp"
#include "isolens/core/recording/recording_csv.hpp"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

using namespace isolens;

QString exportWidgetPng(QWidget* widget, const QString& path, QSize size)
{
    const auto image = renderWidget(widget, size);
    if (!image.save(path, "PNG"))
        return QObject::tr("Could not write %1").arg(path);
    return {};
}

QString exportSessionCsv(const DashboardController& controller, const QString& path)
{
    if (controller.recordingPath().isEmpty())
        return QObject::tr("Nothing recorded yet: start a pair, or open a recording");
    // The save dialog has asked before replacing a file. The CSV goes to a temporary file beside it,
    // renamed over it when whole: a failure leaves the old file as it was, never half a new one.
    // After a write failure the recording ends early: the samples it could not take are in memory.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return QObject::tr("Could not write %1: %2").arg(path, out.errorString());
    bool writeFailed = false;
    const CsvSink write = [&](std::string_view text) -> Result<void> {
        if (out.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size()))
            return success();
        writeFailed = true;
        return makeError(ErrorKind::Other, out.errorString().toStdString());
    };
    auto exported = exportRecordingCsv(pathFromQString(controller.recordingPath()),
                                       controller.samplesNotRecorded(), write);
    if (!exported) {
        out.cancelWriting();
        return writeFailed ? QObject::tr("Could not write %1: %2")
                                 .arg(path, QString::fromStdString(exported.error().message))
                           : QString::fromStdString(exported.error().describe());
    }
    if (!out.commit())
        return QObject::tr("Could not write %1: %2").arg(path, out.errorString());
    return {};
}

QString copyRecording(const QString& recordingPath, const QString& path)
{
    QFile::remove(path);
    if (!QFile::copy(recordingPath, path))
        return QObject::tr("Could not write %1").arg(path);
    return {};
}

namespace {

QString askPath(QWidget* parent, const QString& title, const QString& settingsKey, const QString& name,
                const QString& filter, QFileDialog::Options options)
{
    QSettings settings;
    const auto dir =
        settings.value(settingsKey, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .toString();
    const auto path =
        QFileDialog::getSaveFileName(parent, title, dir + QLatin1Char('/') + name, filter, nullptr, options);
    if (!path.isEmpty())
        settings.setValue(settingsKey, QFileInfo(path).absolutePath());
    return path;
}

} // namespace

QString askSavePath(QWidget* parent, const QString& title, const QString& settingsKey, const QString& name,
                    const QString& filter)
{
    return askPath(parent, title, settingsKey, name, filter, {});
}

QString askReportPath(QWidget* parent, const QString& title, const QString& name)
{
    return askPath(
        parent, title, QStringLiteral("dirs/reports"), name,
        QObject::tr("HTML, one self-contained file (*.html);;Markdown, PNG charts beside it (*.md)"),
        QFileDialog::DontConfirmOverwrite);
}
