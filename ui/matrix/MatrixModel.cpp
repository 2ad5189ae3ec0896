#include "matrix/MatrixModel.h"

#include "common/StatusStyle.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace kinspect::ui {

MatrixModel::MatrixModel(QObject *parent) : QAbstractItemModel(parent) {}

void MatrixModel::clear()
{
    beginResetModel();
    m_benchmark = Benchmark{};
    m_result = ClusterResult{};
    m_sections.clear();
    m_controls.clear();
    m_status.clear();
    m_resultIndex.clear();
    m_controlById.clear();
    endResetModel();
}

void MatrixModel::setResult(const Benchmark &benchmark, const ClusterResult &result)
{
    beginResetModel();
    m_benchmark = benchmark;
    m_result = result;
    m_sections.clear();
    m_controls.assign(size_t(benchmark.controls.size()), ControlRow{});
    m_controlById.clear();
    m_controlById.reserve(benchmark.controls.size());

    // Sections in catalog order; controls (sorted by id in the catalog) under their own section.
    QHash<QString, int> sectionIndex;
    for (int c = 0; c < benchmark.controls.size(); ++c) {
        const Control &control = benchmark.controls[c];
        m_controlById.insert(control.id, c);
        auto it = sectionIndex.constFind(control.sectionId);
        int s;
        if (it == sectionIndex.constEnd()) {
            s = int(m_sections.size());
            sectionIndex.insert(control.sectionId, s);
            const Section *sec = benchmark.section(control.sectionId);
            m_sections.push_back(SectionRow{control.sectionId,
                                            control.sectionId.section(QLatin1Char('.'), 0, 0),
                                            sec ? sec->title : QString(),
                                            {}});
        } else {
            s = *it;
        }
        ControlRow &row = m_controls[size_t(c)];
        row.section = s;
        row.rowInSection = int(m_sections[size_t(s)].controls.size());
        row.search =
            (control.id + QLatin1Char(' ') + control.title + QLatin1Char(' ') + control.description)
                .toLower();
        m_sections[size_t(s)].controls.push_back(c);
    }
    // Keep the catalog's section order (by the order of the Benchmark's sections list).
    std::vector<int> order(m_sections.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    const auto position = [&](const QString &id) {
        for (int i = 0; i < benchmark.sections.size(); ++i)
            if (benchmark.sections[i].id == id)
                return i;
        return int(benchmark.sections.size());
    };
    std::vector<int> pos(m_sections.size());
    for (size_t i = 0; i < m_sections.size(); ++i)
        pos[i] = position(m_sections[i].id);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (pos[size_t(a)] != pos[size_t(b)])
            return pos[size_t(a)] < pos[size_t(b)];
        return controlIdLess(m_sections[size_t(a)].id, m_sections[size_t(b)].id);
    });
    std::vector<SectionRow> sorted;
    sorted.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        sorted.push_back(std::move(m_sections[size_t(order[i])]));
        for (int c : sorted.back().controls)
            m_controls[size_t(c)].section = int(i);
    }
    m_sections = std::move(sorted);

    const size_t cells = size_t(benchmark.controls.size()) * size_t(result.nodes.size());
    m_status.assign(cells, NoResult);
    m_resultIndex.assign(cells, -1);
    for (int n = 0; n < result.nodes.size(); ++n)
        computeNode(n);
    for (int c = 0; c < benchmark.controls.size(); ++c)
        computeControl(c);
    endResetModel();
}

void MatrixModel::computeNode(int nodeIndex)
{
    const size_t nodes = size_t(m_result.nodes.size());
    const NodeResult &node = m_result.nodes[nodeIndex];
    for (size_t c = 0; c < m_controls.size(); ++c) {
        m_status[c * nodes + size_t(nodeIndex)] = NoResult;
        m_resultIndex[c * nodes + size_t(nodeIndex)] = -1;
    }
    const auto &controls = m_benchmark.controls;
    for (int i = 0; i < node.results.size(); ++i) {
        const ControlResult &r = node.results[i];
        // Results come in catalog order: try the same position before the hash.
        int c = (i < controls.size() && controls[i].id == r.controlId)
                    ? i
                    : m_controlById.value(r.controlId, -1);
        if (c < 0)
            continue;
        m_status[size_t(c) * nodes + size_t(nodeIndex)] = quint8(r.status);
        m_resultIndex[size_t(c) * nodes + size_t(nodeIndex)] = i;
    }
}

