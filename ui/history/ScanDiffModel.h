#pragma once

#include "store/ScanDiff.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The changes of a ScanDiff as a table: kind, node, control, status before/after, evidence.
// A kind filter hides the other kinds (none set: every change).
class ScanDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        NodeColumn,
        ControlColumn,
        BeforeColumn,
        AfterColumn,
        EvidenceColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1 // ScanChange::Kind as int
    };

    explicit ScanDiffModel(QObject *parent = nullptr);

    void setDiff(const ScanDiff &diff);
    const ScanDiff &diff() const { return m_diff; }
    // Shows only changes of `kind`; std::nullopt: every change.
    void setKindFilter(std::optional<ScanChange::Kind> kind);
    const ScanChange *changeAt(int row) const;

    // A translated name of a kind ("New failure", "Fixed", ...).
    static QString kindLabel(ScanChange::Kind kind);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    ScanDiff m_diff;
    std::optional<ScanChange::Kind> m_filter;
    QList<int> m_rows; // indexes into m_diff.changes
};

} // namespace kinspect::ui
