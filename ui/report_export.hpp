#pragma once

#include <QString>

namespace isolens {
struct BatchTable;
}

// The report of the live or replayed pair, from its recording: FILE.html is the core's self-contained
// page; FILE.md the core's Markdown with the charts beside it as PNGs drawn by the dashboard's own
// charts. Nothing is replaced: a file already at a path the report writes is refused, naming it.
// Returns "" on success, or what went wrong and what to do.
QString exportSessionReport(const QString& recordingPath, const QString& path);

// The report of a table of runs (a batch's), each run's charts from its recording, as above.
QString exportTableReport(const isolens::BatchTable& table, const QString& path);
