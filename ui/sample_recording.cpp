#include "sample_recording.hpp"

#include "isolens/core/base/version.hpp"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QStandardPaths>

SampleRecordingFile sampleRecordingFile()
{
    const QString resource = QStringLiteral(":/isolens/sample-recording.jsonl");
    if (!QFile::exists(resource))
        return {{}, QObject::tr("The sample recording is missing from this build")};
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!QDir().mkpath(folder))
        return {{},
                QObject::tr("Could not create %1 for the sample recording")
                    .arg(QDir::toNativeSeparators(folder))};
    const QString target =
        folder +
        QStringLiteral("/isolens-sample-recording-%1.jsonl").arg(QLatin1String(isolens::kIsoLensVersion));
    // A resource's copy is read-only, and Windows refuses to delete a read-only file, so the previous copy
    // is made writable before it is replaced.
    if (QFile::exists(target)) {
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!QFile::remove(target))
            return {{},
                    QObject::tr("Could not replace the sample recording's copy at %1")
                        .arg(QDir::toNativeSeparators(target))};
    }
    QFile source(resource);
    if (!source.copy(target))
        return {{},
                QObject::tr("Could not copy the sample recording to %1: %2")
                    .arg(QDir::toNativeSeparators(target), source.errorString())};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {target, {}};
}
