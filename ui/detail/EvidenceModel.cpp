#include "detail/EvidenceModel.h"

#include "common/StatusStyle.h"

#include <QFontDatabase>

namespace kinspect::ui {

EvidenceModel::EvidenceModel(QObject *parent) : QAbstractTableModel(parent) {}

void EvidenceModel::setEvidence(const QList<Evidence> &evidence)
{
    beginResetModel();
    m_evidence = evidence;
    endResetModel();
}

int EvidenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_evidence.size());
}

int EvidenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EvidenceModel::sourceLabel(const QString &source)
{
    if (source == QLatin1String("argv"))
        return tr("command line");
    if (source == QLatin1String("config"))
        return tr("config file");
    if (source == QLatin1String("default"))
        return tr("default");
    if (source == QLatin1String("unset"))
        return tr("not set");
    if (source == QLatin1String("stat"))
        return tr("file stat");
    if (source == QLatin1String("file"))
        return tr("file");
    if (source == QLatin1String("process"))
        return tr("process");
    if (source == QLatin1String("note"))
        return tr("note");
    return source;
}

QVariant EvidenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_evidence.size())
        return {};
    const Evidence &e = m_evidence[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::EditRole) {
        switch (index.column()) {
        case SourceColumn:
            return sourceLabel(e.source);
        case WhereColumn:
            if (e.key.isEmpty())
                return e.path;
            return e.path.isEmpty() ? e.key : e.path + QStringLiteral(" : ") + e.key;
        case ActualColumn:
            return e.actual.isEmpty() && role == Qt::DisplayRole ? tr("(unset)") : e.actual;
        case ExpectedColumn:
            return e.expected;
        case CommandColumn:
            return e.command;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == SourceColumn)
        return StatusStyle::icon(e.passed ? Status::Pass : Status::Fail);
    if (role == Qt::FontRole && (index.column() == CommandColumn ||
                                 index.column() == ActualColumn || index.column() == WhereColumn))
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return {};
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case WhereColumn:
        return tr("Path / key");
    case ActualColumn:
        return tr("Actual");
    case ExpectedColumn:
        return tr("Expected");
    case CommandColumn:
        return tr("Collection command");
    default:
        return {};
    }
}

} // namespace kinspect::ui
