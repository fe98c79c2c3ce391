#pragma once

#include <chrono>
#include <functional>

// Engine work that must finish even when its window has gone: stopping a pair and removing its containers,
// and the engine requests still under way when the window closed (they may be waiting on a hung engine).
//
// Closing never waits for the engine: the window goes at once, and each piece of work runs to its end on a
// thread of its own. The application waits for them after its window is gone (when the QApplication is
// destroyed, or earlier with waitForWorkAfterClose), up to kWorkAfterCloseLimit: every engine request is
// bounded by its response time-out, so a removal waiting on a frozen engine goes through as soon as the
// engine answers again, or fails after its time-out. A container that still could not be removed then is
// in the container ledger and carries its owner's labels, so the next start finds it and offers Remove
// leftovers: no cleanup is lost.
inline constexpr std::chrono::seconds kWorkAfterCloseLimit{90};

// Runs work on a thread of its own (any thread may call this). The work must own everything it uses.
void finishAfterClose(std::function<void()> work);

// Waits until every piece of work handed to finishAfterClose has ended, or the limit passes; true when
// none is left. Never call it on the GUI thread while a window is open.
bool waitForWorkAfterClose(std::chrono::milliseconds limit = kWorkAfterCloseLimit);

// How many pieces of work are still running.
int workAfterCloseRunning();
