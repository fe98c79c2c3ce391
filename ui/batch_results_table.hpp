#pragma once

class QTableWidget;
namespace isolens {
struct BatchTable;
}

// A finished batch as the report's table (the core's reportTable, so the dialog, the CLI and the report
// show the same figures in the same words): the published shape first, then CPU and start-up times and
// the runs; over several runs each figure is the median with its range (min–max). A row with no measured
// run says why instead, across its figures (the first failure's outcome, reason and hint).
void showBatchTable(QTableWidget& view, const isolens::BatchTable& table);
