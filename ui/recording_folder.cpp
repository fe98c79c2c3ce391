#include "recording_folder.hpp"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace {

#ifdef Q_OS_WIN
QString windowsFolder(const char* variable, const QString& fallback)
{
    const QString folder = QDir::fromNativeSeparators(qEnvironmentVariable(variable));
    return folder.isEmpty() ? QDir::homePath() + fallback : folder;
}
#endif

} // namespace

QString defaultRecordingFolder()
{
#ifdef Q_OS_WIN
    const QString userData = windowsFolder("LOCALAPPDATA", QStringLiteral("/AppData/Local"));
#else
    const QString userData = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
#endif
    return userData + QStringLiteral("/IsoLens/recordings");
}

QString earlierRecordingFolder()
{
#ifdef Q_OS_WIN
    return windowsFolder("APPDATA", QStringLiteral("/AppData/Roaming")) +
           QStringLiteral("/IsoLens/recordings");
#else
    return {};
#endif
}

RecordingMove moveRecordings(const QString& from, const QString& to)
{
    RecordingMove result;
    QDir source(from);
    if (from.isEmpty() || !source.exists())
        return result;
    const QStringList names = source.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    if (names.isEmpty())
        return result;
    if (!QDir().mkpath(to)) {
        for (const auto& name : names)
            result.failed << QObject::tr("%1: cannot create %2").arg(name, QDir::toNativeSeparators(to));
        return result;
    }
    for (const auto& name : names) {
        const QString target = to + QLatin1Char('/') + name;
        if (QFile::exists(target))
            result.failed << QObject::tr("%1: a recording of that name is already in %2")
                                 .arg(name, QDir::toNativeSeparators(to));
        else if (!QFile::rename(source.filePath(name), target))
            result.failed << QObject::tr("%1: could not be moved").arg(name);
        else
            ++result.moved;
    }
    source.rmdir(from); // only if it is empty now
    return result;
}
