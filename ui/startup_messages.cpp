#include "startup_messages.hpp"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>

#ifdef _WIN32
#include <windows.h>
#endif

MessageChannel startupMessageChannel()
{
#ifdef _WIN32
    // Started from a console (cmd, PowerShell): its standard error was inherited, or the parent's console
    // can be attached. Started from the Start menu or Explorer: neither ("Console Handles" and
    // "AttachConsole function", Microsoft Learn).
    static const MessageChannel channel = [] {
        const HANDLE error = GetStdHandle(STD_ERROR_HANDLE);
        if (error && error != INVALID_HANDLE_VALUE && GetFileType(error) != FILE_TYPE_UNKNOWN)
            return MessageChannel::StandardError;
        if (AttachConsole(ATTACH_PARENT_PROCESS) && std::freopen("CONOUT$", "w", stderr))
            return MessageChannel::StandardError;
        return MessageChannel::Dialog;
    }();
    return channel;
#else
    return MessageChannel::StandardError;
#endif
}

void tellUser(const QString& text, MessageSeverity severity, MessageChannel channel)
{
    if (channel == MessageChannel::StandardError) {
        std::fprintf(stderr, "isolens: %s\n", text.toLocal8Bit().constData());
        std::fflush(stderr);
        return;
    }
    QMessageBox box(severity == MessageSeverity::Problem ? QMessageBox::Warning : QMessageBox::Information,
                    QApplication::applicationName(), text, QMessageBox::Ok);
    box.setObjectName(QStringLiteral("startupMessage"));
    box.exec();
}
