#include "isolens/core/platform/processes.hpp"

#include <windows.h>

namespace isolens {

std::string thisHostName()
{
    char name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = sizeof name;
    return GetComputerNameA(name, &size) ? std::string(name, size) : std::string("unknown");
}

int thisProcessId()
{
    return static_cast<int>(GetCurrentProcessId());
}

bool processAlive(int pid)
{
    if (pid <= 0)
        return false;
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process) // another user's process (access denied) is alive, as EPERM is on Linux; no such one is not
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return running;
}

} // namespace isolens
