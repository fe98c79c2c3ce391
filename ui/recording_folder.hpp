#pragma once

#include <QString>
#include <QStringList>

// Where the dashboard records live sessions when the user chose no folder: <the user's data folder>/
// IsoLens/recordings. On Linux the XDG data home (~/.local/share); on Windows the local application
// data (%LOCALAPPDATA%): recordings grow, and the roaming profile (%APPDATA%) is copied at every sign-in
// on a domain. Not Qt's AppDataLocation, which is <data>/<organization>/<application>.
QString defaultRecordingFolder();

// Windows: where earlier versions recorded (%APPDATA%\IsoLens\recordings); empty elsewhere.
QString earlierRecordingFolder();

struct RecordingMove {
    int moved = 0;
    QStringList failed; // "name: why", for the files left where they were
};

// Moves the recordings (*.jsonl) in `from` into `to` (made if needed), keeping their names; a file whose
// name is already taken in `to` stays where it is (and is reported), nothing is overwritten.
RecordingMove moveRecordings(const QString& from, const QString& to);