void MatrixModel::computeControl(int controlIndex)
{
    ControlRow &row = m_controls[size_t(controlIndex)];
    row.counts.fill(0);
    const size_t nodes = size_t(m_result.nodes.size());
    const quint8 *cell = m_status.data() + size_t(controlIndex) * nodes;
    for (size_t n = 0; n < nodes; ++n)
        ++row.counts[cell[n] == NoResult ? size_t(kStatusCount) : size_t(cell[n])];
    row.worst = NoResult;
    int worstRank = 1000;
    int distinct = 0;
    for (Status s : StatusStyle::worstFirst()) {
        const int n = row.counts[size_t(s)];
        if (n == 0)
            continue;
        if (StatusStyle::rank(s) < worstRank) {
            worstRank = StatusStyle::rank(s);
            row.worst = quint8(s);
        }
        if (s != Status::NotApplicable)
            ++distinct;
    }
    // Outlier: the nodes the control applies to do not all agree.
    row.disagree = distinct > 1;
}

void MatrixModel::updateNode(int nodeIndex, const NodeResult &node)
{
    updateNodes({{nodeIndex, node}});
}

void MatrixModel::updateNodes(const QHash<int, NodeResult> &nodes)
{
    bool any = false;
    for (auto it = nodes.constBegin(); it != nodes.constEnd(); ++it) {
        if (it.key() < 0 || it.key() >= m_result.nodes.size())
            continue;
        m_result.nodes[it.key()] = it.value();
        computeNode(it.key());
        any = true;
    }
    if (!any)
        return;
    for (size_t c = 0; c < m_controls.size(); ++c)
        computeControl(int(c));
    const int last = columnCount() - 1;
    emit headerDataChanged(Qt::Horizontal, FirstNodeColumn, last);
    for (int s = 0; s < int(m_sections.size()); ++s) {
        const QModelIndex parentIndex = index(s, 0);
        emit dataChanged(index(s, 0), index(s, last));
        const int rows = int(m_sections[size_t(s)].controls.size());
        if (rows > 0)
            emit dataChanged(index(0, 0, parentIndex), index(rows - 1, last, parentIndex));
    }
}

QModelIndex MatrixModel::indexOfControl(const QString &controlId, int column) const
{
    const int c = m_controlById.value(controlId, -1);
    if (c < 0)
        return {};
    const ControlRow &row = m_controls[size_t(c)];
    return createIndex(row.rowInSection, column, quintptr(row.section + 1));
}

int MatrixModel::controlIndexOf(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this || idx.internalId() == 0)
        return -1;
    return m_sections[size_t(idx.internalId() - 1)].controls[size_t(idx.row())];
}

const Control *MatrixModel::controlAt(const QModelIndex &idx) const
{
    const int c = controlIndexOf(idx);
    return c < 0 ? nullptr : &m_benchmark.controls[c];
}

const ControlResult *MatrixModel::cellResult(int controlIndex, int nodeIndex) const
{
    if (controlIndex < 0 || nodeIndex < 0 || nodeIndex >= nodeCount() ||
        controlIndex >= controlCount())
        return nullptr;
    const int i = m_resultIndex[size_t(controlIndex) * size_t(nodeCount()) + size_t(nodeIndex)];
    return i < 0 ? nullptr : &m_result.nodes[nodeIndex].results[i];
}

QModelIndex MatrixModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    if (!parent.isValid())
        return row < int(m_sections.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= int(m_sections.size()))
        return {};
    if (row >= int(m_sections[size_t(parent.row())].controls.size()))
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex MatrixModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_sections[size_t(parent.row())].controls.size());
}

