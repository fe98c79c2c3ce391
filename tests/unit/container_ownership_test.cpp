#include "isolens/core/engine/container_ownership.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

constexpr const char* kId = "c0ffee";
constexpr const char* kHere = "this-machine";

// A container as IsoLens' pair on this machine makes it, for session 1a2b3c4d.
ContainerSummary pairContainer()
{
    ContainerSummary container;
    container.id = kId;
    container.name = "isolens-1a2b3c4d-runc";
    container.labels = {{kSessionLabel, "1a2b3c4d"},
                        {kModeLabel, "runc"},
                        {kOwnerPidLabel, "4242"},
                        {kOwnerHostLabel, kHere}};
    return container;
}

OwnershipEvidence evidence(ContainerSummary container, std::optional<Labels> imageLabels = Labels{},
                           std::set<std::string> createdHere = {kId}, bool alive = false)
{
    return {std::move(container), std::move(imageLabels), std::move(createdHere), kHere, alive};
}

ContainerSummary with(ContainerSummary container, const char* key, std::string value)
{
    container.labels[key] = std::move(value);
    return container;
}

ContainerSummary named(ContainerSummary container, std::string name)
{
    container.name = std::move(name);
    return container;
}

} // namespace

TEST(ContainerOwnership, OnlyIsoLensOwnEvidenceMakesAContainerRemovable)
{
    struct Case {
        const char* what;
        OwnershipEvidence evidence;
        Ownership expected;
        const char* reasonHas;
    };
    const Case cases[] = {
        {"ours, its process gone", evidence(pairContainer()), Ownership::OursEnded, "(4242) is gone"},
        {"ours, its process alive", evidence(pairContainer(), Labels{}, {kId}, true), Ownership::OursRunning,
         "still running"},
        {"the session label is its image's", evidence(pairContainer(), Labels{{kSessionLabel, "1a2b3c4d"}}),
         Ownership::NotIsoLens, "comes from its image"},
        {"an image with an older session label, overridden by IsoLens",
         evidence(pairContainer(), Labels{{kSessionLabel, "deadbeef"}}), Ownership::OursEnded, "is gone"},
        {"its image could not be inspected", evidence(pairContainer(), std::nullopt), Ownership::NotIsoLens,
         "could not be inspected"},
        {"another name", evidence(named(pairContainer(), "postgres")), Ownership::NotIsoLens, "its name"},
        {"a name for another session", evidence(named(pairContainer(), "isolens-99999999-runc")),
         Ownership::NotIsoLens, "its name"},
        {"a mode label made name-safe",
         evidence(
             named(with(pairContainer(), kModeLabel, "runc (default)"), "isolens-1a2b3c4d-runc--default-")),
         Ownership::OursEnded, "is gone"},
        {"no record of creating it here", evidence(pairContainer(), Labels{}, {}), Ownership::NotIsoLens,
         "no record"},
        {"another machine's", evidence(with(pairContainer(), kOwnerHostLabel, "build-7"), Labels{}, {}),
         Ownership::OtherHost, "created from build-7"},
        {"no owner host", evidence(with(pairContainer(), kOwnerHostLabel, ""), Labels{}, {}),
         Ownership::OtherHost, "an unknown machine"},
        {"another machine's, labels from its image",
         evidence(with(pairContainer(), kOwnerHostLabel, "build-7"), Labels{{kSessionLabel, "1a2b3c4d"}}),
         Ownership::NotIsoLens, "comes from its image"},
        {"no session label", evidence(with(pairContainer(), kSessionLabel, "")), Ownership::NotIsoLens,
         "no IsoLens session label"},
    };
    for (const auto& c : cases) {
        const auto verdict = judgeOwnership(c.evidence);
        EXPECT_EQ(verdict.ownership, c.expected) << c.what << ": " << verdict.reason;
        EXPECT_NE(verdict.reason.find(c.reasonHas), std::string::npos) << c.what << ": " << verdict.reason;
    }
}

TEST(ContainerOwnership, PairNamesAreNameSafe)
{
    EXPECT_EQ(pairContainerName("1a2b3c4d", "runc"), "isolens-1a2b3c4d-runc");
    EXPECT_EQ(pairContainerName("1a2b3c4d", "hyperv/2 cpu"), "isolens-1a2b3c4d-hyperv-2-cpu");
    EXPECT_EQ(toString(Ownership::OtherHost), "other-host");
}
