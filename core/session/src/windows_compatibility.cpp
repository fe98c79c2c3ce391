#include "isolens/core/session/windows_compatibility.hpp"

#include "isolens/core/base/text.hpp"

#include <array>
#include <charconv>

namespace isolens::windows {

namespace {

constexpr unsigned kFirstLtscWithRangeRule = 20348;
constexpr std::array<unsigned, 2> kLtscBuilds{20348, 26100};

struct NamedTag {
    std::string_view tag;
    unsigned build;
};

// Tags published for each base image (the tag lists of mcr.microsoft.com/windows/servercore,
// nanoserver and server); there is no "latest".
struct BaseImage {
    std::string_view name;
    std::vector<NamedTag> tags;
};

const std::vector<BaseImage>& baseImages()
{
    static const std::vector<BaseImage> images{
        {"servercore",
         {{"ltsc2019", 17763}, {"2004", 19041}, {"20H2", 19042}, {"ltsc2022", 20348}, {"ltsc2025", 26100}}},
        {"nanoserver", {{"1809", 17763}, {"ltsc2022", 20348}, {"ltsc2025", 26100}}},
        {"server", {{"ltsc2022", 20348}}},
    };
    return images;
}

const BaseImage* baseImage(std::string_view repository)
{
    const auto slash = repository.rfind('/');
    const auto name = repository.substr(slash == std::string_view::npos ? 0 : slash + 1);
    const bool microsoft = repository.find("mcr.microsoft.com/windows/") == 0 ||
                           repository.find("windows/") == 0 || repository == name;
    if (!microsoft)
        return nullptr;
    for (const auto& image : baseImages())
        if (image.name == name)
            return &image;
    return nullptr;
}

std::optional<unsigned> number(std::string_view text)
{
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::optional<Build> parseBuild(std::string_view text)
{
    if (text.starts_with("10.0."))
        text.remove_prefix(5);
    const auto dot = text.find('.');
    const auto build = number(text.substr(0, dot));
    if (!build || *build < 1000)
        return std::nullopt;
    Build result{*build, std::nullopt};
    if (dot != std::string_view::npos) {
        const auto revision = number(text.substr(dot + 1));
        if (!revision)
            return std::nullopt;
        result.revision = revision;
    }
    return result;
}

std::optional<unsigned> buildOfTag(std::string_view tag)
{
    const auto lower = toLowerAscii(tag);
    static constexpr std::array<NamedTag, 8> kNamed{{{"ltsc2019", 17763},
                                                     {"1809", 17763},
                                                     {"1903", 18362},
                                                     {"1909", 18363},
                                                     {"2004", 19041},
                                                     {"20h2", 19042},
                                                     {"ltsc2022", 20348},
                                                     {"ltsc2025", 26100}}};
    for (const auto& named : kNamed)
        if (lower == named.tag || (lower.rfind(named.tag, 0) == 0 && lower[named.tag.size()] == '-'))
            return named.build;
    if (lower.rfind("10.0.", 0) == 0) {
        const auto version = lower.substr(0, lower.find('-'));
        if (auto build = parseBuild(version))
            return build->number;
    }
    return std::nullopt;
}

std::optional<unsigned> buildFromKernelVersion(std::string_view kernelVersion)
{
    // "10.0 20348 (20348.1.amd64fre...)": the second word.
    const auto space = kernelVersion.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    auto rest = kernelVersion.substr(space + 1);
    return number(rest.substr(0, rest.find(' ')));
}

std::string_view toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return "ok";
    case Verdict::OsMismatch:
        return "os-mismatch";
    case Verdict::NoMatchingManifest:
        return "no-matching-manifest";
    case Verdict::Unknown:
        return "unknown";
    }
    return "unknown";
}

bool processIsolationRuns(unsigned hostBuild, unsigned imageBuild)
{
    if (hostBuild < kFirstLtscWithRangeRule)
        return imageBuild == hostBuild;
    unsigned ltsc = kFirstLtscWithRangeRule;
    for (unsigned candidate : kLtscBuilds)
        if (candidate < hostBuild)
            ltsc = candidate;
    return ltsc <= imageBuild && imageBuild <= hostBuild;
}

bool hyperVIsolationRuns(unsigned hostBuild, unsigned imageBuild)
{
    return imageBuild <= hostBuild;
}

Verdict predict(std::string_view isolation, unsigned hostBuild, unsigned imageBuild)
{
    if (imageBuild > hostBuild)
        return Verdict::NoMatchingManifest;
    if (isolation == "process")
        return processIsolationRuns(hostBuild, imageBuild) ? Verdict::Ok : Verdict::OsMismatch;
    return hyperVIsolationRuns(hostBuild, imageBuild) ? Verdict::Ok : Verdict::OsMismatch;
}

std::string expectedMessage(Verdict verdict, unsigned hostBuild, unsigned imageBuild)
{
    switch (verdict) {
    case Verdict::OsMismatch:
        return "The container operating system does not match the host operating system. (0x80370101: image "
               "build " +
               std::to_string(imageBuild) + ", host build " + std::to_string(hostBuild) + ")";
    case Verdict::NoMatchingManifest:
        return "no matching manifest for windows/amd64 10.0." + std::to_string(hostBuild) +
               " in the manifest list entries (the image is for build " + std::to_string(imageBuild) +
               ", newer than the host)";
    default:
        return {};
    }
}

bool isMicrosoftBaseImage(std::string_view repository)
{
    return baseImage(repository) != nullptr;
}

std::optional<std::string> suggestTag(std::string_view repository, unsigned hostBuild,
                                      std::string_view isolation)
{
    const auto* image = baseImage(repository);
    if (!image)
        return std::nullopt;
    const NamedTag* best = nullptr;
    for (const auto& tag : image->tags)
        if (predict(isolation, hostBuild, tag.build) == Verdict::Ok && (!best || tag.build > best->build))
            best = &tag;
    if (!best)
        return std::nullopt;
    return "mcr.microsoft.com/windows/" + std::string(image->name) + ":" + std::string(best->tag);
}

} // namespace isolens::windows
