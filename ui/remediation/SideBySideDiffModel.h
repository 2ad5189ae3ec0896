#pragma once

#include "remediate/LineDiff.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The side-by-side rows of a LineDiff: old line number, old text, new line number, new text.
// Changed rows are tinted (removed text on the left, added text on the right); a row of a side
// that has no line is empty. Hunks are separated by a "..." row.
class SideBySideDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        OldLine,
        OldText,
        NewLine,
        NewText,
        ColumnCount
    };
    enum Roles
    {
        ChangedRole = Qt::UserRole + 1 // bool: the row differs
    };

    explicit SideBySideDiffModel(QObject *parent = nullptr);

    void setDiff(const LineDiff &diff);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        LineDiff::Row row;
        bool separator = false;
    };
    QList<Row> m_rows;
};

} // namespace kinspect::ui
