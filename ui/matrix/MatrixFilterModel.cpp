#include "matrix/MatrixFilterModel.h"

#include "matrix/MatrixModel.h"

namespace kinspect::ui {

MatrixFilterModel::MatrixFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(MatrixModel::RankRole);
    setDynamicSortFilter(true);
}

void MatrixFilterModel::setMatrixModel(MatrixModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setSourceModel(model);
    updateNodeMask();
    // The node mask depends on the nodes: rebuild it whenever the source changes shape.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        updateNodeMask();
        invalidate();
    });
}

bool MatrixFilterModel::filtering() const
{
    return !m_statuses.isEmpty() || !m_role.isEmpty() || !m_section.isEmpty() ||
           !m_search.isEmpty() || m_outliersOnly;
}

void MatrixFilterModel::refilter(bool columnsToo)
{
    if (columnsToo)
        invalidate(); // columns and rows
    else
        invalidateRowsFilter();
}

void MatrixFilterModel::setStatusFilter(const QSet<Status> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    refilter(false);
}

void MatrixFilterModel::setRoleFilter(const QString &role)
{
    if (role == m_role)
        return;
    m_role = role;
    updateNodeMask();
    refilter(true);
}

void MatrixFilterModel::setSectionFilter(const QString &topSectionId)
{
    if (topSectionId == m_section)
        return;
    m_section = topSectionId;
    refilter(false);
}

void MatrixFilterModel::setSearchText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == m_search)
        return;
    m_search = t;
    refilter(false);
}

void MatrixFilterModel::setOutliersOnly(bool on)
{
    if (on == m_outliersOnly)
        return;
    m_outliersOnly = on;
    refilter(false);
}

void MatrixFilterModel::updateNodeMask()
{
    m_nodeShown.clear();
    if (!m_model)
        return;
    const auto &nodes = m_model->result().nodes;
    m_nodeShown.resize(size_t(nodes.size()), true);
    if (m_role.isEmpty())
        return;
    for (int n = 0; n < nodes.size(); ++n)
        m_nodeShown[size_t(n)] = nodes[n].roles.contains(m_role);
}

int MatrixFilterModel::nodeIndexOfColumn(int proxyColumn) const
{
    const int source = mapToSource(index(0, proxyColumn)).column();
    if (source < MatrixModel::FirstNodeColumn)
        return -1;
    return source - MatrixModel::FirstNodeColumn;
}

bool MatrixFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model)
        return true;
    if (!sourceParent.isValid())
        return !filtering(); // a section stays when one of its controls does (recursive filter)
    const QModelIndex idx = m_model->index(sourceRow, 0, sourceParent);
    const int c = m_model->controlIndexOf(idx);
    if (c < 0)
        return false;
    if (!m_section.isEmpty() &&
        m_model->data(idx, MatrixModel::SectionIdRole).toString() != m_section)
        return false;
    if (!m_search.isEmpty() &&
        !m_model->data(idx, MatrixModel::SearchTextRole).toString().contains(m_search))
        return false;
    if (m_outliersOnly && !m_model->controlDisagrees(c))
        return false;
    if (!m_statuses.isEmpty()) {
        bool any = false;
        if (m_role.isEmpty()) {
            for (Status s : m_statuses)
                any = any || m_model->controlStatusCount(c, s) > 0;
        } else {
            const int nodes = m_model->nodeCount();
            for (int n = 0; n < nodes && !any; ++n) {
                if (!m_nodeShown[size_t(n)])
                    continue;
                const quint8 st = m_model->cellStatus(c, n);
                any = st != MatrixModel::NoResult && m_statuses.contains(Status(st));
            }
        }
        if (!any)
            return false;
    }
    return true;
}

bool MatrixFilterModel::filterAcceptsColumn(int sourceColumn, const QModelIndex &) const
{
    const int node = sourceColumn - MatrixModel::FirstNodeColumn;
    if (node < 0 || m_role.isEmpty())
        return true;
    return node < int(m_nodeShown.size()) && m_nodeShown[size_t(node)];
}

bool MatrixFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = left.data(MatrixModel::RankRole).toInt();
    const int r = right.data(MatrixModel::RankRole).toInt();
    if (l != r)
        return l < r;
    return left.row() < right.row(); // ties keep the catalog order
}

} // namespace kinspect::ui
