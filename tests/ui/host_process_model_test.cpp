#include "host_process_model.hpp"
#include "process_view.hpp"

#include "isolens/core/host/host_metrics.hpp"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

using namespace isolens;

namespace {

HostProcess process(int pid, const std::string& name, std::optional<double> cpu,
                    std::optional<std::int64_t> memory, bool vmWorker = false)
{
    HostProcess p;
    p.pid = pid;
    p.name = name;
    p.cpuPercent = cpu;
    p.workingSetBytes = memory;
    p.vmWorker = vmWorker;
    p.owner = "root";
    return p;
}

HostSnapshot snapshot(std::vector<HostProcess> processes)
{
    HostSnapshot host;
    host.processes = std::move(processes);
    return host;
}

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

int rowOf(const QAbstractItemModel& model, int pid)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, HostProcessModel::Pid).data().toInt() == pid)
            return row;
    return -1;
}

} // namespace

TEST(HostProcessModel, PassesTheModelTesterThroughAddsChangesAndRemovals)
{
    HostProcessModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.update(snapshot({process(1, "init", 0.1, 4096), process(2, "sleep", std::nullopt, std::nullopt),
                           process(3, "vmmem", 12.5, 300 << 20, true)}),
                 {{2, {"runc", "isolens-1-runc", QColor(Qt::blue)}}});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), HostProcessModel::ColumnCount);

    // A process gone, one new, one changed: rows move in place, nothing is reset.
    int resets = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { ++resets; });
    model.update(snapshot({process(1, "init", 0.3, 8192), process(3, "vmmem", 20.0, 310 << 20, true),
                           process(9, "PING.EXE", 1.0, 1 << 20)}),
                 {{9, {"process", "isolens-1-process", QColor(Qt::red)}}});
    EXPECT_EQ(resets, 0);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(rowOf(model, 2), -1) << "the process that ended is gone";
    ASSERT_GE(rowOf(model, 9), 0);
    EXPECT_EQ(cell(model, rowOf(model, 1), HostProcessModel::Cpu), "0.3%");
    // Everything vanishes (an empty snapshot), then comes back.
    model.update(snapshot({}), {});
    EXPECT_EQ(model.rowCount(), 0);
    model.update(snapshot({process(5, "a", 1.0, 1), process(6, "b", 2.0, 2)}), {});
    EXPECT_EQ(model.rowCount(), 2);
}

TEST(HostProcessModel, NamesContainerProcessesAndVmWorkersAndShowsUnknownsAsDashes)
{
    HostProcessModel model;
    model.update(snapshot({process(2, "sleep", std::nullopt, std::nullopt),
                           process(3, "vmmem", 12.5, 300 << 20, true), process(4, "bash", 0.0, 1024)}),
                 {{2, {"runc", "isolens-1-runc", QColor(Qt::blue)}}});
    const int sleep = rowOf(model, 2);
    const int vmmem = rowOf(model, 3);
    const int bash = rowOf(model, 4);
    EXPECT_EQ(cell(model, sleep, HostProcessModel::Role), "container process: runc (isolens-1-runc)");
    EXPECT_EQ(cell(model, sleep, HostProcessModel::Cpu), "--") << "unknown is not zero";
    EXPECT_EQ(cell(model, sleep, HostProcessModel::Memory), "--");
    EXPECT_EQ(cell(model, vmmem, HostProcessModel::Role), "VM worker");
    EXPECT_EQ(cell(model, vmmem, HostProcessModel::Memory), "300.00 MiB");
    EXPECT_TRUE(model.index(sleep, 0).data(HostProcessModel::MarkedRole).toBool());
    EXPECT_TRUE(model.index(vmmem, 0).data(HostProcessModel::MarkedRole).toBool());
    EXPECT_FALSE(model.index(bash, 0).data(HostProcessModel::MarkedRole).toBool());
    EXPECT_TRUE(model.index(sleep, 1).data(Qt::BackgroundRole).isValid()) << "highlighted";
    EXPECT_FALSE(model.index(bash, 1).data(Qt::BackgroundRole).isValid());
}

TEST(ProcessView, SortsByNumbersNotTextAndFilters)
{
    ProcessView view;
    view.model()->update(snapshot({process(10, "a", 9.0, 100), process(11, "b", 10.5, 2000),
                                   process(12, "vmmem", 2.0, 30, true), process(13, "c", std::nullopt, 5)}),
                         {});
    auto* proxy = view.proxy();
    proxy->sort(HostProcessModel::Cpu, Qt::DescendingOrder);
    // As text "9.0%" > "10.5%"; as numbers 10.5 comes first, and unknown CPU sorts last.
    EXPECT_EQ(proxy->index(0, HostProcessModel::Name).data().toString(), "b");
    EXPECT_EQ(proxy->index(1, HostProcessModel::Name).data().toString(), "a");
    EXPECT_EQ(proxy->index(3, HostProcessModel::Name).data().toString(), "c");
    proxy->sort(HostProcessModel::Memory, Qt::AscendingOrder);
    EXPECT_EQ(proxy->index(0, HostProcessModel::Name).data().toString(), "c");
    EXPECT_EQ(proxy->index(3, HostProcessModel::Name).data().toString(), "b");

    view.setFilterText("VMMEM");
    ASSERT_EQ(proxy->rowCount(), 1);
    EXPECT_EQ(proxy->index(0, HostProcessModel::Pid).data().toInt(), 12);
    view.setFilterText("");
    view.setOnlyMarked(true);
    ASSERT_EQ(proxy->rowCount(), 1) << "only the VM worker is marked";
    view.setOnlyMarked(false);
    EXPECT_EQ(proxy->rowCount(), 4);
}
