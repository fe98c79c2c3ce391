#include "isolens/core/platform/processes.hpp"

#include <cerrno>

#include <signal.h>
#include <unistd.h>

namespace isolens {

std::string thisHostName()
{
    char name[256] = {};
    return gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string("unknown");
}

int thisProcessId()
{
    return static_cast<int>(getpid());
}

bool processAlive(int pid)
{
    if (pid <= 0)
        return false;
    return kill(pid, 0) == 0 || errno == EPERM; // EPERM: alive, another user's
}

} // namespace isolens
