#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The node view: every control of one node (id, title, status, reason), in catalog order.
class NodeControlsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        TitleColumn,
        StatusColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1,
        RankRole,
        ControlIdRole
    };

    explicit NodeControlsModel(QObject *parent = nullptr);
    void setNode(const Benchmark &benchmark, const ClusterResult &result, int nodeIndex);
    int nodeIndex() const { return m_node; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        QString title;
        int status = -1;
        QString reason;
    };
    int m_node = -1;
    QList<Row> m_rows;
};

} // namespace kinspect::ui
