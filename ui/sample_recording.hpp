#pragma once

#include <QString>

// The shipped sample recording as a file the core can read: copied out of the resources into the user's
// own cache folder (not the shared temporary folder). path is empty and error says why when it could not
// be.
struct SampleRecordingFile {
    QString path;
    QString error;
};
SampleRecordingFile sampleRecordingFile();
