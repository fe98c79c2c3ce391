#pragma once

#include <QString>

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace isolens {
class RecordingWriter;
struct RecordingHeader;
struct RecordingFailure;
} // namespace isolens

// A new live pair's recording in directory (created for the user alone: it names the engine and the
// command), named by time and image, never over an existing file (-2, -3 … when the name is taken).
// Returns the writer, or null and what went wrong in error.
std::unique_ptr<isolens::RecordingWriter> createSessionRecording(const QString& directory,
                                                                 const QString& image,
                                                                 const isolens::RecordingHeader& header,
                                                                 QString& error);

// What to tell the user when a recording could not be written: the system's message and what to do,
// including that sampling goes on in memory.
struct RecordingFailureText {
    QString message;
    QString hint;
};
RecordingFailureText describeRecordingFailure(const isolens::RecordingFailure& failure);
