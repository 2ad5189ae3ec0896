#include "waivers/WaiverModel.h"
#include "common/StatusStyle.h"

#include <QBrush>
#include <QFont>

namespace kinspect::ui {

WaiverModel::WaiverModel(QObject *parent) : QAbstractTableModel(parent) {}

void WaiverModel::setWaivers(const QList<Waiver> &waivers, const QDate &today)
{
    beginResetModel();
    m_waivers = waivers;
    m_today = today;
    endResetModel();
}

const Waiver *WaiverModel::waiverAt(int row) const
{
    return row >= 0 && row < m_waivers.size() ? &m_waivers[row] : nullptr;
}

int WaiverModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_waivers.size());
}

int WaiverModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WaiverModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Waiver &w = m_waivers[index.row()];
    const bool expired = w.expiredOn(m_today);
    if (role == ExpiredRole)
        return expired;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return w.id;
        case ControlColumn:
            return w.controlId;
        case ScopeColumn:
            return w.nodes.isEmpty() ? tr("every node") : w.nodes.join(QStringLiteral(", "));
        case OwnerColumn:
            return w.owner;
        case ExpiresColumn:
            return expired ? tr("%1 (expired)").arg(w.expires.toString(Qt::ISODate))
                           : w.expires.toString(Qt::ISODate);
        case JustificationColumn:
            return w.justification;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ExpiresColumn && expired)
            return tr("This waiver expired: the failures it covered count as FAIL again.");
        if (index.column() == JustificationColumn)
            return w.justification;
        break;
    case Qt::DecorationRole:
        if (index.column() == IdColumn)
            return StatusStyle::icon(expired ? Status::Fail : Status::Waived);
        break;
    case Qt::ForegroundRole:
        if (expired && index.column() == ExpiresColumn)
            return QBrush(StatusStyle::color(Status::Fail));
        break;
    case Qt::FontRole:
        if (expired && index.column() == ExpiresColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant WaiverModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case ControlColumn:
        return tr("Control");
    case ScopeColumn:
        return tr("Nodes or roles");
    case OwnerColumn:
        return tr("Owner");
    case ExpiresColumn:
        return tr("Expires");
    case JustificationColumn:
        return tr("Justification");
    }
    return {};
}

} // namespace kinspect::ui
