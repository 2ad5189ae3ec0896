#include "inventory/InventoryNodesModel.h"

namespace kinspect::ui {

InventoryNodesModel::InventoryNodesModel(QObject *parent) : QAbstractTableModel(parent) {}

void InventoryNodesModel::setNodes(const QList<NodeSpec> &nodes)
{
    beginResetModel();
    m_nodes = nodes;
    endResetModel();
}

void InventoryNodesModel::addNode(const NodeSpec &node)
{
    const int row = int(m_nodes.size());
    beginInsertRows({}, row, row);
    m_nodes << node;
    endInsertRows();
}

void InventoryNodesModel::replaceNode(int row, const NodeSpec &node)
{
    if (row < 0 || row >= m_nodes.size())
        return;
    m_nodes[row] = node;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InventoryNodesModel::removeNode(int row)
{
    if (row < 0 || row >= m_nodes.size())
        return;
    beginRemoveRows({}, row, row);
    m_nodes.removeAt(row);
    endRemoveRows();
}

int InventoryNodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int InventoryNodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InventoryNodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_nodes.size() || role != Qt::DisplayRole)
        return {};
    const NodeSpec &n = m_nodes[index.row()];
    switch (index.column()) {
    case NameColumn:
        return n.name;
    case HostColumn:
        return n.host;
    case PortColumn:
        return n.port;
    case UserColumn:
        return n.user;
    case RolesColumn:
        return n.roles.join(QStringLiteral(", "));
    case SudoColumn:
        return sudoModeName(n.sudo);
    case JumpColumn:
        return n.jump;
    default:
        return {};
    }
}

QVariant InventoryNodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HostColumn:
        return tr("Host");
    case PortColumn:
        return tr("Port");
    case UserColumn:
        return tr("User");
    case RolesColumn:
        return tr("Roles");
    case SudoColumn:
        return tr("sudo");
    case JumpColumn:
        return tr("Jump host");
    default:
        return {};
    }
}

} // namespace kinspect::ui
