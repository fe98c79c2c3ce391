#include "isolens/core/base/error.hpp"

#include <utility>

namespace isolens {

std::string_view toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::EngineUnreachable:
        return "engine-unreachable";
    case ErrorKind::PermissionDenied:
        return "permission-denied";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::InvalidInput:
        return "invalid-input";
    case ErrorKind::InvalidEndpoint:
        return "invalid-endpoint";
    case ErrorKind::InsecureEndpoint:
        return "insecure-endpoint";
    case ErrorKind::TlsFailure:
        return "tls-failure";
    case ErrorKind::ProtocolError:
        return "protocol-error";
    case ErrorKind::ImageNotFound:
        return "image-not-found";
    case ErrorKind::ContainerNotFound:
        return "container-not-found";
    case ErrorKind::NameConflict:
        return "name-conflict";
    case ErrorKind::OsMismatch:
        return "os-mismatch";
    case ErrorKind::HypervisorMissing:
        return "hypervisor-missing";
    case ErrorKind::NoMatchingManifest:
        return "no-matching-manifest";
    case ErrorKind::InvalidIsolation:
        return "invalid-isolation";
    case ErrorKind::ApiVersionTooOld:
        return "api-version-too-old";
    case ErrorKind::ClientApiVersionTooOld:
        return "client-api-version-too-old";
    case ErrorKind::RegistryUnreachable:
        return "registry-unreachable";
    case ErrorKind::DiskFull:
        return "disk-full";
    case ErrorKind::Other:
        return "other";
    }
    return "other";
}

std::string hintFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::EngineUnreachable:
        return "Start the Docker engine (on Windows: start Docker Desktop and switch to Windows containers, "
               "or start the docker service), or point --host / DOCKER_HOST at a running engine.";
    case ErrorKind::PermissionDenied:
        return "Run as a user allowed to use the engine: on Linux join the 'docker' group, on Windows run "
               "as an administrator or a member of docker-users.";
    case ErrorKind::Timeout:
        return "The engine is busy or hung: check that it responds (docker version) and try again.";
    case ErrorKind::Cancelled:
        return "The request was stopped before it finished.";
    case ErrorKind::InvalidInput:
        return "Correct the value and try again.";
    case ErrorKind::InvalidEndpoint:
        return "Use unix:///path, npipe:////./pipe/name or tcp://host:port in --host, DOCKER_HOST or the "
               "context.";
    case ErrorKind::InsecureEndpoint:
        return "Plain tcp:// gives root-equivalent access to anyone on the network: enable TLS "
               "(DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or pass --allow-insecure-tcp if you really "
               "mean it.";
    case ErrorKind::TlsFailure:
        return "The engine expects TLS, or its certificate was not accepted: set DOCKER_TLS_VERIFY=1 and "
               "DOCKER_CERT_PATH to a folder with ca.pem, cert.pem and key.pem, and check that the engine's "
               "certificate matches its host name.";
    case ErrorKind::ProtocolError:
        return "The endpoint does not speak the Docker Engine API: check that it is a Docker engine.";
    case ErrorKind::ImageNotFound:
        return "Check the image name and tag, pull it first, or log in to the registry that holds it.";
    case ErrorKind::ContainerNotFound:
        return "Check the container's name or ID (docker ps -a lists them); it may have been removed.";
    case ErrorKind::NameConflict:
        return "Choose another container name, or remove the existing container with that name.";
    case ErrorKind::HypervisorMissing:
        return "Hyper-V isolation needs the Hyper-V feature and virtualization: enable Hyper-V (Windows "
               "10/11: "
               "Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V; Windows Server: "
               "Install-WindowsFeature Hyper-V) and virtualization in the firmware, or, in a virtual "
               "machine, "
               "nested virtualization (Set-VMProcessor -ExposeVirtualizationExtensions $true on its host). "
               "Process isolation needs neither.";
    case ErrorKind::OsMismatch:
        return "Process isolation needs an image built for this host's Windows build: use the tag that "
               "matches the host (e.g. ltsc2022 on Windows Server 2022), or run with Hyper-V isolation.";
    case ErrorKind::NoMatchingManifest:
        return "The image has no variant for this host's OS version: it is newer than the host. Pick a tag "
               "built for this Windows build or older (e.g. ltsc2019 on a 17763 host).";
    case ErrorKind::InvalidIsolation:
        return "This engine does not support that isolation mode: Linux engines only offer 'default'; "
               "compare runtimes instead.";
    case ErrorKind::ApiVersionTooOld:
        return "The engine is older than IsoLens needs: update Docker, or unset DOCKER_API_VERSION if it "
               "pins "
               "a version the engine does not speak.";
    case ErrorKind::ClientApiVersionTooOld:
        return "The engine needs a newer API than IsoLens asked for: update IsoLens, or unset "
               "DOCKER_API_VERSION if it pins an older version.";
    case ErrorKind::RegistryUnreachable:
        return "The engine pulls, not IsoLens: check the engine host's network and DNS; behind a proxy, set "
               "HTTP_PROXY/HTTPS_PROXY for the engine (its service environment, daemon.json \"proxies\" or "
               "Docker Desktop's proxy settings), or configure a registry mirror (\"registry-mirrors\").";
    case ErrorKind::DiskFull:
        return "Free space on the disk that holds the file, or write it to another disk.";
    case ErrorKind::Other:
        return "See the engine's message above; the engine's log may say more.";
    }
    return {};
}

Error makeError(ErrorKind kind, std::string message, int httpStatus)
{
    return Error{kind, httpStatus, std::move(message), hintFor(kind)};
}

std::string Error::whatHappened() const
{
    std::string out = message.empty() ? std::string(toString(kind)) : message;
    if (httpStatus != 0)
        out += " (HTTP " + std::to_string(httpStatus) + ")";
    return out;
}

std::string Error::describe() const
{
    std::string out = whatHappened();
    if (!hint.empty())
        out += " \u2014 " + hint;
    return out;
}

} // namespace isolens
