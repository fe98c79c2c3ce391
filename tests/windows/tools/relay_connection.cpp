#include "relay_connection.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

namespace {

constexpr DWORD bufferSize = 64 * 1024;

// Both ends and a stop event that any pump sets when its direction ends; the last pump to finish
// destroys this and so closes both ends.
class Connection {
public:
    Connection(HANDLE pipe, SOCKET socket, int id, bool verbose)
        : pipe_(pipe)
        , socket_(socket)
        , stop_(CreateEventW(nullptr, TRUE, FALSE, nullptr))
        , id_(id)
        , verbose_(verbose)
    {}
    ~Connection()
    {
        closesocket(socket_);
        CloseHandle(pipe_);
        CloseHandle(stop_);
        if (verbose_)
            std::fprintf(stderr, "relay: connection %d closed\n", id_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void pumpPipeToSocket();
    void pumpSocketToPipe();

private:
    // Waits for an overlapped operation; if the connection stops first, cancels it (and waits for the
    // cancellation, so the OVERLAPPED outlives it). Empty when it failed or was cancelled.
    std::optional<DWORD> awaitPipe(OVERLAPPED& ov);
    std::optional<DWORD> awaitSocket(WSAOVERLAPPED& ov);
    bool writePipe(const char* data, DWORD size);
    bool sendSocket(const char* data, DWORD size);
    void stop() { SetEvent(stop_); }

    HANDLE pipe_;
    SOCKET socket_;
    HANDLE stop_;
    int id_;
    bool verbose_;
};

// An owned event for one OVERLAPPED.
struct Overlapped {
    OVERLAPPED ov{};
    Overlapped() { ov.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr); }
    ~Overlapped() { CloseHandle(ov.hEvent); }
    Overlapped(const Overlapped&) = delete;
    Overlapped& operator=(const Overlapped&) = delete;
    void reset()
    {
        HANDLE event = ov.hEvent;
        ov = OVERLAPPED{};
        ov.hEvent = event;
        ResetEvent(event);
    }
};

std::optional<DWORD> Connection::awaitPipe(OVERLAPPED& ov)
{
    const HANDLE events[] = {ov.hEvent, stop_};
    DWORD bytes = 0;
    if (WaitForMultipleObjects(2, events, FALSE, INFINITE) != WAIT_OBJECT_0) {
        CancelIoEx(pipe_, &ov);
        GetOverlappedResult(pipe_, &ov, &bytes, TRUE);
        return std::nullopt;
    }
    if (!GetOverlappedResult(pipe_, &ov, &bytes, TRUE))
        return std::nullopt;
    return bytes;
}

std::optional<DWORD> Connection::awaitSocket(WSAOVERLAPPED& ov)
{
    const HANDLE events[] = {ov.hEvent, stop_};
    DWORD bytes = 0;
    DWORD flags = 0;
    if (WaitForMultipleObjects(2, events, FALSE, INFINITE) != WAIT_OBJECT_0) {
        CancelIoEx(reinterpret_cast<HANDLE>(socket_), &ov);
        WSAGetOverlappedResult(socket_, &ov, &bytes, TRUE, &flags);
        return std::nullopt;
    }
    if (!WSAGetOverlappedResult(socket_, &ov, &bytes, TRUE, &flags))
        return std::nullopt;
    return bytes;
}

bool Connection::writePipe(const char* data, DWORD size)
{
    Overlapped io;
    while (size > 0) {
        io.reset();
        DWORD written = 0;
        if (!WriteFile(pipe_, data, size, &written, &io.ov) && GetLastError() != ERROR_IO_PENDING)
            return false;
        const auto done = awaitPipe(io.ov);
        if (!done)
            return false;
        data += *done;
        size -= *done;
    }
    return true;
}

bool Connection::sendSocket(const char* data, DWORD size)
{
    Overlapped io;
    while (size > 0) {
        io.reset();
        WSABUF buffer{size, const_cast<char*>(data)};
        DWORD sent = 0;
        if (WSASend(socket_, &buffer, 1, &sent, 0, &io.ov, nullptr) != 0 &&
            WSAGetLastError() != WSA_IO_PENDING)
            return false;
        const auto done = awaitSocket(io.ov);
        if (!done || *done == 0)
            return false;
        data += *done;
        size -= *done;
    }
    return true;
}

void Connection::pumpPipeToSocket()
{
    auto buffer = std::make_unique<char[]>(bufferSize);
    Overlapped io;
    for (;;) {
        io.reset();
        DWORD read = 0;
        if (!ReadFile(pipe_, buffer.get(), bufferSize, &read, &io.ov) && GetLastError() != ERROR_IO_PENDING)
            break;
        const auto done = awaitPipe(io.ov);
        // A pipe has no half-close: a failed read (ERROR_BROKEN_PIPE) means the client is gone, so nobody
        // is left to read a response. A zero-byte read is a zero-byte write by the client, not an end.
        if (!done || (*done > 0 && !sendSocket(buffer.get(), *done)))
            break;
    }
    // Ends a stream the engine would otherwise keep open (stats, events) and wakes the other pump.
    shutdown(socket_, SD_BOTH);
    stop();
}

void Connection::pumpSocketToPipe()
{
    auto buffer = std::make_unique<char[]>(bufferSize);
    Overlapped io;
    bool serverClosed = false;
    for (;;) {
        io.reset();
        WSABUF wsaBuffer{bufferSize, buffer.get()};
        DWORD received = 0;
        DWORD flags = 0;
        if (WSARecv(socket_, &wsaBuffer, 1, &received, &flags, &io.ov, nullptr) != 0 &&
            WSAGetLastError() != WSA_IO_PENDING)
            break;
        const auto done = awaitSocket(io.ov);
        if (done && *done == 0)
            serverClosed = true;
        if (!done || *done == 0 || !writePipe(buffer.get(), *done))
            break;
    }
    // Closing (or disconnecting) the server end would drop what the client has not read yet: wait until it
    // has read the end of the response, then end its connection.
    if (serverClosed)
        FlushFileBuffers(pipe_);
    stop();
}

} // namespace

void relayConnection(HANDLE pipe, SOCKET socket, int id, bool verbose)
{
    auto connection = std::make_shared<Connection>(pipe, socket, id, verbose);
    std::thread([connection] { connection->pumpPipeToSocket(); }).detach();
    std::thread([connection] { connection->pumpSocketToPipe(); }).detach();
}
