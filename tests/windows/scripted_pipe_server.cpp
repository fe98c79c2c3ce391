#include "scripted_pipe_server.hpp"

#include <cstdio>
#include <random>

ScriptedPipeServer::ScriptedPipeServer(std::vector<Step> script, Ending ending, DWORD maxInstances)
    : script_(std::move(script))
    , ending_(ending)
    , maxInstances_(maxInstances)
{
    InitializeCriticalSection(&lock_);
    const auto id = std::to_string(std::random_device{}());
    name_ = L"\\\\.\\pipe\\isolens-test-" + std::wstring(id.begin(), id.end());
    url_ = "npipe:////./pipe/isolens-test-" + id;
    // The first instance exists before the constructor returns, so a client never races the server.
    listening_ =
        CreateNamedPipeW(name_.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT,
                         maxInstances_, 65536, 65536, 0, nullptr);
    thread_ = std::thread([this] { serve(); });
}

ScriptedPipeServer::~ScriptedPipeServer()
{
    stop_ = true;
    // Wake a ConnectNamedPipe that waits for a client by connecting once ourselves.
    HANDLE wake =
        CreateFileW(name_.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr);
    thread_.join();
    if (wake != INVALID_HANDLE_VALUE)
        CloseHandle(wake);
    DeleteCriticalSection(&lock_);
}

isolens::Endpoint ScriptedPipeServer::endpoint() const
{
    return isolens::parseHostUrl(url_).value();
}

std::string ScriptedPipeServer::lastRequest() const
{
    EnterCriticalSection(&lock_);
    auto copy = lastRequest_;
    LeaveCriticalSection(&lock_);
    return copy;
}

void ScriptedPipeServer::serve()
{
    while (!stop_) {
        HANDLE pipe = listening_;
        listening_ = INVALID_HANDLE_VALUE;
        if (pipe == INVALID_HANDLE_VALUE)
            pipe = CreateNamedPipeW(name_.c_str(), PIPE_ACCESS_DUPLEX,
                                    PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, maxInstances_, 65536,
                                    65536, 0, nullptr);
        if (pipe == INVALID_HANDLE_VALUE) {
            Sleep(5);
            continue;
        }
        const BOOL connected =
            ConnectNamedPipe(pipe, nullptr) ? TRUE : (GetLastError() == ERROR_PIPE_CONNECTED);
        if (connected && !stop_) {
            ++connections_;
            handle(pipe);
        }
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
    }
}

void ScriptedPipeServer::handle(HANDLE pipe)
{
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
        DWORD read = 0;
        if (!ReadFile(pipe, buffer, sizeof buffer, &read, nullptr) || read == 0)
            return;
        request.append(buffer, read);
    }
    EnterCriticalSection(&lock_);
    lastRequest_ = request;
    LeaveCriticalSection(&lock_);
    for (const auto& step : script_) {
        DWORD written = 0;
        if (!step.bytes.empty() &&
            !WriteFile(pipe, step.bytes.data(), static_cast<DWORD>(step.bytes.size()), &written, nullptr))
            return;
        Sleep(static_cast<DWORD>(step.pauseAfter.count()));
    }
    FlushFileBuffers(pipe);
    if (ending_ == Ending::HoldOpen) {
        // A blocking read returns when the client closes its end (or the server stops).
        DWORD read = 0;
        while (!stop_ && ReadFile(pipe, buffer, sizeof buffer, &read, nullptr) && read > 0) {
        }
        clientClosed_ = true;
    }
}
