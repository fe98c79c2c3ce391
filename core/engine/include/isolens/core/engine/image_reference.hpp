#pragma once

#include "isolens/core/base/error.hpp"

#include <string>
#include <string_view>

namespace isolens {

// An image reference split the way the Docker reference grammar does
// (distribution/reference): [domain/]path[:tag][@digest].
struct ImageReference {
    std::string domain; // empty: Docker Hub
    std::string path;   // as given: "busybox", "windows/servercore" (Docker Hub's "library/" is not added)
    std::string tag;    // empty when none was given
    std::string digest; // "sha256:..." or empty

    // The repository as the engine's pull endpoint expects in fromImage (domain/path).
    std::string repository() const;
    // The full reference, with ":latest" added when neither tag nor digest was given.
    std::string withDefaultTag() const;
};

// Validates and splits a reference; rejects anything the engine would reject, with a message saying why.
Result<ImageReference> parseImageReference(std::string_view text);

// Container names the engine accepts: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (a leading '/' is allowed).
Result<void> validateContainerName(std::string_view name);

} // namespace isolens
