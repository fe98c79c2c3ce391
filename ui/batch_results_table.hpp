#pragma once

class QTableWidget;
namespace isolens {
struct BatchTable;
}

// A finished batch as a table: per image the mean memory of both modes, their difference, the mean CPU
// of both, and how many runs were measured; over several runs each figure is the median with its range
// (min–max). A row with no measured run says why instead (the first failure's reason and hint).
void showBatchTable(QTableWidget& view, const isolens::BatchTable& table);
