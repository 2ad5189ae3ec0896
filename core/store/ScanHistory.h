#pragma once

#include "evaluate/Result.h"
#include "store/Waiver.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kinspect {

// One past scan as listed by the history (no node data).
struct ScanInfo
{
    qint64 id = 0;
    QString cluster;
    QString inventory; // inventory file the scan used (absolute path), or "" for evaluations
    QString benchmarkId;
    QDateTime startedAt;
    QDateTime finishedAt;
    bool complete = false; // false: the writer stopped before finishScan() (interrupted)
    int nodeCount = 0;
    QHash<Status, int> summary;
    QString ranBy; // user@host
    QString toolVersion;
};

// A stored scan: its results and the raw collector output of every node (same order).
struct StoredScan
{
    ScanInfo info;
    ClusterResult result;
    QList<QByteArray> snapshots;
};

// What the caller knows besides the ClusterResult.
struct ScanMeta
{
    QString inventory;
    QString ranBy;       // default: currentUserAtHost()
    QString toolVersion; // default: KINSPECT_VERSION
};

// "user@host" of the person running Kinspect (for reports and the history).
QString currentUserAtHost();

// The scan history: an SQLite file (Qt SQL, QSQLITE) holding every scan with its snapshots and
// results, and the waivers. Every write is one transaction: a writer killed half way leaves the
// database as it was before that write. A scan is written as beginScan() (a row marked
// incomplete), addNode() per node, finishScan() (marked complete); listScans() hides incomplete
// scans unless asked. The schema carries a version (PRAGMA user_version) and is migrated on open.
//
// Not thread-safe: one instance per thread (each opens its own connection).
class ScanHistory
{
public:
    static constexpr int kSchemaVersion = 1;
    // $KINSPECT_HISTORY_DB, else <GenericDataLocation>/kinspect/history.sqlite (e.g.
    // ~/.local/share/kinspect/history.sqlite), shared by the GUI and the CLI.
    static QString defaultPath();

    ScanHistory();
    ~ScanHistory();
    ScanHistory(const ScanHistory &) = delete;
    ScanHistory &operator=(const ScanHistory &) = delete;

    // Opens (creating the file and its folder when needed) and migrates the schema. A database
    // from a newer Kinspect (higher schema version) is refused.
    std::optional<Error> open(const QString &path = defaultPath());
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Incremental writing (the CLI stores nodes as they finish).
    Expected<qint64> beginScan(const ClusterResult &header, const ScanMeta &meta);
    std::optional<Error> addNode(qint64 scanId, int index, const NodeResult &node,
                                 const QByteArray &snapshot);
    std::optional<Error> finishScan(qint64 scanId, const ClusterResult &result);
    // All of the above in one transaction. `snapshots` may be shorter than the node list.
    Expected<qint64> saveScan(const ClusterResult &result, const QList<QByteArray> &snapshots,
                              const ScanMeta &meta = {});

    // Newest first. Empty filters match everything.
    Expected<QList<ScanInfo>> listScans(const QString &cluster = QString(),
                                        const QString &inventory = QString(),
                                        bool includeIncomplete = false) const;
    Expected<StoredScan> loadScan(qint64 id) const;
    std::optional<Error> deleteScan(qint64 id);
    // The newest complete scan of `cluster` before scan `id` (for "changes since last scan").
    std::optional<qint64> previousScan(qint64 id) const;

    // Waivers kept with the history.
    Expected<QList<Waiver>> waivers() const;
    std::optional<Error> saveWaiver(const Waiver &waiver); // insert or replace by id
    std::optional<Error> removeWaiver(const QString &id);  // error when unknown
    std::optional<Error> replaceWaivers(const QList<Waiver> &waivers);

    // "ok" when SQLite's integrity_check passes, else its findings.
    Expected<QString> integrityCheck() const;

private:
    std::optional<Error> migrate();
    std::optional<Error> writeNode(qint64 scanId, int index, const NodeResult &node,
                                   const QByteArray &snapshot);
    std::optional<Error> writeFinish(qint64 scanId, const ClusterResult &result);
    Expected<qint64> writeBegin(const ClusterResult &header, const ScanMeta &meta);

    QString m_connection;
    QString m_path;
};

} // namespace kinspect
