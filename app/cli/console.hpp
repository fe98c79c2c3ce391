#pragma once

// What the console the CLI writes to can show. Windows' classic console (conhost on Server 2019/2022,
// and the Start-menu shortcut's `cmd /k`) shows escape codes as `←[2J` and UTF-8 as `ΓÇö`: there the CLI
// writes to the console as UTF-16 (WriteConsoleW), which shows every character whatever the console's code
// page (plain ASCII if the console refuses it), and redraws with the console API, not escape codes.
struct ConsoleOutput {
    // stdout is a console or terminal (not a file or a pipe), where a table is redrawn in place
    // (clearScreen), as docker stats does
    bool terminal = false;
};

// Prepares stdout and stderr once (idempotent) and says what they can show.
const ConsoleOutput& prepareConsole();

// Clears the console or terminal and puts the cursor home (Windows: the console API; elsewhere the VT codes).
void clearScreen();
