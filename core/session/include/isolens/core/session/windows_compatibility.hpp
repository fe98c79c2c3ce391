#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Which Windows images run where, in which isolation mode (containerd platforms'
// CheckHostAndContainerCompat, hcsshim osversion, moby's pull filter in distribution/pull_v2_windows.go).
namespace isolens::windows {

struct Build {
    unsigned number = 0;              // 20348
    std::optional<unsigned> revision; // 2113
};

// "20348", "20348.2113", "10.0.20348", "10.0.20348.2113" -> build (and revision).
std::optional<Build> parseBuild(std::string_view text);

// The build a tag names: ltsc2019 and 1809 -> 17763, ltsc2022 -> 20348, ltsc2025 -> 26100, 2004 ->
// 19041, 20H2 -> 19042, or a full 10.0.B.R version; suffixes such as "-amd64" are ignored.
std::optional<unsigned> buildOfTag(std::string_view tag);

// "10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)" (the engine's KernelVersion) -> 20348.
std::optional<unsigned> buildFromKernelVersion(std::string_view kernelVersion);

enum class Verdict { Ok, OsMismatch, NoMatchingManifest, Unknown };
std::string_view toString(Verdict verdict); // "ok", "os-mismatch", "no-matching-manifest", "unknown"

// Process isolation: before 20348 the image build must equal the host's; from 20348 on, any build
// from the last LTSC below the host (20348 or 26100) up to the host's own.
bool processIsolationRuns(unsigned hostBuild, unsigned imageBuild);
// Hyper-V isolation runs any image not newer than the host.
bool hyperVIsolationRuns(unsigned hostBuild, unsigned imageBuild);

// The verdict for one mode ("process" or "hyperv"): an image newer than the host cannot even be
// pulled (the engine drops such manifest entries), so both modes say no-matching-manifest.
Verdict predict(std::string_view isolation, unsigned hostBuild, unsigned imageBuild);

// The engine's words for a predicted failure, so the preflight can show what the user would see.
std::string expectedMessage(Verdict verdict, unsigned hostBuild, unsigned imageBuild);

// The tag of a Microsoft base image (servercore, nanoserver or server) that suits the host in the
// given mode: the newest allowed build. Nothing when no published tag fits.
std::optional<std::string> suggestTag(std::string_view repository, unsigned hostBuild,
                                      std::string_view isolation);

// Is this one of Microsoft's Windows base images (mcr.microsoft.com/windows/servercore and friends)?
bool isMicrosoftBaseImage(std::string_view repository);

} // namespace isolens::windows
