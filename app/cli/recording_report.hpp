#pragma once

#include "isolens/core/recording/recording.hpp"

#include <nlohmann/json.hpp>

#include <optional>

// How the command line tells of a recording that could not be written: at once, when it first fails
// (what happened and what to do; sampling goes on in memory), and again at the end of the run.
enum class RecordingPurpose {
    Asked,         // --record FILE
    ForTheCsvOnly, // a temporary recording the CSV is made from
};

void reportRecordingFailure(const isolens::RecordingFailure& failure, RecordingPurpose purpose);
void reportIncompleteRecording(const isolens::RecordingFailure& failure);
// For --json: null when the recording is whole.
nlohmann::json recordingFailureJson(const std::optional<isolens::RecordingFailure>& failure);
