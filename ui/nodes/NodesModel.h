#pragma once

#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "scan/ScanEngine.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The cluster's nodes: what the inventory says, what the scan found (roles, distribution,
// Kubernetes version), and the scan state with progress and the error of a node that failed.
class NodesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        RolesColumn,
        DistributionColumn,
        VersionColumn,
        StateColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        ProgressRole = Qt::UserRole + 1, // 0..100 for the state column's bar
        StageRole,                       // int(NodeStage), -1 never scanned
        ErrorKindRole,
        NodeNameRole
    };

    explicit NodesModel(QObject *parent = nullptr);

    // Rows from an inventory (before a scan); results are cleared.
    void setInventory(const Inventory &inventory);
    // Rows from a result (a loaded file or a finished scan); keeps the inventory's hosts.
    void setResult(const ClusterResult &result);
    void setStage(int row, NodeStage stage);
    void setNodeResult(int row, const NodeResult &result);
    void clear();

    QString nodeName(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stageLabel(NodeStage stage);
    static int stageProgress(NodeStage stage);

private:
    struct Row
    {
        QString name;
        QString host;
        QStringList roles;
        QString distribution;
        QString version;
        int stage = -1;
        QString errorKind;
        QString errorMessage;
        int fails = 0;
        int passes = 0;
        bool hasResult = false;
    };
    QList<Row> m_rows;
};

} // namespace kinspect::ui
