#include "evaluate/Operators.h"

#include "evaluate/ArgvParser.h"

#include <QRegularExpression>

namespace kinspect {

std::optional<bool> parseGoBool(const QString &s)
{
    static const QStringList kTrue = {QStringLiteral("1"),    QStringLiteral("t"),
                                      QStringLiteral("T"),    QStringLiteral("TRUE"),
                                      QStringLiteral("true"), QStringLiteral("True")};
    static const QStringList kFalse = {QStringLiteral("0"),     QStringLiteral("f"),
                                       QStringLiteral("F"),     QStringLiteral("FALSE"),
                                       QStringLiteral("false"), QStringLiteral("False")};
    if (kTrue.contains(s))
        return true;
    if (kFalse.contains(s))
        return false;
    return std::nullopt;
}

std::optional<double> parseDurationSeconds(const QString &in)
{
    const QString s = in.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double plain = s.toDouble(&ok);
    if (ok)
        return plain;
    static const QRegularExpression part(
        QStringLiteral("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)"));
    qsizetype pos = 0;
    double sign = 1;
    QStringView v(s);
    if (v.startsWith(QLatin1Char('-')) || v.startsWith(QLatin1Char('+'))) {
        sign = v.startsWith(QLatin1Char('-')) ? -1 : 1;
        pos = 1;
    }
    double total = 0;
    bool any = false;
    while (pos < s.size()) {
        const auto m = part.match(s, pos, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double mult = 1;
        if (unit == QLatin1String("ns"))
            mult = 1e-9;
        else if (unit == QLatin1String("us") || unit == QStringLiteral("µs"))
            mult = 1e-6;
        else if (unit == QLatin1String("ms"))
            mult = 1e-3;
        else if (unit == QLatin1String("m"))
            mult = 60;
        else if (unit == QLatin1String("h"))
            mult = 3600;
        total += n * mult;
        pos = m.capturedEnd(0);
        any = true;
    }
    if (!any)
        return std::nullopt;
    return sign * total;
}

QString modeString(uint mode)
{
    QString s = QString::number(mode & 07777, 8);
    while (s.size() < 3)
        s.prepend(QLatin1Char('0'));
    return s;
}

const QRegularExpression &cachedRegex(const QString &pattern)
{
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.constFind(pattern);
    if (it == cache.constEnd()) {
        if (cache.size() > 4096) // bound the cache for catalogs with unusual numbers of patterns
            cache.clear();
        it = cache.insert(pattern, QRegularExpression(pattern));
    }
    return *it;
}

QString describeExpectation(Op op, const QStringList &values)
{
    if (values.isEmpty())
        return opName(op);
    return opName(op) + QLatin1Char(' ') + values.join(QLatin1String(" | "));
}

namespace {

bool valuesEqual(const QString &actual, const QString &expected)
{
    if (actual == expected)
        return true;
    const auto ab = parseGoBool(actual), eb = parseGoBool(expected);
    if (ab && eb)
        return *ab == *eb;
    bool okA = false, okE = false;
    const double na = actual.toDouble(&okA), ne = expected.toDouble(&okE);
    if (okA && okE)
        return na == ne;
    // "0s" equals "0", "5m" equals "300s": durations compare by length of time.
    const auto da = parseDurationSeconds(actual), de = parseDurationSeconds(expected);
    return da && de && *da == *de;
}

std::optional<double> comparable(const QString &a, const QString &b, double *bb)
{
    bool okA = false, okB = false;
    const double na = a.toDouble(&okA), nb = b.toDouble(&okB);
    if (okA && okB) {
        *bb = nb;
        return na;
    }
    const auto da = parseDurationSeconds(a), db = parseDurationSeconds(b);
    if (da && db) {
        *bb = *db;
        return *da;
    }
    return std::nullopt;
}

QStringList expectedItems(const QStringList &expected)
{
    QStringList out;
    for (const QString &e : expected)
        out += splitList(e);
    return out;
}

} // namespace

OpOutcome applyOp(Op op, const Value &actual, const QStringList &expected)
{
    if (op == Op::Present)
        return {actual.set, false, actual.set ? QString() : QStringLiteral("not set")};
    if (op == Op::Absent)
        return {!actual.set, false, actual.set ? QStringLiteral("is set") : QString()};
    if (!actual.set) {
        // An unset value neither equals nor contains anything.
        const bool pass = op == Op::NotEq || op == Op::NotHave;
        return {pass, false, QStringLiteral("not set")};
    }
    const QStringList items = actual.items.isEmpty() && !actual.scalar.isEmpty()
                                  ? splitList(actual.scalar)
                                  : actual.items;
    switch (op) {
    case Op::Eq:
        for (const QString &e : expected)
            if (valuesEqual(actual.scalar, e))
                return {true, false, {}};
        return {false, false, {}};
    case Op::NotEq:
        for (const QString &e : expected)
            if (valuesEqual(actual.scalar, e))
                return {false, false, {}};
        return {true, false, {}};
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte: {
        double b = 0;
        const auto a = comparable(actual.scalar, expected.value(0), &b);
        if (!a)
            return {false, true,
                    QStringLiteral("cannot compare '%1' with '%2' as numbers or durations")
                        .arg(actual.scalar, expected.value(0))};
        bool pass = false;
        if (op == Op::Gt)
            pass = *a > b;
        else if (op == Op::Gte)
            pass = *a >= b;
        else if (op == Op::Lt)
            pass = *a < b;
        else
            pass = *a <= b;
        return {pass, false, {}};
    }
    case Op::Has:
        for (const QString &e : expectedItems(expected))
            if (items.contains(e))
                return {true, false, {}};
        return {false, false, {}};
    case Op::NotHave:
        for (const QString &e : expectedItems(expected))
            if (items.contains(e))
                return {false, false, QStringLiteral("contains %1").arg(e)};
        return {true, false, {}};
    case Op::Regex:
        for (const QString &e : expected) {
            if (cachedRegex(QRegularExpression::anchoredPattern(e)).match(actual.scalar).hasMatch())
                return {true, false, {}};
        }
        return {false, false, {}};
    case Op::ValidElements: {
        const QStringList allowed = expectedItems(expected);
        QStringList bad;
        for (const QString &i : items)
            if (!allowed.contains(i))
                bad << i;
        if (items.isEmpty())
            return {false, false, QStringLiteral("empty list")};
        return {bad.isEmpty(), false,
                bad.isEmpty()
                    ? QString()
                    : QStringLiteral("not allowed: %1").arg(bad.join(QLatin1String(", ")))};
    }
    case Op::Bitmask:
    case Op::Owner:
    case Op::Present:
    case Op::Absent:
        break;
    }
    return {false, true, QStringLiteral("operator %1 does not apply to a setting").arg(opName(op))};
}

OpOutcome applyBitmask(uint mode, const QString &allowedOctal)
{
    bool ok = false;
    const uint allowed = allowedOctal.toUInt(&ok, 8);
    if (!ok)
        return {false, true, QStringLiteral("'%1' is not an octal mode").arg(allowedOctal)};
    const uint extra = (mode & 07777) & ~allowed;
    if (extra == 0)
        return {true, false, {}};
    return {false, false,
            QStringLiteral("grants %1 beyond %2").arg(modeString(extra), modeString(allowed))};
}

OpOutcome applyOwner(const QString &user, const QString &group, uint uid, uint gid,
                     const QStringList &expected)
{
    for (const QString &e : expectedItems(expected)) {
        const qsizetype colon = e.indexOf(QLatin1Char(':'));
        const QString eu = colon < 0 ? e : e.left(colon);
        const QString eg = colon < 0 ? QString() : e.mid(colon + 1);
        // root is uid/gid 0 whatever the name database says.
        const bool userOk =
            eu == user || (eu == QLatin1String("root") && uid == 0) || eu == QString::number(uid);
        const bool groupOk = eg.isEmpty() || eg == group ||
                             (eg == QLatin1String("root") && gid == 0) ||
                             eg == QString::number(gid);
        if (userOk && groupOk)
            return {true, false, {}};
    }
    return {false, false, {}};
}

} // namespace kinspect