int MatrixModel::columnCount(const QModelIndex &) const
{
    return FirstNodeColumn + nodeCount();
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

quint8 MatrixModel::sectionWorst(int sectionIndex, int nodeIndex) const
{
    quint8 worst = NoResult;
    int worstRank = 1000;
    for (int c : m_sections[size_t(sectionIndex)].controls) {
        const quint8 s = cellStatus(c, nodeIndex);
        if (s == NoResult)
            continue;
        const int r = StatusStyle::rank(Status(s));
        if (r < worstRank) {
            worstRank = r;
            worst = s;
        }
    }
    return worst;
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == 0)
        return sectionData(index.row(), index.column(), role);
    return controlData(controlIndexOf(index), index.column(), role);
}

namespace {

int rankOf(quint8 status)
{
    return status == MatrixModel::NoResult ? StatusStyle::noResultRank
                                           : StatusStyle::rank(Status(status));
}

QVariant statusVariant(quint8 status)
{
    return status == MatrixModel::NoResult ? -1 : int(status);
}

} // namespace

QVariant MatrixModel::sectionData(int s, int column, int role) const
{
    const SectionRow &sec = m_sections[size_t(s)];
    switch (role) {
    case IsSectionRole:
        return true;
    case SectionIdRole:
        return sec.topId;
    case ControlIdRole:
        return QString();
    default:
        break;
    }
    if (column == ControlColumn) {
        if (role == Qt::DisplayRole)
            return sec.title.isEmpty() ? sec.id : sec.id + QStringLiteral("  ") + sec.title;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == RankRole) {
            int best = 1000;
            for (int c : sec.controls)
                best = qMin(best, rankOf(m_controls[size_t(c)].worst));
            return best;
        }
        return {};
    }
    if (column == AggregateColumn) {
        int fails = 0, disagree = 0;
        for (int c : sec.controls) {
            fails += m_controls[size_t(c)].counts[size_t(Status::Fail)] > 0;
            disagree += m_controls[size_t(c)].disagree;
        }
        if (role == Qt::DisplayRole)
            return fails == 0 ? QString() : tr("%n failing", "controls of a section", fails);
        if (role == Qt::ToolTipRole)
            return tr("%1 of %2 controls fail on at least one node; %3 differ between nodes")
                .arg(fails)
                .arg(sec.controls.size())
                .arg(disagree);
        if (role == RankRole) {
            int best = 1000;
            for (int c : sec.controls)
                best = qMin(best, rankOf(m_controls[size_t(c)].worst));
            return best;
        }
        return {};
    }
    const int node = column - FirstNodeColumn;
    if (node < 0 || node >= nodeCount())
        return {};
    switch (role) {
    case Qt::DecorationRole: {
        const quint8 w = sectionWorst(s, node);
        return w == NoResult ? QVariant() : QVariant(StatusStyle::icon(Status(w)));
    }
    case StatusRole:
        return statusVariant(sectionWorst(s, node));
    case RankRole:
        return rankOf(sectionWorst(s, node));
    case NodeIndexRole:
        return node;
    case Qt::ToolTipRole: {
        const quint8 w = sectionWorst(s, node);
        return w == NoResult ? QVariant()
                             : QVariant(tr("%1: worst status in %2 is %3")
                                            .arg(m_result.nodes[node].name, sec.id,
                                                 StatusStyle::label(Status(w))));
    }
    default:
        return {};
    }
}

