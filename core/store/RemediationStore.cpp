#include "store/RemediationStore.h"

#include "store/ScanHistory.h"
#include "store/SqliteConnection.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kinspect {

namespace {
QAtomicInteger<int> g_counter;
}

RemediationStore::RemediationStore()
    : m_connection(QStringLiteral("kinspect-remediations-%1").arg(g_counter.fetchAndAddRelaxed(1)))
{}

RemediationStore::~RemediationStore()
{
    closeSqliteConnection(m_connection);
}

std::optional<Error> RemediationStore::open(const QString &path)
{
    const QString file = path.isEmpty() ? ScanHistory::defaultPath() : path;
    if (auto e = openSqliteConnection(m_connection, file))
        return e;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS remediations ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " time TEXT NOT NULL, node TEXT NOT NULL, host TEXT, benchmark TEXT,"
                               " control TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT,"
                               " local_user TEXT, scan_id INTEGER, record TEXT NOT NULL,"
                               " UNIQUE(time, node, control, action))")) ||
        !q.exec(QStringLiteral(
            "CREATE INDEX IF NOT EXISTS remediations_node ON remediations(node, control)")))
        return Error{q.lastError().text(), file, 0};
    return std::nullopt;
}

Expected<qint64> RemediationStore::add(const RemediationRecord &record, qint64 scanId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error{QStringLiteral("the remediation store is not open"), QString(), 0};
    // Seconds: the JSONL log keeps whole seconds, so an imported record matches the stored one.
    const QString time = record.time.toUTC().toString(Qt::ISODate);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO remediations (time, node, host, benchmark, control, action, "
        "outcome, local_user, scan_id, record) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(time);
    q.addBindValue(record.node);
    q.addBindValue(record.host);
    q.addBindValue(record.benchmarkId);
    q.addBindValue(record.controlId);
    q.addBindValue(record.action);
    q.addBindValue(record.outcome);
    q.addBindValue(record.localUser);
    q.addBindValue(scanId > 0 ? QVariant(scanId) : QVariant());
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return Error{q.lastError().text(), db.databaseName(), 0};
    QSqlQuery id(db);
    id.prepare(QStringLiteral(
        "SELECT id FROM remediations WHERE time=? AND node=? AND control=? AND action=?"));
    id.addBindValue(time);
    id.addBindValue(record.node);
    id.addBindValue(record.controlId);
    id.addBindValue(record.action);
    if (!id.exec() || !id.next())
        return Error{id.lastError().text(), db.databaseName(), 0};
    return id.value(0).toLongLong();
}

Expected<int> RemediationStore::importLog(const QString &jsonlPath)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error{QStringLiteral("the remediation store is not open"), QString(), 0};
    auto before = list();
    if (!before)
        return before.error();
    const QList<RemediationRecord> records = RemediationLog::read(jsonlPath);
    db.transaction();
    for (const RemediationRecord &r : records) {
        auto added = add(r);
        if (!added) {
            db.rollback();
            return added.error();
        }
    }
    db.commit();
    auto after = list();
    if (!after)
        return after.error();
    return int(after->size() - before->size());
}

Expected<QList<RemediationRecord>> RemediationStore::query(const QString &where,
                                                           const QList<QVariant> &binds) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error{QStringLiteral("the remediation store is not open"), QString(), 0};
    QSqlQuery q(db);
    q.setForwardOnly(true); // read once, in order: no cache of every row
    q.prepare(QStringLiteral("SELECT record FROM remediations%1 ORDER BY time, id").arg(where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return Error{q.lastError().text(), db.databaseName(), 0};
    QList<RemediationRecord> out;
    while (q.next())
        out << RemediationRecord::fromJson(
            QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    return out;
}

Expected<QList<RemediationRecord>> RemediationStore::list(const QString &node,
                                                          const QString &controlId) const
{
    QStringList conds;
    QList<QVariant> binds;
    if (!node.isEmpty()) {
        conds << QStringLiteral("node=?");
        binds << node;
    }
    if (!controlId.isEmpty()) {
        conds << QStringLiteral("control=?");
        binds << controlId;
    }
    return query(conds.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND ")),
                 binds);
}

Expected<QList<RemediationRecord>> RemediationStore::listForScan(qint64 scanId) const
{
    return query(QStringLiteral(" WHERE scan_id=?"), {QVariant(scanId)});
}

} // namespace kinspect
