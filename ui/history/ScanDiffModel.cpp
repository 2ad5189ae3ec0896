#include "history/ScanDiffModel.h"
#include "common/StatusStyle.h"

#include <QBrush>
#include <QColor>

namespace kinspect::ui {

ScanDiffModel::ScanDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanDiffModel::setDiff(const ScanDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    rebuild();
    endResetModel();
}

void ScanDiffModel::setKindFilter(std::optional<ScanChange::Kind> kind)
{
    beginResetModel();
    m_filter = kind;
    rebuild();
    endResetModel();
}

void ScanDiffModel::rebuild()
{
    m_rows.clear();
    for (int i = 0; i < m_diff.changes.size(); ++i)
        if (!m_filter || m_diff.changes[i].kind == *m_filter)
            m_rows << i;
}

const ScanChange *ScanDiffModel::changeAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_diff.changes[m_rows[row]];
}

QString ScanDiffModel::kindLabel(ScanChange::Kind kind)
{
    switch (kind) {
    case ScanChange::Kind::NewFailure:
        return tr("New failure");
    case ScanChange::Kind::Fixed:
        return tr("Fixed");
    case ScanChange::Kind::StatusChanged:
        return tr("Status changed");
    case ScanChange::Kind::EvidenceChanged:
        return tr("Evidence changed");
    case ScanChange::Kind::NodeAdded:
        return tr("Node added");
    case ScanChange::Kind::NodeRemoved:
        return tr("Node removed");
    }
    return QString();
}

int ScanDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScanDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScanChange &c = *changeAt(index.row());
    if (role == KindRole)
        return int(c.kind);
    const auto statusText = [](const std::optional<Status> &s) {
        return s ? StatusStyle::label(*s) : tr("—");
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KindColumn:
            return kindLabel(c.kind);
        case NodeColumn:
            return c.node;
        case ControlColumn:
            return c.controlId;
        case BeforeColumn:
            return statusText(c.before);
        case AfterColumn:
            return statusText(c.after);
        case EvidenceColumn:
            if (c.beforeValues.isEmpty() && c.afterValues.isEmpty())
                return QString();
            if (role == Qt::ToolTipRole)
                return tr("Before:\n%1\nAfter:\n%2")
                    .arg(c.beforeValues.join(QLatin1Char('\n')),
                         c.afterValues.join(QLatin1Char('\n')));
            {
                // Only the values that differ: the column has room for little, the tooltip
                // shows everything.
                QStringList before, after;
                for (const QString &v : c.beforeValues)
                    if (!c.afterValues.contains(v))
                        before << v;
                for (const QString &v : c.afterValues)
                    if (!c.beforeValues.contains(v))
                        after << v;
                // One value changed at the same place: "path key = old → new", so the arrow
                // stays near the end where eliding does not hide it.
                if (before.size() == 1 && after.size() == 1) {
                    const QLatin1String sep(" = ");
                    const qsizetype b = before[0].indexOf(sep), a = after[0].indexOf(sep);
                    if (b > 0 && a == b && before[0].left(b) == after[0].left(a))
                        return tr("%1 = %2 → %3")
                            .arg(before[0].left(b), before[0].mid(b + sep.size()),
                                 after[0].mid(a + sep.size()));
                }
                if (before.isEmpty() && after.isEmpty())
                    return c.afterValues.join(QStringLiteral("; "));
                return tr("%1 → %2").arg(before.join(QStringLiteral("; ")),
                                         after.join(QStringLiteral("; ")));
            }
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == BeforeColumn && c.before)
            return StatusStyle::icon(*c.before);
        if (index.column() == AfterColumn && c.after)
            return StatusStyle::icon(*c.after);
        break;
    case Qt::ForegroundRole:
        if (index.column() == KindColumn) {
            if (c.kind == ScanChange::Kind::NewFailure)
                return QBrush(StatusStyle::color(Status::Fail));
            if (c.kind == ScanChange::Kind::Fixed)
                return QBrush(StatusStyle::color(Status::Pass));
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ScanDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Change");
    case NodeColumn:
        return tr("Node");
    case ControlColumn:
        return tr("Control");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    case EvidenceColumn:
        return tr("Evidence (before → after)");
    }
    return {};
}

} // namespace kinspect::ui
