#include "windows_service.hpp"

#include "interrupts.hpp"

#ifdef _WIN32
#include <windows.h>

#include <atomic>

namespace {

// The Service Control Manager calls back on threads of its own: the state they share.
const std::function<int()>* serviceBody = nullptr;
SERVICE_STATUS_HANDLE statusHandle = nullptr;
std::atomic<int> exitCode{0};

void report(DWORD state, DWORD win32ExitCode = NO_ERROR, DWORD specificExitCode = 0)
{
    SERVICE_STATUS status{};
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    status.dwWin32ExitCode = win32ExitCode;
    status.dwServiceSpecificExitCode = specificExitCode;
    status.dwWaitHint = state == SERVICE_RUNNING || state == SERVICE_STOPPED ? 0 : 15000;
    SetServiceStatus(statusHandle, &status);
}

DWORD WINAPI onControl(DWORD control, DWORD, void*, void*)
{
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN:
        report(SERVICE_STOP_PENDING);
        requestStop();
        return NO_ERROR;
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD, LPWSTR*)
{
    // An own-process service's name is not checked against the one it was installed under.
    statusHandle = RegisterServiceCtrlHandlerExW(L"IsoLensExporter", onControl, nullptr);
    if (!statusHandle)
        return;
    report(SERVICE_RUNNING);
    const int code = (*serviceBody)();
    exitCode = code;
    // A failure (the port taken, no engine address) shows in the Services console as a service-specific code.
    if (code == 0)
        report(SERVICE_STOPPED);
    else
        report(SERVICE_STOPPED, ERROR_SERVICE_SPECIFIC_ERROR, static_cast<DWORD>(code));
}

} // namespace

int runAsWindowsService(const std::function<int()>& body, std::string& failure)
{
    serviceBody = &body;
    wchar_t name[] = L"IsoLensExporter";
    const SERVICE_TABLE_ENTRYW table[] = {{name, serviceMain}, {nullptr, nullptr}};
    if (!StartServiceCtrlDispatcherW(table)) {
        const auto error = GetLastError();
        failure =
            error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT
                ? "--windows-service is for the Service Control Manager, which did not start this process.\n"
                  "  what to do: install the service with sc.exe create (README, \"Across many hosts\"), or "
                  "run isolens-cli serve without --windows-service."
                : "the Service Control Manager refused the service (error " + std::to_string(error) + ").";
        return -1;
    }
    return exitCode;
}

#else

int runAsWindowsService(const std::function<int()>&, std::string& failure)
{
    failure =
        "--windows-service is for Windows' Service Control Manager.\n"
        "  what to do: run isolens-cli serve without it, under this system's service manager (systemd, for "
        "one) if it should keep running.";
    return -1;
}

#endif
