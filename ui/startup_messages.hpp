#pragma once

#include <QString>

// Where the dashboard's own command-line messages (a bad option, a recording that will not open, a PNG
// written) reach the user. A Windows GUI program started from the Start menu or Explorer has no console
// and no standard error: what it printed there was seen by nobody, so there it shows a dialog instead.
enum class MessageChannel { StandardError, Dialog };

// Standard error when it goes somewhere (a console, including the one the program was started from, a
// pipe or a file); otherwise, on Windows, a dialog.
MessageChannel startupMessageChannel();

enum class MessageSeverity { Information, Problem };

// Prints "isolens: TEXT" to standard error, or shows TEXT in a dialog (which waits for OK).
void tellUser(const QString& text, MessageSeverity severity,
              MessageChannel channel = startupMessageChannel());
