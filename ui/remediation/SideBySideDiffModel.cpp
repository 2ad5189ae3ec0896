#include "remediation/SideBySideDiffModel.h"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>

namespace kinspect::ui {

SideBySideDiffModel::SideBySideDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

void SideBySideDiffModel::setDiff(const LineDiff &diff)
{
    beginResetModel();
    m_rows.clear();
    // LineDiff::sideBySide() gives the rows of every hunk in order; a jump in line numbers
    // between two rows is where one hunk ends and the next begins.
    int lastLeft = 0, lastRight = 0;
    for (const LineDiff::Row &r : diff.sideBySide()) {
        const bool jump = (r.leftLine > 0 && lastLeft > 0 && r.leftLine > lastLeft + 1) ||
                          (r.rightLine > 0 && lastRight > 0 && r.rightLine > lastRight + 1);
        if (jump)
            m_rows.append(Row{LineDiff::Row{}, true});
        m_rows.append(Row{r, false});
        if (r.leftLine > 0)
            lastLeft = r.leftLine;
        if (r.rightLine > 0)
            lastRight = r.rightLine;
    }
    endResetModel();
}

void SideBySideDiffModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int SideBySideDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SideBySideDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SideBySideDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const LineDiff::Row &r = row.row;
    const bool left = index.column() == OldLine || index.column() == OldText;
    switch (role) {
    case Qt::DisplayRole:
        if (row.separator)
            return index.column() == OldText || index.column() == NewText
                       ? QVariant(QStringLiteral("\u2026"))
                       : QVariant();
        switch (index.column()) {
        case OldLine:
            return r.leftLine > 0 ? QVariant(r.leftLine) : QVariant();
        case OldText:
            return r.leftLine > 0 ? QVariant(r.left) : QVariant();
        case NewLine:
            return r.rightLine > 0 ? QVariant(r.rightLine) : QVariant();
        case NewText:
            return r.rightLine > 0 ? QVariant(r.right) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        if (row.separator || index.column() == OldLine || index.column() == NewLine)
            return {};
        return index.column() == OldText ? (r.leftLine > 0 ? QVariant(r.left) : QVariant())
                                         : (r.rightLine > 0 ? QVariant(r.right) : QVariant());
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::TextAlignmentRole:
        if (index.column() == OldLine || index.column() == NewLine)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole: {
        if (row.separator || !r.changed)
            return {};
        const bool has = left ? r.leftLine > 0 : r.rightLine > 0;
        if (!has)
            return QBrush(QColor(128, 128, 128, 40));
        return QBrush(left ? QColor(230, 60, 60, 60) : QColor(40, 170, 70, 60));
    }
    case Qt::AccessibleDescriptionRole:
        if (row.separator || !r.changed)
            return {};
        return left ? (r.leftLine > 0 ? tr("removed") : QVariant())
                    : (r.rightLine > 0 ? tr("added") : QVariant());
    case ChangedRole:
        return !row.separator && r.changed;
    }
    return {};
}

QVariant SideBySideDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OldLine:
        return tr("Line");
    case OldText:
        return tr("Now on the node");
    case NewLine:
        return tr("Line");
    case NewText:
        return tr("After the fix");
    }
    return {};
}

} // namespace kinspect::ui
