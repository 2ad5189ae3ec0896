#pragma once

#include "inventory/Inventory.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The nodes of an inventory being edited.
class InventoryNodesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        HostColumn,
        PortColumn,
        UserColumn,
        RolesColumn,
        SudoColumn,
        JumpColumn,
        ColumnCount
    };

    explicit InventoryNodesModel(QObject *parent = nullptr);

    void setNodes(const QList<NodeSpec> &nodes);
    const QList<NodeSpec> &nodes() const { return m_nodes; }
    void addNode(const NodeSpec &node);
    void replaceNode(int row, const NodeSpec &node);
    void removeNode(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<NodeSpec> m_nodes;
};

} // namespace kinspect::ui
