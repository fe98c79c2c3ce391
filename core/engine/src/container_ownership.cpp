#include "isolens/core/engine/container_ownership.hpp"

#include <cctype>

namespace isolens {

namespace {

std::string labelOf(const Labels& labels, const char* key)
{
    auto it = labels.find(key);
    return it == labels.end() ? std::string{} : it->second;
}

OwnershipVerdict notIsoLens(std::string reason)
{
    return {Ownership::NotIsoLens, std::move(reason)};
}

} // namespace

std::string pairContainerName(const std::string& session, const std::string& modeLabel)
{
    std::string name = "isolens-" + session + "-";
    for (char c : modeLabel)
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '-';
    return name;
}

std::string_view toString(Ownership ownership)
{
    switch (ownership) {
    case Ownership::OursEnded:
        return "ours-ended";
    case Ownership::OursRunning:
        return "ours-running";
    case Ownership::OtherHost:
        return "other-host";
    case Ownership::NotIsoLens:
        return "not-isolens";
    }
    return "not-isolens";
}

OwnershipVerdict judgeOwnership(const OwnershipEvidence& evidence)
{
    const auto& labels = evidence.container.labels;
    const auto session = labelOf(labels, kSessionLabel);
    if (session.empty())
        return notIsoLens("it has no IsoLens session label");
    if (!evidence.imageLabels)
        return notIsoLens("its image could not be inspected, so its labels may be the image's");
    // IsoLens draws a new session for every pair, so a session its image also has came from the image.
    if (labelOf(*evidence.imageLabels, kSessionLabel) == session)
        return notIsoLens("its session label comes from its image");
    if (evidence.container.name != pairContainerName(session, labelOf(labels, kModeLabel)))
        return notIsoLens("its name is not the one IsoLens gives session " + session + "'s containers");

    const auto owner = labelOf(labels, kOwnerHostLabel);
    if (owner != evidence.thisHost)
        return {Ownership::OtherHost,
                "created from " + (owner.empty() ? std::string("an unknown machine") : owner)};
    if (!evidence.createdHere.contains(evidence.container.id))
        return notIsoLens("IsoLens on this machine has no record of creating it");
    if (evidence.ownerProcessAlive)
        return {Ownership::OursRunning, "its session is still running"};
    return {Ownership::OursEnded, "its IsoLens process (" + labelOf(labels, kOwnerPidLabel) + ") is gone"};
}

} // namespace isolens
