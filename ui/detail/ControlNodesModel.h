#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The control view: one control across every node (status, reason, the first evidence's value).
class ControlNodesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NodeColumn,
        RolesColumn,
        StatusColumn,
        ActualColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1,
        RankRole
    };

    explicit ControlNodesModel(QObject *parent = nullptr);
    void setControl(const ClusterResult &result, const QString &controlId);
    QString controlId() const { return m_controlId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString node;
        QStringList roles;
        int status = -1; // -1: no result
        QString actual;
        QString reason;
    };
    QString m_controlId;
    QList<Row> m_rows;
};

} // namespace kinspect::ui
