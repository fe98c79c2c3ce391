#pragma once

#include "isolens/core/base/error.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace isolens {

// One line of POST /images/create's progress stream.
struct PullEvent {
    std::string layerId; // empty for whole-image messages ("Pulling from ...", "Digest: ...")
    std::string status;  // "Downloading", "Pull complete", "Already exists", ...
    std::string progressText;
    std::int64_t current = 0;
    std::int64_t total = 0;
    std::optional<std::string> error; // set when the engine reports a failure inside the 200 stream
};

// Reads one progress object; unknown or missing fields are left empty.
PullEvent pullEventFromJson(const nlohmann::json& json);

// Parses one NDJSON line; a line that is not a JSON object is a protocol error.
Result<PullEvent> parsePullEvent(std::string_view line);

// Sums per-layer progress into one figure for a progress bar.
class PullProgressTracker {
public:
    struct Layer {
        std::string status;
        std::int64_t current = 0;
        std::int64_t total = 0;
        bool done = false;
    };

    void apply(const PullEvent& event);
    // 0..1 over the layers seen so far; finished layers count as complete, and a pull the engine
    // reported as finished ("Status: ...") is complete even when it had no layer to fetch.
    double fraction() const;
    bool finished() const { return finished_; }
    const std::map<std::string, Layer>& layers() const { return layers_; }
    int layersDone() const;

private:
    std::map<std::string, Layer> layers_;
    bool finished_ = false;
};

} // namespace isolens
