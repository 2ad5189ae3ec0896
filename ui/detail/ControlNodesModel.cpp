#include "detail/ControlNodesModel.h"

#include "common/StatusStyle.h"

namespace kinspect::ui {

ControlNodesModel::ControlNodesModel(QObject *parent) : QAbstractTableModel(parent) {}

void ControlNodesModel::setControl(const ClusterResult &result, const QString &controlId)
{
    beginResetModel();
    m_controlId = controlId;
    m_rows.clear();
    if (!controlId.isEmpty()) {
        for (const NodeResult &n : result.nodes) {
            Row row{n.name, n.roles, -1, QString(), QString()};
            if (!n.audited)
                row.reason = n.errorMessage;
            for (const ControlResult &r : n.results) {
                if (r.controlId != controlId)
                    continue;
                row.status = int(r.status);
                row.reason = r.reason;
                if (!r.evidence.isEmpty())
                    row.actual = r.evidence.first().actual;
                break;
            }
            m_rows << row;
        }
    }
    endResetModel();
}

int ControlNodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ControlNodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ControlNodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    if (role == StatusRole)
        return r.status;
    if (role == RankRole)
        return r.status < 0 ? StatusStyle::noResultRank : StatusStyle::rank(Status(r.status));
    switch (index.column()) {
    case NodeColumn:
        return role == Qt::DisplayRole ? QVariant(r.node) : QVariant();
    case RolesColumn:
        return role == Qt::DisplayRole ? QVariant(r.roles.join(QStringLiteral(", "))) : QVariant();
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return r.status < 0 ? tr("no result") : StatusStyle::label(Status(r.status));
        if (role == Qt::DecorationRole)
            return r.status < 0 ? StatusStyle::noResultIcon() : StatusStyle::icon(Status(r.status));
        return {};
    case ActualColumn:
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(r.actual) : QVariant();
    case ReasonColumn:
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(r.reason) : QVariant();
    default:
        return {};
    }
}

QVariant ControlNodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case RolesColumn:
        return tr("Roles");
    case StatusColumn:
        return tr("Status");
    case ActualColumn:
        return tr("Actual value");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace kinspect::ui
