#pragma once

#include "catalog/Catalog.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace kinspect {

// A setting's effective value as the operators see it.
struct Value
{
    bool set = false;
    QString scalar;    // the value as written (a list is joined with ",")
    QStringList items; // list view: comma-separated items or a YAML sequence
};

struct OpOutcome
{
    bool pass = false;
    bool error = false; // the comparison itself was impossible (e.g. "abc" gt 5)
    QString message;    // why, for the evidence ("not set", "cannot compare ...")
};

// Applies a setting operator (not bitmask/owner, which are file operators).
OpOutcome applyOp(Op op, const Value &actual, const QStringList &expected);

// File operators.
OpOutcome applyBitmask(uint mode, const QString &allowedOctal);
OpOutcome applyOwner(const QString &user, const QString &group, uint uid, uint gid,
                     const QStringList &expected);

// Go's strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False.
std::optional<bool> parseGoBool(const QString &s);
// Go durations ("1h30m", "300ms", "4h0m0s", "-1.5h"); a bare number is taken as seconds.
std::optional<double> parseDurationSeconds(const QString &s);
// "600" -> "0600"-style display helper: octal with at least 3 digits.
QString modeString(uint mode);

// A compiled regular expression for `pattern`, kept for the process (the catalog's few patterns
// are compiled and JIT-compiled once, not on every evaluation nor in every scan thread).
QRegularExpression cachedRegex(const QString &pattern);

} // namespace kinspect
