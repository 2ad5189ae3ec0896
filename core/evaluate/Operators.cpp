#include "evaluate/Operators.h"

#include "evaluate/ArgvParser.h"
#include "util/Text.h"

#include <QRegularExpression>

#include <mutex>

namespace kinspect {

std::optional<bool> parseGoBool(const QString &s)
{
    for (const char *t : {"1", "t", "T", "TRUE", "true", "True"})
        if (s == QLatin1String(t))
            return true;
    for (const char *f : {"0", "f", "F", "FALSE", "false", "False"})
        if (s == QLatin1String(f))
            return false;
    return std::nullopt;
}

std::optional<double> parseDurationSeconds(const QString &in)
{
    const QString s = in.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double plain = mayBeNumber(s) ? s.toDouble(&ok) : 0;
    if (ok)
        return plain;
    // Go's time.ParseDuration: [-+] then one or more <number><unit>, number = digits with an
    // optional fraction (or a fraction alone), unit = ns us µs ms s m h. Written out by hand
    // rather than as a regular expression: the evaluator calls it for every comparison.
    const auto isDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    qsizetype pos = 0;
    double sign = 1;
    if (s.at(0) == QLatin1Char('-') || s.at(0) == QLatin1Char('+')) {
        sign = s.at(0) == QLatin1Char('-') ? -1 : 1;
        pos = 1;
    }
    double total = 0;
    bool any = false;
    while (pos < s.size()) {
        const qsizetype numStart = pos;
        qsizetype intDigits = 0, fracDigits = 0;
        while (pos < s.size() && isDigit(s.at(pos)))
            ++pos, ++intDigits;
        if (pos < s.size() && s.at(pos) == QLatin1Char('.')) {
            ++pos;
            while (pos < s.size() && isDigit(s.at(pos)))
                ++pos, ++fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0)
            return std::nullopt;
        const double n = QStringView(s).mid(numStart, pos - numStart).toDouble();
        const QStringView rest = QStringView(s).mid(pos);
        double mult = 1;
        qsizetype unitLength = 2;
        if (rest.startsWith(QLatin1String("ns")))
            mult = 1e-9;
        else if (rest.startsWith(QLatin1String("us")) || rest.startsWith(QStringLiteral("µs")))
            mult = 1e-6;
        else if (rest.startsWith(QLatin1String("ms")))
            mult = 1e-3;
        else if (rest.startsWith(QLatin1Char('s')))
            unitLength = 1;
        else if (rest.startsWith(QLatin1Char('m')))
            mult = 60, unitLength = 1;
        else if (rest.startsWith(QLatin1Char('h')))
            mult = 3600, unitLength = 1;
        else
            return std::nullopt;
        total += n * mult;
        pos += unitLength;
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

QRegularExpression cachedRegex(const QString &pattern)
{
    // One compiled (and JIT-compiled) copy per pattern for the process: a scan's worker threads
    // are new each time, and compiling per thread cost every re-scan its JIT compiles. Copies
    // share the compiled pattern; Qt guards its lazy compilation, and matching does not change
    // the object.
    static std::mutex mutex;
    static QHash<QString, QRegularExpression> cache;
    const std::lock_guard lock(mutex);
    auto it = cache.constFind(pattern);
    if (it == cache.constEnd()) {
        if (cache.size() > 4096) // bound the cache for catalogs with unusual numbers of patterns
            cache.clear();
        QRegularExpression re(pattern);
        re.optimize(); // compile now, under the lock, not in the first match of some thread
        it = cache.insert(pattern, re);
    }
    return *it;
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
    const double na = mayBeNumber(actual) ? actual.toDouble(&okA) : 0;
    const double ne = okA && mayBeNumber(expected) ? expected.toDouble(&okE) : 0;
    if (okA && okE)
        return na == ne;
    // "0s" equals "0", "5m" equals "300s": durations compare by length of time.
    const auto da = parseDurationSeconds(actual), de = parseDurationSeconds(expected);
    return da && de && *da == *de;
}

std::optional<double> comparable(const QString &a, const QString &b, double *bb)
{
    bool okA = false, okB = false;
    const double na = mayBeNumber(a) ? a.toDouble(&okA) : 0;
    const double nb = okA && mayBeNumber(b) ? b.toDouble(&okB) : 0;
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
    // Most catalog values are one item already ("root:root", "NodeRestriction"): kept as they are.
    const auto isOneItem = [](const QString &e) {
        return !e.isEmpty() && !e.contains(QLatin1Char(',')) && !e.front().isSpace() &&
               !e.back().isSpace();
    };
    if (expected.size() == 1 && isOneItem(expected.first()))
        return expected;
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
    // The list view, for the list operators only.
    const auto listItems = [&actual] {
        return actual.items.isEmpty() && !actual.scalar.isEmpty() ? splitList(actual.scalar)
                                                                  : actual.items;
    };
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
    case Op::Has: {
        const QStringList items = listItems();
        for (const QString &e : expectedItems(expected))
            if (items.contains(e))
                return {true, false, {}};
        return {false, false, {}};
    }
    case Op::NotHave: {
        const QStringList items = listItems();
        for (const QString &e : expectedItems(expected))
            if (items.contains(e))
                return {false, false, QStringLiteral("contains %1").arg(e)};
        return {true, false, {}};
    }
    case Op::Regex:
        for (const QString &e : expected) {
            if (cachedRegex(QRegularExpression::anchoredPattern(e)).match(actual.scalar).hasMatch())
                return {true, false, {}};
        }
        return {false, false, {}};
    case Op::ValidElements: {
        const QStringList items = listItems();
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
        if (!userOk)
            continue;
        const bool groupOk = eg.isEmpty() || eg == group ||
                             (eg == QLatin1String("root") && gid == 0) ||
                             eg == QString::number(gid);
        if (userOk && groupOk)
            return {true, false, {}};
    }
    return {false, false, {}};
}

} // namespace kinspect
