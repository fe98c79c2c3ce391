#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_os.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/session/windows_compatibility.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

struct ModeVerdict {
    IsolationMode mode;
    windows::Verdict verdict = windows::Verdict::Unknown;
    std::string message;    // the engine's words for a predicted failure, or why the verdict is unknown
    std::string suggestion; // an image reference that would work in this mode, when one is known
};

// Where a preflight took a Windows build from.
enum class BuildSource { None, HostBuildOption, Engine, Tag, LocalImage, Registry };
// "--host-build", "engine", "tag", "local image", "registry"; "" for None.
std::string_view toString(BuildSource source);

struct PreflightReport {
    std::string image;
    std::optional<EngineOs> engineOs; // none offline
    std::optional<unsigned> hostBuild;
    BuildSource hostBuildSource = BuildSource::None; // HostBuildOption, Engine
    std::optional<unsigned> imageBuild;
    BuildSource imageBuildSource = BuildSource::None; // Tag, LocalImage, Registry
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

// One of a pair's modes as a display shows its preflight: still being checked, a check that failed,
// not checked (the report does not name the mode), or the report's verdict. The display words it.
struct ModePreflight {
    enum class State { Checking, CheckFailed, NotChecked, Judged };
    State state = State::Checking;
    windows::Verdict verdict = windows::Verdict::Unknown; // Judged
    std::string message;    // Judged: the verdict's reason, when it has one; CheckFailed: why it failed
    std::string suggestion; // Judged: an image reference that would work in this mode, when one is known
};

// The preflight of the mode with this label, from a report or the error that stopped it.
ModePreflight preflightOfMode(const Result<PreflightReport>& report, const std::string& modeLabel);

// The verdicts for Windows once the host and image builds are known (or not).
std::vector<ModeVerdict> windowsVerdicts(const ImageReference& image, std::optional<unsigned> hostBuild,
                                         std::optional<unsigned> imageBuild,
                                         const std::string& unknownReason);

} // namespace isolens
