#pragma once

#include <boost/outcome/result.hpp>

#include <string>
#include <string_view>

namespace isolens {

// What went wrong, in the terms a user can act on. Each kind has its own hint.
enum class ErrorKind {
    EngineUnreachable, // nothing answers at the endpoint, or the connection broke
    PermissionDenied,  // the socket or pipe exists but we may not open it
    Timeout,           // the engine did not answer in time
    Cancelled,         // the caller stopped the request
    InvalidInput,      // rejected before any request was sent
    InvalidEndpoint,   // DOCKER_HOST, --host or a context names something we cannot use
    InsecureEndpoint,  // plain tcp:// without an explicit opt-in
    TlsFailure,        // handshake or certificate problem
    ProtocolError,     // the engine sent something that is not valid HTTP or JSON
    ImageNotFound,
    ContainerNotFound,
    NameConflict,
    OsMismatch,         // HCS 0x80370101: process isolation with an image of another Windows build
    NoMatchingManifest, // the image has no variant for this host's platform or build
    InvalidIsolation,   // e.g. a Linux engine asked for "process" or "hyperv"
    ApiVersionTooOld,   // the engine's API is older than IsoLens (or DOCKER_API_VERSION) needs: update Docker
    ClientApiVersionTooOld, // the engine needs a newer API than IsoLens speaks: update IsoLens
    RegistryUnreachable,    // the engine answered, but it could not reach the registry (DNS, proxy, firewall)
    HypervisorMissing,      // HCS 0x80370102 and kin: Hyper-V isolation without Hyper-V or a hypervisor
    DiskFull,               // a file being written: its disk is full, or the user's quota is used up
    Other,
};

std::string_view toString(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Other;
    int httpStatus = 0;  // 0 when no HTTP response was received
    std::string message; // the engine's (or the system's) own words
    std::string hint;    // one sentence: what the user can do about it

    // "message (HTTP 404) — hint", for logs and command-line output.
    std::string describe() const;
    // "message (HTTP 404)": what happened, for a view that shows the hint on its own.
    std::string whatHappened() const;
};

// Builds an error whose hint is the standard one for its kind.
Error makeError(ErrorKind kind, std::string message, int httpStatus = 0);

// The standard one-sentence hint for a kind; may mention the message's specifics.
std::string hintFor(ErrorKind kind);

template <class T>
using Result = boost::outcome_v2::result<T, Error, boost::outcome_v2::policy::terminate>;

inline auto success()
{
    return boost::outcome_v2::success();
}

} // namespace isolens
