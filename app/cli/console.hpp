#pragma once

// What the console the CLI writes to can show. Windows' classic console (conhost on Server 2019/2022,
// and the Start-menu shortcut's `cmd /k`) shows escape codes as `←[2J` and UTF-8 as `ΓÇö` unless told:
// at start-up the CLI turns on virtual-terminal processing and the UTF-8 code page, and where either
// cannot be had, it writes without escape codes, or in plain ASCII.
struct ConsoleOutput {
    bool terminal = false;    // stdout is a console or terminal (not a file or a pipe)
    bool escapeCodes = false; // it understands VT escape codes (clear screen, cursor home)
    bool utf8 = true;         // it shows UTF-8 text; if not, output is transliterated to ASCII
};

// Prepares stdout and stderr once (idempotent) and says what they can show.
const ConsoleOutput& prepareConsole();
