#include "isolens/core/engine/image_reference.hpp"

#include <algorithm>
#include <regex>

namespace isolens {

namespace {

// The grammar of distribution/reference (regexp.go), spelled out piece by piece.
const std::string kAlphaNumeric = "[a-z0-9]+";
// The grammar's separator is [-]* (which allows none); as one or more dashes it means the same, and
// the regex stays unambiguous: std::regex backtracks, and an ambiguous one took seconds on "aaaa…a!".
const std::string kSeparator = "(?:[._]|__|-+)";
const std::string kPathComponent = kAlphaNumeric + "(?:" + kSeparator + kAlphaNumeric + ")*";
const std::string kDomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const std::string kIpv6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const std::string kDomain =
    "(?:" + kDomainComponent + "(?:\\." + kDomainComponent + ")*|" + kIpv6 + ")(?::[0-9]+)?";
const std::string kTag = "[\\w][\\w.-]{0,127}";
const std::string kDigest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

// The limit is on the repository's path (its remote name), not the domain (RepositoryNameTotalLengthMax).
constexpr std::size_t kMaxPathLength = 255;
// The grammar leaves the domain open; no registry can be reached at a longer one: a DNS name has at
// most 253 characters, then a port (":65535").
constexpr std::size_t kMaxDomainLength = 253 + 6;
// Longer than any valid reference (domain, path, a 128-character tag, a sha512 digest): refused before
// the regex runs.
constexpr std::size_t kMaxReferenceLength = 1024;

Error invalidReference(std::string_view text, std::string_view why)
{
    return makeError(ErrorKind::InvalidInput,
                     "Invalid image reference '" + std::string(text) + "': " + std::string(why));
}

// The first component is a registry domain when it looks like a host (docker's splitDockerDomain).
bool looksLikeDomain(std::string_view component)
{
    return component.find_first_of(".:") != std::string_view::npos || component == "localhost" ||
           std::any_of(component.begin(), component.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A bare image ID ([a-f0-9]{64}): never a repository name (ParseNormalizedNamed refuses it).
bool isImageId(std::string_view text)
{
    return text.size() == 64 && isLowerHex(text);
}

// The grammar lets any algorithm and at least 32 hex digits through; go-digest then accepts only the
// algorithms it knows, each with its own number of lower-case hex digits.
bool isSupportedDigest(std::string_view digest)
{
    const auto colon = digest.find(':');
    const auto algorithm = digest.substr(0, colon);
    const auto encoded = digest.substr(colon + 1);
    const std::size_t digits = algorithm == "sha256"   ? 64
                               : algorithm == "sha384" ? 96
                               : algorithm == "sha512" ? 128
                                                       : 0;
    return digits != 0 && encoded.size() == digits && isLowerHex(encoded);
}

// The path as Docker Hub names it: a single component is an official image, under "library/".
std::size_t normalizedPathLength(const ImageReference& reference)
{
    const bool hub =
        reference.domain.empty() || reference.domain == "docker.io" || reference.domain == "index.docker.io";
    const bool official = hub && reference.path.find('/') == std::string::npos;
    return reference.path.size() + (official ? std::string_view("library/").size() : 0);
}

std::string toLower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

} // namespace

std::string ImageReference::repository() const
{
    return domain.empty() ? path : domain + "/" + path;
}

std::string ImageReference::withDefaultTag() const
{
    std::string out = repository();
    if (!tag.empty())
        out += ":" + tag;
    if (!digest.empty())
        out += "@" + digest;
    if (tag.empty() && digest.empty())
        out += ":latest";
    return out;
}

Result<ImageReference> parseImageReference(std::string_view text)
{
    if (text.empty())
        return invalidReference(text, "it is empty");
    if (text.find_first_of(" \t\r\n") != std::string_view::npos)
        return invalidReference(text, "it contains white space");
    if (text.size() > kMaxReferenceLength)
        return invalidReference(text.substr(0, 64), "it is longer than any image reference can be (" +
                                                        std::to_string(text.size()) + " characters)");
    if (isImageId(text))
        return invalidReference(text, "a repository name cannot be a 64-character hexadecimal string (an "
                                      "image ID; write sha256:<ID> to name an image by its ID)");

    static const std::regex kReference("^(?:(" + kDomain + ")/)?(" + kPathComponent + "(?:/" +
                                       kPathComponent + ")*)(?::(" + kTag + "))?(?:@(" + kDigest + "))?$");
    const std::string input(text);
    std::smatch match;
    if (!std::regex_match(input, match, kReference)) {
        // Say why in the common case: it would be valid in lower case.
        if (const auto lower = toLower(input); lower != input && std::regex_match(lower, kReference))
            return invalidReference(text, "repository names must be lowercase");
        return invalidReference(text, "it does not follow [registry/]name[:tag][@digest] with lowercase "
                                      "names, a tag of letters, digits, '_', '.', '-' (at most 128), and a "
                                      "digest like sha256:<hex>");
    }

    ImageReference reference;
    reference.domain = match[1].str();
    reference.path = match[2].str();
    reference.tag = match[3].str();
    reference.digest = match[4].str();

    // A first component that is not a domain belongs to the path (e.g. "library/busybox").
    if (!reference.domain.empty() && !looksLikeDomain(reference.domain)) {
        reference.path = reference.domain + "/" + reference.path;
        reference.domain.clear();
    }
    // Uppercase is only legal in a domain.
    for (char c : reference.path)
        if (c >= 'A' && c <= 'Z')
            return invalidReference(text, "repository names must be lowercase");
    if (reference.domain.size() > kMaxDomainLength)
        return invalidReference(text, "the registry's address is longer than a host name and port can be");
    if (normalizedPathLength(reference) > kMaxPathLength)
        return invalidReference(text, "the repository name is longer than 255 characters");
    if (!reference.digest.empty() && !isSupportedDigest(reference.digest))
        return invalidReference(text, "the digest must be sha256:<64 hex digits>, sha384:<96> or "
                                      "sha512:<128>, in lower case");
    return reference;
}

Result<void> validateContainerName(std::string_view name)
{
    static const std::regex kName("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    if (name.size() > kMaxReferenceLength || !std::regex_match(std::string(name), kName))
        return makeError(
            ErrorKind::InvalidInput,
            "Invalid container name '" + std::string(name) +
                "': use at least two characters from [a-zA-Z0-9_.-], starting with a letter or digit");
    return success();
}

} // namespace isolens
