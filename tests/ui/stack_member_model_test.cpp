#include "stack_member_model.hpp"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

TEST(StackMemberModel, ShowsEachMemberInTheOrderGivenAndKeepsItsRawFiguresForSorting)
{
    StackMemberModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    model.setRows({{"db", 40.0, 2048.0 * 1024}, {"web", 2.5, 512.0}});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), StackMemberModel::ColumnCount);
    EXPECT_EQ(model.index(0, StackMemberModel::Name).data().toString(), "db");
    EXPECT_EQ(model.index(0, StackMemberModel::Cpu).data().toString(), "40.0");
    EXPECT_DOUBLE_EQ(model.index(1, StackMemberModel::Memory).data(StackMemberModel::SortRole).toDouble(),
                     512.0);
    EXPECT_FALSE(model.index(1, StackMemberModel::Memory).data().toString().isEmpty());
    EXPECT_EQ(model.headerData(StackMemberModel::Cpu, Qt::Horizontal, Qt::DisplayRole).toString(), "CPU %");
    model.setRows({{"web", 3.0, 600.0}, {"db", 1.0, 100.0}}); // same size: figures in place
    EXPECT_EQ(model.index(0, StackMemberModel::Name).data().toString(), "web");
    model.setRows({{"web", 3.0, 600.0}}); // a member left
    EXPECT_EQ(model.rowCount(), 1);
    model.setRows({});
    EXPECT_EQ(model.rowCount(), 0);
}
