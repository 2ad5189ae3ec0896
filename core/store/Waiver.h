#pragma once

#include "evaluate/Result.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kinspect {

// An accepted risk: a FAIL of one control, on some nodes (by name or role) or on every node, that
// an owner accepted with a justification until an expiry date. Applied after evaluation; the
// result keeps its original status and names the waiver, so every report can list it.
struct Waiver
{
    QString id;            // stable key (history DB, YAML file)
    QString controlId;     // "1.2.5"
    QStringList nodes;     // node names or roles; empty: every node
    QString justification; // why the risk is accepted
    QString owner;         // who accepted it
    QDate expires;         // last day the waiver holds
    QDateTime created;     // when it was recorded (informative)

    // True when `node` is in scope: no nodes named, or its name or one of its roles is listed.
    bool appliesTo(const NodeResult &node) const;
    // After the expiry date the waiver stops hiding the failure.
    bool expiredOn(const QDate &today) const { return !expires.isValid() || today > expires; }
};

// Strict YAML loader (docs/reports.md): unknown keys, missing fields, bad dates and duplicate ids
// are errors naming the file and line.
Expected<QList<Waiver>> parseWaivers(const QByteArray &yaml, const QString &fileName);
Expected<QList<Waiver>> loadWaiversFile(const QString &path);
// The YAML form parseWaivers() reads back (for review in git).
QByteArray waiversToYaml(const QList<Waiver> &waivers);

struct WaiverOutcome
{
    int applied = 0;    // results turned into WAIVED
    int expired = 0;    // results an expired waiver would have matched (they stay FAIL)
    QStringList unused; // ids of valid waivers that matched no FAIL
};

// Turns each in-scope FAIL into WAIVED (originalStatus = FAIL, waiver set). An expired waiver
// leaves the FAIL in place but is still attached to the result (so reports can say it expired).
// The first matching unexpired waiver wins.
WaiverOutcome applyWaivers(ClusterResult &result, const QList<Waiver> &waivers,
                           const QDate &today = QDate::currentDate());

} // namespace kinspect
