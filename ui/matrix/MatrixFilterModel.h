#pragma once

#include "evaluate/Result.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

namespace kinspect::ui {

class MatrixModel;

// Filters and sorts the matrix: rows by status (a control is kept when one of the shown nodes
// has one of the chosen statuses), by top-level section and by a search over id, title and
// description; node columns by role. Sections with no matching control disappear. Sorting on the
// aggregate column puts the worst controls first (stable: catalog order within a status).
class MatrixFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MatrixFilterModel(QObject *parent = nullptr);

    void setMatrixModel(MatrixModel *model);
    MatrixModel *matrixModel() const { return m_model; }

    void setStatusFilter(const QSet<Status> &statuses); // empty: every status
    void setRoleFilter(const QString &role);            // empty: every node
    void setSectionFilter(const QString &topSectionId); // empty: every section
    void setSearchText(const QString &text);
    void setOutliersOnly(bool on);

    QSet<Status> statusFilter() const { return m_statuses; }
    QString roleFilter() const { return m_role; }
    QString sectionFilter() const { return m_section; }
    QString searchText() const { return m_search; }
    bool filtering() const;

    // Source node index of a proxy column, -1 for the control/aggregate columns.
    int nodeIndexOfColumn(int proxyColumn) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool filterAcceptsColumn(int sourceColumn, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void updateNodeMask();
    void refilter(bool columnsToo);

    MatrixModel *m_model = nullptr;
    QSet<Status> m_statuses;
    QString m_role;
    QString m_section;
    QString m_search;
    bool m_outliersOnly = false;
    std::vector<bool> m_nodeShown; // by node index, from the role filter
};

} // namespace kinspect::ui
