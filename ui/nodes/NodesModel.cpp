#include "nodes/NodesModel.h"

#include "common/StatusStyle.h"
#include "prompts/ErrorAdvice.h"

namespace kinspect::ui {

NodesModel::NodesModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void NodesModel::setInventory(const Inventory &inventory)
{
    beginResetModel();
    m_rows.clear();
    for (const NodeSpec &n : inventory.nodes) {
        Row r;
        r.name = n.name;
        r.host = n.host;
        r.roles = n.roles;
        m_rows << r;
    }
    endResetModel();
}

void NodesModel::setResult(const ClusterResult &result)
{
    beginResetModel();
    QHash<QString, QString> hosts;
    for (const Row &r : std::as_const(m_rows))
        hosts.insert(r.name, r.host);
    m_rows.clear();
    for (const NodeResult &n : result.nodes) {
        Row r;
        r.name = n.name;
        r.host = n.host.isEmpty() ? hosts.value(n.name) : n.host;
        m_rows << r;
    }
    endResetModel();
    for (int i = 0; i < result.nodes.size(); ++i)
        setNodeResult(i, result.nodes[i]);
}

void NodesModel::setStage(int row, NodeStage stage)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].stage = int(stage);
    if (stage == NodeStage::Queued || stage == NodeStage::Connecting) {
        m_rows[row].errorKind.clear();
        m_rows[row].errorMessage.clear();
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void NodesModel::setNodeResult(int row, const NodeResult &n)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    if (!n.roles.isEmpty())
        r.roles = n.roles;
    r.distribution = n.distribution;
    r.version = n.kubernetesVersion;
    r.errorKind = n.audited ? QString() : n.errorKind;
    r.errorMessage = n.audited ? QString() : n.errorMessage;
    r.fails = n.count(Status::Fail);
    r.passes = n.count(Status::Pass);
    r.hasResult = true;
    if (n.audited)
        r.stage = int(NodeStage::Done);
    else if (n.errorKind == QLatin1String("cancelled"))
        r.stage = int(NodeStage::Cancelled);
    else
        r.stage = int(NodeStage::Failed);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString NodesModel::nodeName(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

int NodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NodesModel::stageLabel(NodeStage stage)
{
    switch (stage) {
    case NodeStage::Queued:
        return tr("Queued");
    case NodeStage::Connecting:
        return tr("Connecting");
    case NodeStage::Collecting:
        return tr("Collecting");
    case NodeStage::Evaluating:
        return tr("Evaluating");
    case NodeStage::Done:
        return tr("Audited");
    case NodeStage::Failed:
        return tr("Failed");
    case NodeStage::Cancelled:
        return tr("Cancelled");
    }
    return QString();
}

int NodesModel::stageProgress(NodeStage stage)
{
    switch (stage) {
    case NodeStage::Queued:
        return 0;
    case NodeStage::Connecting:
        return 20;
    case NodeStage::Collecting:
        return 50;
    case NodeStage::Evaluating:
        return 85;
    case NodeStage::Done:
    case NodeStage::Failed:
    case NodeStage::Cancelled:
        return 100;
    }
    return 0;
}

QVariant NodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    switch (role) {
    case ProgressRole:
        return r.stage < 0 ? 0 : stageProgress(NodeStage(r.stage));
    case StageRole:
        return r.stage;
    case ErrorKindRole:
        return r.errorKind;
    case NodeNameRole:
        return r.name;
    default:
        break;
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return r.name;
        if (role == Qt::ToolTipRole)
            return r.host;
        if (role == Qt::DecorationRole && r.hasResult)
            return !r.errorKind.isEmpty() ? StatusStyle::icon(Status::Error)
                   : r.fails > 0          ? StatusStyle::icon(Status::Fail)
                                          : StatusStyle::icon(Status::Pass);
        break;
    case RolesColumn:
        if (role == Qt::DisplayRole)
            return r.roles.join(QStringLiteral(", "));
        break;
    case DistributionColumn:
        if (role == Qt::DisplayRole)
            return r.distribution;
        break;
    case VersionColumn:
        if (role == Qt::DisplayRole)
            return r.version;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole) {
            if (r.stage < 0)
                return tr("Not scanned");
            if (NodeStage(r.stage) == NodeStage::Done && r.hasResult)
                return tr("%1 fail, %2 pass").arg(r.fails).arg(r.passes);
            return stageLabel(NodeStage(r.stage));
        }
        break;
    case ErrorColumn:
        if (role == Qt::DisplayRole)
            return r.errorMessage;
        if (role == Qt::ToolTipRole && !r.errorKind.isEmpty())
            return ErrorAdvice::forKind(r.errorKind).title + QLatin1Char('\n') + r.errorMessage +
                   QStringLiteral("\n\n") + ErrorAdvice::forKind(r.errorKind).nextStep;
        if (role == Qt::ForegroundRole && !r.errorKind.isEmpty())
            return StatusStyle::color(Status::Fail);
        break;
    default:
        break;
    }
    return {};
}

QVariant NodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Node");
    case RolesColumn:
        return tr("Roles");
    case DistributionColumn:
        return tr("Distribution");
    case VersionColumn:
        return tr("Kubernetes");
    case StateColumn:
        return tr("Scan");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace kinspect::ui
