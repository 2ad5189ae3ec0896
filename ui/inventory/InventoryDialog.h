#pragma once

#include "inventory/Inventory.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace kinspect::ui {

class InventoryNodesModel;

// Edits a whole inventory: cluster name, benchmark, connection defaults and the nodes.
class InventoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit InventoryDialog(const Inventory &inventory, QWidget *parent = nullptr);
    Inventory inventory() const;
    InventoryNodesModel *nodesModel() const { return m_nodes; }

public slots:
    void addNode();
    void editNode();
    void removeNode();

private:
    Inventory m_inventory;
    QLineEdit *m_cluster;
    QComboBox *m_benchmark;
    QLineEdit *m_user;
    QSpinBox *m_port;
    QLineEdit *m_identity;
    QComboBox *m_sudo;
    QTableView *m_view;
    InventoryNodesModel *m_nodes;
};

} // namespace kinspect::ui
