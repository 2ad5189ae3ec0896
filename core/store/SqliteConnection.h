#pragma once

#include "util/Expected.h"

#include <QString>

#include <optional>

namespace kinspect {

// Opens (or re-opens) the named Qt SQL connection on the SQLite file `path`: checks the QSQLITE
// driver, creates the folder, sets a busy timeout and WAL journaling. Errors name the file.
// Shared by the stores that live in the same history database.
std::optional<Error> openSqliteConnection(const QString &connection, const QString &path);
// Closes and removes the named connection, if it exists.
void closeSqliteConnection(const QString &connection);

} // namespace kinspect
