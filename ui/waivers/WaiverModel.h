#pragma once

#include "store/Waiver.h"

#include <QAbstractTableModel>
#include <QDate>

namespace kinspect::ui {

// Waivers as a table. Expired waivers (past their last day) are marked in the Expires column
// (text, colour and tooltip) so they stand out.
class WaiverModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        ControlColumn,
        ScopeColumn,
        OwnerColumn,
        ExpiresColumn,
        JustificationColumn,
        ColumnCount
    };
    enum Role
    {
        ExpiredRole = Qt::UserRole + 1
    };

    explicit WaiverModel(QObject *parent = nullptr);

    void setWaivers(const QList<Waiver> &waivers, const QDate &today = QDate::currentDate());
    const QList<Waiver> &waivers() const { return m_waivers; }
    const Waiver *waiverAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Waiver> m_waivers;
    QDate m_today;
};

} // namespace kinspect::ui
