#pragma once

// Text from outside (engine and registry messages, container names and labels, /proc process names)
// is bytes: it may be invalid UTF-8 and may hold control characters. These are the only ways such
// text leaves IsoLens, as JSON or on a terminal.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace isolens {

// JSON text (indent < 0: one line) with invalid UTF-8 replaced by U+FFFD; never throws for bad bytes.
std::string dumpJson(const nlohmann::json& value, int indent = -1);

// At most maxBytes of text, cut before a character that would not fit whole (for excerpts).
std::string utf8Prefix(std::string_view text, std::size_t maxBytes);

// Where terminal text goes: a line keeps its newlines and tabs, a table cell keeps neither.
enum class TerminalText { Line, Cell };

// The text with what a terminal would act on made visible: C0 controls, DEL and bytes that are not
// UTF-8 as \xNN, C1 controls (U+0080..U+009F) as \u00NN. Printable text, UTF-8 included, is kept.
std::string escapeForTerminal(std::string_view text, TerminalText where = TerminalText::Line);

// UTF-8 text as plain ASCII, for a console that cannot show UTF-8: the punctuation IsoLens writes in its
// nearest ASCII form ("—" as "-", "…" as "...", "≤" as "<=", "✓" as "ok"...), any other non-ASCII
// character (or a byte that starts none) as "?".
std::string toPlainAscii(std::string_view utf8);

// The length of the UTF-8 sequence that a lead byte starts (1 for ASCII, 2 to 4), or 1 for a byte that
// starts none (a continuation byte, or one no UTF-8 has).
std::size_t utf8SequenceLength(unsigned char lead);

// The length of the well-formed UTF-8 character at text[at] (Unicode's table 3-7), 0 if none starts
// there (a stray or missing continuation byte, an overlong form, a surrogate, beyond U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t at);

} // namespace isolens
