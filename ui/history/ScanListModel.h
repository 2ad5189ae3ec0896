#pragma once

#include "store/ScanHistory.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// Past scans (ScanHistory::listScans) as a table, newest first.
class ScanListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StartedColumn,
        BenchmarkColumn,
        NodesColumn,
        PassColumn,
        FailColumn,
        OtherColumn,
        CompleteColumn,
        ColumnCount
    };
    enum Role
    {
        ScanIdRole = Qt::UserRole + 1
    };

    explicit ScanListModel(QObject *parent = nullptr);

    void setScans(const QList<ScanInfo> &scans);
    const QList<ScanInfo> &scans() const { return m_scans; }
    const ScanInfo *scanAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ScanInfo> m_scans;
};

} // namespace kinspect::ui
