#pragma once

#include "isolens/core/engine/isolation_mode.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// The version a recording's header line names; the reader reads every version's lines it can.
inline constexpr int kRecordingFormatVersion = 1;

// The engine a recording was made on.
struct RecordedEngine {
    std::string osType;   // "linux", "windows"
    std::string version;  // the engine's own version
    std::string endpoint; // where it was reached: "unix:///var/run/docker.sock"
    bool operator==(const RecordedEngine&) const = default;
};

// The limits both containers of a pair ran under; none: the engine's default (no limit).
struct RecordedLimits {
    std::optional<std::int64_t> memoryBytes;
    std::optional<std::int64_t> nanoCpus; // 1e9 per CPU
    bool operator==(const RecordedLimits&) const = default;
};

// What a stacks recording compares: two groups of containers, picked by the values of one label (a
// compose project per isolation mode). Its modes are the two values; each group's sum is recorded under
// its value and each member under "<value>/<container name>".
struct RecordedStacks {
    std::string label; // e.g. "com.docker.compose.project"
    bool operator==(const RecordedStacks&) const = default;
};

// A recording's first line: what was run, where, by what, and in which modes.
//   {"type":"header","format":"isolens-recording","version":1,"app_version":"...","started":<ns>,
//    "image":"...","command":[...],"workload":[...],"engine":{"os_type","version","endpoint"},
//    "host":{"description"},"recorded_by":"...","hardening":{...}|null,"modes":[{"label","isolation",
//    "runtime"}],"limits":{"memory_bytes","nano_cpus"},"invocation":[...]}, and for a comparison of
//    stacks "stacks":{"label"}
// A field missing from an older recording, or of another type, reads as empty; fields this version
// does not know (a newer version's, a synthetic recording's note) are kept in extra and written back.
struct RecordingHeader {
    int version = kRecordingFormatVersion;
    std::string appVersion;
    std::int64_t startedNanos = 0; // wall clock, nanoseconds since the epoch
    std::string image;
    std::vector<std::string> command;  // empty: the image's own
    std::vector<std::string> workload; // empty: none
    RecordedEngine engine;
    std::string hostDescription; // the host's OS, in its words
    std::string recordedBy;      // "isolens dashboard", "isolens-cli compare"
    nlohmann::json hardening;    // as hardeningToJson wrote it; null when there was none
    std::vector<IsolationMode> modes;
    RecordedLimits limits;
    std::vector<std::string> invocation;  // the command line that made it, word by word; empty: not a command
    std::optional<RecordedStacks> stacks; // none: a pair of containers
    nlohmann::json extra = nlohmann::json::object();

    // The hardening's description ("no network, at most 256 processes"); empty when there was none.
    std::string hardeningDescription() const;
    // The label of the pair's mode on this side (0 or 1); empty when the header names none.
    std::string modeLabel(std::size_t side) const;
};

// The header line as written, with its type, format and version.
nlohmann::json recordingHeaderToJson(const RecordingHeader& header);
// Any JSON object as a header; nothing is refused (the reader checks the type and format itself).
RecordingHeader recordingHeaderFromJson(const nlohmann::json& json);

} // namespace isolens
