#pragma once

#include "isolens/core/base/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// Whose rules split a typed command into words: a Linux engine's containers get what a POSIX shell
// would have passed to `docker run`, a Windows engine's what the Windows command-line rules give.
enum class CommandSyntax { Posix, Windows };

// The syntax for an engine's OSType ("windows" or anything else).
CommandSyntax commandSyntaxFor(std::string_view engineOsType);

// What a user typed in a command or workload field, as the words to run:
// - a JSON array of strings, the exec form (["sh","-c","while true; do sleep 1; done"]), taken as is;
// - otherwise words split as the user's shell would split them, without expanding anything:
//   POSIX: blanks separate words; '…' is literal; "…" keeps blanks and takes \" \\ \$ \` escapes;
//   a backslash outside quotes makes the next character literal.
//   Windows (the rules of CommandLineToArgvW, which the docker CLI's parser follows): "…" keeps blanks;
//   "" inside quotes is a quote and ends them; backslashes are literal except before a quote, where 2n
//   of them give n and a quote, 2n+1 give n and a literal quote.
// Shell operators outside quotes (; | & < > and, for POSIX, $ ` ( )) are refused with a hint: there
// is no shell between IsoLens and the container, so `a; b` would reach the program as words.
// Empty text gives no words (the image's own command).
Result<std::vector<std::string>> parseCommandLine(std::string_view text, CommandSyntax syntax);

} // namespace isolens
