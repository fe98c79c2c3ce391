#include "isolens/core/platform/windows_permissions.hpp"

namespace isolens {

// Sources (not checked on a real Windows host here): Docker's "Install Docker Desktop on Windows" (add the
// user to the docker-users group, then sign out and back in); the dockerd reference's daemon.json "group"
// option, which on Windows names the group given access to the engine's named pipe; without it the pipe
// admits administrators and SYSTEM only.
std::string pipeAccessHint(WindowsEngineProduct product, Elevation elevation)
{
    if (elevation == Elevation::Elevated)
        return "The pipe refused even administrator rights, so whatever serves it may not be Docker: restart "
               "Docker (Docker Desktop, or Restart-Service docker) and try again.";
    const std::string desktop =
        "add this account to the docker-users group (as an administrator: net localgroup docker-users "
        "\"%USERNAME%\" /add), then sign out of Windows and back in";
    const std::string service =
        "run IsoLens as an administrator (right-click it, Run as administrator), or let a group in with "
        "\"group\": \"docker-users\" in C:\\ProgramData\\docker\\config\\daemon.json and Restart-Service "
        "docker";
    switch (product) {
    case WindowsEngineProduct::DockerDesktop:
        return "Docker Desktop's engine admits members of docker-users: " + desktop + ".";
    case WindowsEngineProduct::DockerEngineService:
        return "The Docker service's pipe admits administrators only: " + service + ".";
    case WindowsEngineProduct::Unknown:
        break;
    }
    return "With Docker Desktop, " + desktop + "; with the Docker service, " + service + ".";
}

std::string deniedProcessesReason(Elevation elevation)
{
    if (elevation == Elevation::Elevated)
        return "access denied even with administrator rights: protected system processes refuse every reader";
    return "access denied: run IsoLens as an administrator to read them";
}

} // namespace isolens
