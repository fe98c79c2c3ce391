#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/session/windows_compatibility.hpp"

#include <optional>
#include <string>
#include <vector>

namespace isolens {

struct ModeVerdict {
    IsolationMode mode;
    windows::Verdict verdict = windows::Verdict::Unknown;
    std::string message;    // the engine's words for a predicted failure, or why the verdict is unknown
    std::string suggestion; // an image reference that would work in this mode, when one is known
};

struct PreflightReport {
    std::string image;
    std::string engineOs; // "windows", "linux", or "" offline
    std::optional<unsigned> hostBuild;
    std::string hostBuildSource; // "--host-build", "engine"
    std::optional<unsigned> imageBuild;
    std::string imageBuildSource; // "tag", "local image", "registry"
    std::vector<ModeVerdict> modes;
};

struct PreflightRequest {
    std::optional<unsigned> hostBuild; // --host-build
    bool offline = false;              // no engine, no registry: the tag and --host-build must say it all
};

// Predicts, per mode, whether the image will run, fail with "The container operating system does
// not match the host operating system", or fail to pull with "no matching manifest". engine may be
// null when offline.
Result<PreflightReport> runPreflight(const ImageReference& image, const PreflightRequest& request,
                                     EngineClient* engine);

// The verdicts for Windows once the host and image builds are known (or not).
std::vector<ModeVerdict> windowsVerdicts(const ImageReference& image, std::optional<unsigned> hostBuild,
                                         std::optional<unsigned> imageBuild,
                                         const std::string& unknownReason);

} // namespace isolens
