#include "store/SqliteConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace kinspect {

std::optional<Error> openSqliteConnection(const QString &connection, const QString &path)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error{QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"), path, 0};
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath()))
        return Error{QStringLiteral("cannot create the folder"), fi.absolutePath(), 0};
    QSqlDatabase db = QSqlDatabase::contains(connection)
                          ? QSqlDatabase::database(connection, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.close();
    db.setDatabaseName(fi.absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error{db.lastError().text(), path, 0};
    // WAL: readers (the GUI) never block the writer (the CLI); a crash rolls back to the last
    // committed transaction.
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    return std::nullopt;
}

void closeSqliteConnection(const QString &connection)
{
    if (!QSqlDatabase::contains(connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace kinspect
