#pragma once

#include "util/Expected.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace kinspect {

// One remediation as it happened: who, when, where, what (the diff) and how it ended. Appended to
// a JSONL file (one JSON object per line); the scan history imports it.
struct RemediationRecord
{
    struct Item // what was written, so a later rollback knows where the backup is
    {
        QString path;
        QString kind;   // content | mode | owner
        QString backup; // backup file on the node (mode/owner: BACKUP.meta holds the old values)
        QString writtenSha256;
    };

    QDateTime time;     // UTC, when the apply started
    QString localUser;  // the person at the workstation
    QString remoteUser; // the login on the node
    QString node;
    QString host;
    QString benchmarkId;
    QString controlId;
    QString action;    // apply | rollback | dry-run
    QString backupDir; // on the node
    QString diff;      // unified diff (plus chmod/chown lines)
    QList<Item> items;
    QString followUp;     // none | static-pod | kubelet-restart
    QString outcome;      // planned | refused | applied | verified | recheck-failed | rolled-back |
                          // rollback-failed | error
    QString statusBefore; // PASS/FAIL... of the control before
    QString statusAfter;  // after the re-check ("" when not re-checked)
    QString message;      // for a person

    QJsonObject toJson() const;
    static RemediationRecord fromJson(const QJsonObject &o);
};

class RemediationLog
{
public:
    // $KINSPECT_DATA_DIR/remediation-log.jsonl when set (tests), else the application's data
    // directory (QStandardPaths::AppDataLocation).
    static QString defaultPath();
    static Expected<bool> append(const RemediationRecord &record,
                                 const QString &path = defaultPath());
    static QList<RemediationRecord> read(const QString &path = defaultPath());
};

} // namespace kinspect