QVariant MatrixModel::controlData(int c, int column, int role) const
{
    if (c < 0)
        return {};
    const ControlRow &row = m_controls[size_t(c)];
    const Control &control = m_benchmark.controls[c];
    switch (role) {
    case IsSectionRole:
        return false;
    case ControlIdRole:
        return control.id;
    case SectionIdRole:
        return m_sections[size_t(row.section)].topId;
    case SearchTextRole:
        return row.search;
    case DisagreeRole:
        return row.disagree;
    default:
        break;
    }
    if (column == ControlColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return control.id + QStringLiteral("  ") + control.title;
        case Qt::ToolTipRole:
            return control.automated ? control.title : tr("%1 (manual control)").arg(control.title);
        case RankRole:
            return rankOf(row.worst);
        case StatusRole:
            return statusVariant(row.worst);
        default:
            return {};
        }
    }
    if (column == AggregateColumn) {
        switch (role) {
        case Qt::DecorationRole:
            return row.worst == NoResult ? QVariant()
                                         : QVariant(StatusStyle::icon(Status(row.worst)));
        case Qt::DisplayRole: {
            if (row.worst == NoResult)
                return QString();
            const int fails = row.counts[size_t(Status::Fail)];
            if (row.disagree && fails > 0)
                return tr("%1/%2 fail").arg(fails).arg(nodeCount());
            if (row.disagree)
                return tr("mixed");
            return StatusStyle::label(Status(row.worst));
        }
        case Qt::ToolTipRole: {
            QStringList parts;
            for (Status s : StatusStyle::worstFirst())
                if (row.counts[size_t(s)] > 0)
                    parts << QStringLiteral("%1: %2")
                                 .arg(StatusStyle::label(s))
                                 .arg(row.counts[size_t(s)]);
            if (row.counts[size_t(kStatusCount)] > 0)
                parts << tr("no result: %1").arg(row.counts[size_t(kStatusCount)]);
            QString tip = parts.join(QStringLiteral(", "));
            if (row.disagree)
                tip = tr("Nodes disagree on this control.") + QLatin1Char('\n') + tip;
            return tip;
        }
        case Qt::BackgroundRole:
            if (row.disagree) {
                QColor c2 = StatusStyle::color(Status::Error);
                c2.setAlpha(70); // readable on light and dark bases
                return c2;
            }
            return {};
        case Qt::FontRole:
            if (row.disagree) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case RankRole:
            return rankOf(row.worst);
        case StatusRole:
            return statusVariant(row.worst);
        default:
            return {};
        }
    }
    const int node = column - FirstNodeColumn;
    if (node < 0 || node >= nodeCount())
        return {};
    const quint8 st = cellStatus(c, node);
    switch (role) {
    case Qt::DecorationRole:
        return st == NoResult ? StatusStyle::noResultIcon() : StatusStyle::icon(Status(st));
    case StatusRole:
        return statusVariant(st);
    case RankRole:
        return rankOf(st);
    case NodeIndexRole:
        return node;
    case Qt::AccessibleTextRole:
        return st == NoResult ? tr("no result") : StatusStyle::label(Status(st));
    case Qt::ToolTipRole: {
        const NodeResult &n = m_result.nodes[node];
        if (st == NoResult)
            return n.audited ? tr("%1: no result for %2").arg(n.name, control.id)
                             : tr("%1 was not audited: %2").arg(n.name, n.errorMessage);
        const ControlResult *r = cellResult(c, node);
        return QStringLiteral("%1 · %2: %3\n%4")
            .arg(n.name, control.id, StatusStyle::label(Status(st)), r ? r->reason : QString());
    }
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section == ControlColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Control")) : QVariant();
    if (section == AggregateColumn) {
        if (role == Qt::DisplayRole)
            return tr("All nodes");
        if (role == Qt::ToolTipRole)
            return tr("The worst status over every node; highlighted where nodes disagree");
        return {};
    }
    const NodeResult &n = m_result.nodes[section - FirstNodeColumn];
    switch (role) {
    case Qt::DisplayRole:
        return n.name;
    case Qt::ToolTipRole:
        return tr("%1 (%2)\nroles: %3\nKubernetes %4")
            .arg(n.name, n.host, n.roles.join(QStringLiteral(", ")), n.kubernetesVersion);
    case Qt::DecorationRole:
        return n.audited || n.errorKind.isEmpty() ? QVariant()
                                                  : QVariant(StatusStyle::icon(Status::Error));
    case NodeIndexRole:
        return section - FirstNodeColumn;
    default:
        return {};
    }
}

} // namespace kinspect::ui
