#pragma once

#include <string>

namespace isolens {

// Whether this process runs with administrator rights (Windows: the token's TokenElevation; elsewhere:
// root), or Unknown when the system does not say.
enum class Elevation { Elevated, NotElevated, Unknown };

// Which Docker serves the Windows engine pipe: Docker Desktop (members of docker-users may use it) or the
// Docker Engine service of Windows Server (administrators only, unless daemon.json's "group" says more).
enum class WindowsEngineProduct { DockerDesktop, DockerEngineService, Unknown };

Elevation currentElevation();

// Which Docker is installed on this PC, from its program folders; Unknown elsewhere and when neither is.
WindowsEngineProduct installedWindowsEngineProduct();

// What to do when the engine's named pipe refused this user, worded for the Docker that serves it.
std::string pipeAccessHint(WindowsEngineProduct product, Elevation elevation);

// Why some processes' CPU and memory could not be read: not elevated (run as administrator), or refused
// even so (protected processes).
std::string deniedProcessesReason(Elevation elevation);

} // namespace isolens
