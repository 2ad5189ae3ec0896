#include "history/ScanListModel.h"
#include "common/StatusStyle.h"

#include <QLocale>

namespace kinspect::ui {

ScanListModel::ScanListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanListModel::setScans(const QList<ScanInfo> &scans)
{
    beginResetModel();
    m_scans = scans;
    endResetModel();
}

const ScanInfo *ScanListModel::scanAt(int row) const
{
    return row >= 0 && row < m_scans.size() ? &m_scans[row] : nullptr;
}

int ScanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scans.size());
}

int ScanListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScanInfo &s = m_scans[index.row()];
    if (role == ScanIdRole)
        return s.id;
    const int pass = s.summary.value(Status::Pass);
    const int fail = s.summary.value(Status::Fail);
    int other = 0;
    for (auto it = s.summary.cbegin(); it != s.summary.cend(); ++it)
        if (it.key() != Status::Pass && it.key() != Status::Fail)
            other += it.value();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return s.id;
        case StartedColumn:
            return QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat);
        case BenchmarkColumn:
            return s.benchmarkId;
        case NodesColumn:
            return s.nodeCount;
        case PassColumn:
            return pass;
        case FailColumn:
            return fail;
        case OtherColumn:
            return other;
        case CompleteColumn:
            return s.complete ? tr("complete") : tr("interrupted");
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("Scan %1 of %2 by %3 (%4)\n%5")
            .arg(s.id)
            .arg(s.cluster, s.ranBy, s.toolVersion,
                 s.inventory.isEmpty() ? tr("offline evaluation") : s.inventory);
    } else if (role == Qt::DecorationRole) {
        if (index.column() == FailColumn && fail > 0)
            return StatusStyle::icon(Status::Fail);
        if (index.column() == PassColumn)
            return StatusStyle::icon(Status::Pass);
    } else if (role == Qt::TextAlignmentRole && index.column() != StartedColumn &&
               index.column() != BenchmarkColumn && index.column() != CompleteColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ScanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Scan");
    case StartedColumn:
        return tr("Started");
    case BenchmarkColumn:
        return tr("Benchmark");
    case NodesColumn:
        return tr("Nodes");
    case PassColumn:
        return tr("Pass");
    case FailColumn:
        return tr("Fail");
    case OtherColumn:
        return tr("Other");
    case CompleteColumn:
        return tr("State");
    }
    return {};
}

} // namespace kinspect::ui
