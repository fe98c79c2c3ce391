#pragma once

#include "summary_view.hpp"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

namespace isolens {
class SeriesStore;
}

// A recording read for the dashboard to show: its series in a store of their own, and what its header and
// events say of the pair.
struct ReplayedSession {
    // A container that ended on its own, as the recording says: summary in one sentence, details with the
    // engine's error and the last output.
    struct Exit {
        QString mode;
        QString summary;
        QString details;
    };
    std::shared_ptr<isolens::SeriesStore> store;
    std::array<QString, 2> modeKeys;
    std::array<isolens::StartupTimes, 2> startup;
    QString title;     // the image
    QString hardening; // empty when the pair was not hardened
    std::vector<Exit> exits;
    QStringList problems; // what of the file is not shown, and why
};

// Reads the recording at path straight into a fresh store, line by line (a day-long recording is not
// held twice). Returns "" and fills session, or what went wrong.
QString replayRecording(const QString& path, ReplayedSession& session);
