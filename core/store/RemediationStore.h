#pragma once

#include "remediate/RemediationLog.h"
#include "util/Expected.h"

#include <QList>
#include <QString>

#include <optional>

namespace kinspect {

// The remediation log kept with the scan history: a `remediations` table in the same SQLite
// file as ScanHistory (created when missing; the scan tables and their schema version are not
// touched). Rows are RemediationRecords (who, when, node, control, files, diff, outcome); the
// JSONL log that RemediationLog writes can be imported, and a record already there (same time,
// node, control and action) is not added twice. One instance per thread.
class RemediationStore
{
public:
    RemediationStore();
    ~RemediationStore();
    RemediationStore(const RemediationStore &) = delete;
    RemediationStore &operator=(const RemediationStore &) = delete;

    // Default: ScanHistory::defaultPath().
    std::optional<Error> open(const QString &path = QString());

    // Adds one record; `scanId` links it to the scan it fixed (0: none). Returns the row id, or
    // the existing row's id for a record already stored.
    Expected<qint64> add(const RemediationRecord &record, qint64 scanId = 0);
    // Imports every record of a JSONL log; returns how many were new.
    Expected<int> importLog(const QString &jsonlPath = RemediationLog::defaultPath());
    // Oldest first; empty filters match everything.
    Expected<QList<RemediationRecord>> list(const QString &node = QString(),
                                            const QString &controlId = QString()) const;
    Expected<QList<RemediationRecord>> listForScan(qint64 scanId) const;

private:
    Expected<QList<RemediationRecord>> query(const QString &where,
                                             const QList<QVariant> &binds) const;
    QString m_connection;
};

} // namespace kinspect
