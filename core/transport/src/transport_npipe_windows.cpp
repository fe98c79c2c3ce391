#include "http_exchange.hpp"
#include "transport.hpp"

#include "isolens/core/base/utf16.hpp"
#include "isolens/core/platform/windows_permissions.hpp"

#include <boost/asio/windows/stream_handle.hpp>

#include <windows.h>

#include <algorithm>

namespace isolens::detail {

namespace {

// Opens the pipe; when all instances are busy, waits for one (WaitNamedPipeW) until the time-out.
Result<HANDLE> openPipe(const Endpoint& endpoint, std::chrono::milliseconds timeout)
{
    const auto name = wideFromUtf8(endpoint.address);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // Anonymous impersonation only (as the docker CLI's go-winio opens the pipe): whoever created a pipe
        // of that name while the engine was down cannot act as this user.
        HANDLE pipe = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                  FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_ANONYMOUS, nullptr);
        if (pipe != INVALID_HANDLE_VALUE)
            return pipe;
        const DWORD code = GetLastError();
        const boost::system::error_code ec(static_cast<int>(code), boost::system::system_category());
        if (code == ERROR_ACCESS_DENIED) {
            auto denied = makeError(ErrorKind::PermissionDenied,
                                    "Cannot open the engine's pipe " + endpoint.address + ": access denied");
            denied.hint = pipeAccessHint(installedWindowsEngineProduct(), currentElevation());
            return denied;
        }
        if (code != ERROR_PIPE_BUSY)
            return connectionError(ec, endpoint, "opening the named pipe");
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return makeError(ErrorKind::Timeout, "Every instance of the pipe " + endpoint.address +
                                                     " stayed busy for " + std::to_string(timeout.count()) +
                                                     " ms");
        WaitNamedPipeW(name.c_str(), static_cast<DWORD>(std::min<long long>(left.count(), 1000)));
    }
}

} // namespace

Result<HttpResponse> exchangeOverNamedPipe(const Endpoint& endpoint, const HttpRequest& request,
                                           const RequestOptions& options, const LineHandler* onLine,
                                           CancelToken* cancel)
{
    asio::io_context io;
    asio::windows::stream_handle pipe(io);
    auto connect = [&]() -> asio::awaitable<Result<void>> {
        auto handle = openPipe(endpoint, options.connectTimeout);
        if (!handle)
            co_return handle.error();
        boost::system::error_code ec;
        pipe.assign(handle.value(), ec);
        if (ec) {
            CloseHandle(handle.value());
            co_return connectionError(ec, endpoint, "attaching to the named pipe");
        }
        co_return success();
    };
    return runExchange(io, pipe, connect, endpoint, request, options, onLine, cancel);
}

} // namespace isolens::detail
