#pragma once

#include "isolens/core/engine/engine_types.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace isolens {

// Labels on every container IsoLens creates, so a crashed run's containers can be found again.
inline constexpr const char* kSessionLabel = "isolens.session";
inline constexpr const char* kModeLabel = "isolens.mode";
inline constexpr const char* kOwnerPidLabel = "isolens.owner-pid";
inline constexpr const char* kOwnerHostLabel = "isolens.owner-host";

// The name IsoLens gives a pair's container: isolens-<session>-<mode label, made name-safe>.
std::string pairContainerName(const std::string& session, const std::string& modeLabel);

// Whose a container carrying IsoLens' session label is. Labels alone prove nothing: an image
// built with them passes them to every container run from it.
enum class Ownership {
    OursEnded,   // this machine's IsoLens created it and its session is gone: cleanup may remove it
    OursRunning, // this machine's IsoLens created it and its session still runs
    OtherHost,   // IsoLens on another machine made it (by name and labels): removed only when asked
    NotIsoLens,  // the labels do not prove IsoLens made it: never removed
};
std::string_view toString(Ownership ownership); // "ours-ended", "ours-running", "other-host", "not-isolens"

struct OwnershipVerdict {
    Ownership ownership = Ownership::NotIsoLens;
    std::string reason; // one sentence for the user
};

// What is known about one labelled container.
struct OwnershipEvidence {
    ContainerSummary container;
    std::optional<Labels> imageLabels; // nullopt: its image could not be inspected
    std::set<std::string> createdHere; // IDs this user's IsoLens recorded creating
    std::string thisHost;
    bool ownerProcessAlive = false; // the owner-pid label names a live process on this machine
};

OwnershipVerdict judgeOwnership(const OwnershipEvidence& evidence);

} // namespace isolens
