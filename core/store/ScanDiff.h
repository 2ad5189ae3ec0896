#pragma once

#include "evaluate/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kinspect {

// What changed between two scans of a cluster (drift), node by node and control by control.
struct ScanChange
{
    enum class Kind
    {
        NewFailure,      // was not FAIL/ERROR (or absent), now FAIL or ERROR
        Fixed,           // was FAIL/ERROR, now PASS / NOT_APPLICABLE (WAIVED is a status change)
        StatusChanged,   // any other status change (e.g. PASS -> MANUAL, FAIL -> ERROR)
        EvidenceChanged, // same status, different actual values
        NodeAdded,
        NodeRemoved
    };
    Kind kind = Kind::StatusChanged;
    QString node;
    QString controlId; // empty for NodeAdded / NodeRemoved
    std::optional<Status> before;
    std::optional<Status> after;
    QStringList beforeValues; // "path key = actual" of the evidence, for EvidenceChanged
    QStringList afterValues;
};
QString scanChangeKindName(ScanChange::Kind kind); // "new-failure", "fixed", ...

struct ScanDiff
{
    qint64 beforeId = 0; // history ids, 0 when not from the history
    qint64 afterId = 0;
    QDateTime beforeAt;
    QDateTime afterAt;
    QList<ScanChange> changes;

    QList<ScanChange> ofKind(ScanChange::Kind kind) const;
    int count(ScanChange::Kind kind) const { return int(ofKind(kind).size()); }
};

// Compares `before` with `after` (nodes matched by name, controls by id).
ScanDiff compareScans(const ClusterResult &before, const ClusterResult &after);

// Report forms of a diff: "text", "json" or "html" (an HTML fragment for a report section).
QJsonObject scanDiffToJson(const ScanDiff &diff);
QString scanDiffText(const ScanDiff &diff);
QString scanDiffHtml(const ScanDiff &diff); // a <section>, every value escaped

} // namespace kinspect
