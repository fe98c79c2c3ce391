// isolens_pipe_relay: serves a Windows named pipe (by default the engine's, \\.\pipe\docker_engine) and
// relays each client to a TCP listener on 127.0.0.1, so a Windows build under Wine can talk to a Linux
// engine that is bridged to TCP. Runs until killed.

#include "relay_connection.hpp"

#include <shellapi.h>
#include <ws2tcpip.h>

#include <array>
#include <cstdio>
#include <cwchar>
#include <optional>
#include <string>
#include <thread>

namespace {

constexpr const char* usage = "usage: isolens_pipe_relay --port N [--pipe \\\\.\\pipe\\docker_engine] "
                              "[--ready-file PATH] [--verbose]\n";
// Instances waiting for a client at the same time: a burst of this many connections never finds
// every instance busy while the relay makes replacements.
constexpr std::size_t listeningInstances = 8;

// Messages go out as UTF-8 through the narrow stdio functions: under Wine, msvcrt's wide ones
// (fwprintf, fputws) held stderr's text back until the process exited.
std::string utf8(const std::wstring& text)
{
    const int size = WideCharToMultiByte(CP_UTF8, 0, text.c_str(), static_cast<int>(text.size()), nullptr, 0,
                                         nullptr, nullptr);
    std::string out(static_cast<std::size_t>(size > 0 ? size : 0), '\0');
    if (size > 0)
        WideCharToMultiByte(CP_UTF8, 0, text.c_str(), static_cast<int>(text.size()), out.data(), size,
                            nullptr, nullptr);
    return out;
}

struct Options {
    std::wstring pipe = L"\\\\.\\pipe\\docker_engine";
    unsigned short port = 0;
    std::wstring readyFile;
    bool verbose = false;
};

std::optional<Options> parseOptions(int argc, wchar_t** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::wstring arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == L"--verbose") {
            options.verbose = true;
        } else if (arg == L"--port" && hasValue) {
            wchar_t* end = nullptr;
            const long port = std::wcstol(argv[++i], &end, 10);
            if (*end != L'\0' || port < 1 || port > 65535)
                return std::nullopt;
            options.port = static_cast<unsigned short>(port);
        } else if (arg == L"--pipe" && hasValue) {
            options.pipe = argv[++i];
        } else if (arg == L"--ready-file" && hasValue) {
            options.readyFile = argv[++i];
        } else {
            return std::nullopt;
        }
    }
    if (options.port == 0)
        return std::nullopt;
    return options;
}

// The engine's end of one client: a fresh connection to 127.0.0.1:port, overlapped for the pumps.
SOCKET connectToEngine(unsigned short port)
{
    SOCKET socket = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, nullptr, 0, WSA_FLAG_OVERLAPPED);
    if (socket == INVALID_SOCKET)
        return socket;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        closesocket(socket);
        return INVALID_SOCKET;
    }
    const BOOL noDelay = TRUE;
    setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&noDelay), sizeof noDelay);
    return socket;
}

// One pipe instance waiting for its client with an overlapped ConnectNamedPipe.
struct ListeningInstance {
    HANDLE pipe = INVALID_HANDLE_VALUE;
    OVERLAPPED ov{};
    bool connectedEarly = false; // the client came between CreateNamedPipeW and ConnectNamedPipe
};

bool listen(ListeningInstance& instance, const std::wstring& name)
{
    instance.pipe = CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                     PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT,
                                     PIPE_UNLIMITED_INSTANCES, 65536, 65536, 0, nullptr);
    if (instance.pipe == INVALID_HANDLE_VALUE)
        return false;
    HANDLE event = instance.ov.hEvent;
    instance.ov = OVERLAPPED{};
    instance.ov.hEvent = event;
    ResetEvent(event);
    instance.connectedEarly = false;
    if (ConnectNamedPipe(instance.pipe, &instance.ov) || GetLastError() == ERROR_IO_PENDING)
        return true;
    if (GetLastError() != ERROR_PIPE_CONNECTED) {
        CloseHandle(instance.pipe);
        instance.pipe = INVALID_HANDLE_VALUE;
        return false;
    }
    instance.connectedEarly = true;
    SetEvent(event);
    return true;
}

bool writeReadyFile(const std::wstring& path)
{
    HANDLE file =
        CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return false;
    const char text[] = "ready\n";
    DWORD written = 0;
    const bool ok = WriteFile(file, text, sizeof text - 1, &written, nullptr) && written == sizeof text - 1;
    CloseHandle(file);
    return ok;
}

int serve(const Options& options)
{
    std::array<ListeningInstance, listeningInstances> instances;
    std::array<HANDLE, listeningInstances> events{};
    for (std::size_t i = 0; i < instances.size(); ++i) {
        instances[i].ov.hEvent = events[i] = CreateEventW(nullptr, TRUE, FALSE, nullptr);
        if (!listen(instances[i], options.pipe)) {
            const DWORD error = GetLastError();
            std::fprintf(stderr, "isolens_pipe_relay: cannot create %s (error %lu)\n",
                         utf8(options.pipe).c_str(), error);
            return 1;
        }
    }
    if (!options.readyFile.empty() && !writeReadyFile(options.readyFile)) {
        const DWORD error = GetLastError();
        std::fprintf(stderr, "isolens_pipe_relay: cannot write %s (error %lu)\n",
                     utf8(options.readyFile).c_str(), error);
        return 1;
    }
    if (options.verbose)
        std::fprintf(stderr, "relay: %s -> 127.0.0.1:%u\n", utf8(options.pipe).c_str(), options.port);
    for (int id = 1;; ++id) {
        const DWORD woken =
            WaitForMultipleObjects(static_cast<DWORD>(events.size()), events.data(), FALSE, INFINITE);
        if (woken >= WAIT_OBJECT_0 + events.size())
            return 1;
        ListeningInstance& instance = instances[woken - WAIT_OBJECT_0];
        DWORD unused = 0;
        const bool connected =
            instance.connectedEarly || GetOverlappedResult(instance.pipe, &instance.ov, &unused, FALSE);
        HANDLE client = instance.pipe;
        // The replacement listens before this client is served.
        while (!listen(instance, options.pipe))
            Sleep(10);
        if (!connected) {
            CloseHandle(client);
            continue;
        }
        std::thread([client, id, port = options.port, verbose = options.verbose] {
            const SOCKET socket = connectToEngine(port);
            if (socket == INVALID_SOCKET) {
                std::fprintf(stderr, "isolens_pipe_relay: connection %d: cannot connect to 127.0.0.1:%u\n",
                             id, port);
                CloseHandle(client);
                return;
            }
            if (verbose)
                std::fprintf(stderr, "relay: connection %d open\n", id);
            relayConnection(client, socket, id, verbose);
        }).detach();
    }
}

} // namespace

int main()
{
    int argc = 0;
    wchar_t** argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    const auto options = argv ? parseOptions(argc, argv) : std::nullopt;
    if (!options) {
        std::fputs(usage, stderr);
        return 2;
    }
    WSADATA wsa{};
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
        std::fputs("isolens_pipe_relay: Winsock is not available\n", stderr);
        return 1;
    }
    return serve(*options);
}
