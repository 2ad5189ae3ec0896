#include "nodes/NodeControlsModel.h"

#include "common/StatusStyle.h"

namespace kinspect::ui {

NodeControlsModel::NodeControlsModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeControlsModel::setNode(const Benchmark &benchmark, const ClusterResult &result,
                                int nodeIndex)
{
    beginResetModel();
    m_rows.clear();
    m_node = nodeIndex;
    if (nodeIndex >= 0 && nodeIndex < result.nodes.size()) {
        const NodeResult &n = result.nodes[nodeIndex];
        QHash<QString, const ControlResult *> byId;
        for (const ControlResult &r : n.results)
            byId.insert(r.controlId, &r);
        for (const Control &c : benchmark.controls) {
            Row row{c.id, c.title, -1, n.audited ? QString() : n.errorMessage};
            if (const ControlResult *r = byId.value(c.id)) {
                row.status = int(r->status);
                row.reason = r->reason;
            }
            m_rows << row;
        }
    }
    endResetModel();
}

int NodeControlsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeControlsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeControlsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    if (role == StatusRole)
        return r.status;
    if (role == RankRole)
        return r.status < 0 ? StatusStyle::noResultRank : StatusStyle::rank(Status(r.status));
    if (role == ControlIdRole)
        return r.id;
    switch (index.column()) {
    case IdColumn:
        return role == Qt::DisplayRole ? QVariant(r.id) : QVariant();
    case TitleColumn:
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(r.title) : QVariant();
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return r.status < 0 ? tr("no result") : StatusStyle::label(Status(r.status));
        if (role == Qt::DecorationRole)
            return r.status < 0 ? StatusStyle::noResultIcon() : StatusStyle::icon(Status(r.status));
        return {};
    case ReasonColumn:
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(r.reason) : QVariant();
    default:
        return {};
    }
}

QVariant NodeControlsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Control");
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace kinspect::ui
