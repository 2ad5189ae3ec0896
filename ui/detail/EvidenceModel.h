#pragma once

#include "evaluate/Result.h"

#include <QAbstractTableModel>

namespace kinspect::ui {

// The evidence behind one verdict on one node: where each value came from, the actual and the
// expected value, and the command that shows the same thing on the node.
class EvidenceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SourceColumn,
        WhereColumn,
        ActualColumn,
        ExpectedColumn,
        CommandColumn,
        ColumnCount
    };

    explicit EvidenceModel(QObject *parent = nullptr);
    void setEvidence(const QList<Evidence> &evidence);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString sourceLabel(const QString &source);

private:
    QList<Evidence> m_evidence;
};

} // namespace kinspect::ui
