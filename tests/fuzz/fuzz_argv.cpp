// libFuzzer target: the pflag-exact argv parser and the value operators.
// Input: argv items separated by NUL, then \x01, then the operator test: one byte choosing the
// operator, the actual value, \x01 and the expected values separated by NUL.

#include "FuzzSupport.h"

#include "evaluate/ArgvParser.h"
#include "evaluate/Operators.h"
#include "evaluate/Profile.h"
#include "util/Text.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <cmath>

using namespace kinspect;

namespace {

QStringList items(const QByteArray &part)
{
    QStringList out;
    for (const QByteArray &item : part.split('\0'))
        out << QString::fromUtf8(item);
    return out;
}

// Boolean flags of the components as the catalogs declare them (a fixed sample is enough: the
// parser only asks whether a name is in the set).
const QSet<QString> &booleanFlags()
{
    static const QSet<QString> flags = {QStringLiteral("--anonymous-auth"),
                                        QStringLiteral("--profiling"),
                                        QStringLiteral("--rotate-certificates"),
                                        QStringLiteral("--client-cert-auth"),
                                        QStringLiteral("--peer-client-cert-auth"),
                                        QStringLiteral("--auto-tls"),
                                        QStringLiteral("--v"),
                                        QStringLiteral("-x")};
    return flags;
}

// The regular-expression forms the evaluator used before its hand-written parsers: the parsers
// must say exactly what these say (differential check).
std::optional<double> referenceDuration(const QString &in)
{
    const QString s = in.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double plain = s.toDouble(&ok);
    if (ok)
        return plain;
    static const QRegularExpression part(
        QStringLiteral("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h)"));
    qsizetype pos = 0;
    double sign = 1;
    if (s.startsWith(QLatin1Char('-')) || s.startsWith(QLatin1Char('+'))) {
        sign = s.startsWith(QLatin1Char('-')) ? -1 : 1;
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
        else if (unit == QLatin1String("us") || unit == QStringLiteral("\u00b5s"))
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

QString referenceExpand(const PathProfile &p, const QString &text)
{
    if (!text.contains(QLatin1String("${")))
        return text;
    static const QRegularExpression var(QStringLiteral("\\$\\{([A-Za-z][A-Za-z0-9]*)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = var.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(0) - last);
        const auto v = p.vars.constFind(m.captured(1));
        out += v == p.vars.constEnd() ? m.captured(0) : *v;
        last = m.capturedEnd(0);
    }
    out += QStringView(text).mid(last);
    return out;
}

void checkParsers(const QString &text)
{
    const auto d = parseDurationSeconds(text), r = referenceDuration(text);
    if (bool(d) != bool(r) || (d && *d != *r && !(std::isnan(*d) && std::isnan(*r))))
        fuzz::broken("parseDurationSeconds differs from the regular expression", text.toUtf8());
    bool ok = false;
    text.toDouble(&ok);
    if (ok && !mayBeNumber(text))
        fuzz::broken("mayBeNumber refused a number", text.toUtf8());
    static const PathProfile profile = PathProfile::forDistribution(QStringLiteral("kubeadm"));
    if (profile.expand(text) != referenceExpand(profile, text))
        fuzz::broken("PathProfile::expand differs from the regular expression", text.toUtf8());
}

void checkArgs(const QStringList &argv)
{
    const ParsedArgs args = ParsedArgs::parse(argv, booleanFlags());
    const QStringList names = args.flagNames();
    if (QSet<QString>(names.cbegin(), names.cend()).size() != names.size())
        fuzz::broken("a flag is listed twice in flagNames()");
    for (const QString &name : names) {
        if (!args.has(name))
            fuzz::broken("flagNames() lists a flag has() does not know", name.toUtf8());
        const FlagOccurrence *last = args.last(name);
        if (!last || last->value != args.value(name))
            fuzz::broken("value() is not the last occurrence", name.toUtf8());
        for (const FlagOccurrence &o : args.occurrences(name)) {
            if (o.index < 1 || o.index >= argv.size())
                fuzz::broken("an occurrence points outside argv", name.toUtf8());
            // The item at `index` names this flag (`-f` is read as `--f`).
            QString item = argv[o.index];
            if (!item.startsWith(QLatin1String("--")))
                item.prepend(QLatin1Char('-'));
            if (item != name && !item.startsWith(name + QLatin1Char('=')))
                fuzz::broken("an occurrence's index is not its flag", item.toUtf8());
        }
        for (const QString &i : args.list(name))
            if (i.isEmpty() || i != i.trimmed() || i.contains(QLatin1Char(',')))
                fuzz::broken("a list item is empty, untrimmed or holds a comma", i.toUtf8());
        args.map(name);
    }
    args.positional();
}

void checkOperators(const QByteArray &part)
{
    const QList<QByteArray> p = fuzz::splitInput(
        reinterpret_cast<const uint8_t *>(part.constData()), size_t(part.size()), '\x01', 2);
    const quint8 selector = p[0].isEmpty() ? 0 : quint8(p[0][0]);
    const QString actualText = QString::fromUtf8(p[0].mid(1));
    QStringList expected = p.size() > 1 ? items(p[1]) : QStringList();

    Value actual;
    actual.set = (selector & 0x80) == 0;
    actual.scalar = actualText;
    if (selector & 0x40)
        actual.items = splitList(actualText);

    static const Op ops[] = {Op::Present, Op::Absent,  Op::Eq,    Op::NotEq,
                             Op::Gt,      Op::Gte,     Op::Lt,    Op::Lte,
                             Op::Has,     Op::NotHave, Op::Regex, Op::ValidElements};
    const Op op = ops[(selector & 0x3f) % (sizeof(ops) / sizeof(ops[0]))];
    if (op == Op::Regex) {
        // Patterns come from the catalog (trusted), values from the node (hostile).
        expected = {QStringLiteral("|(127(\\.[0-9]{1,3}){3}|localhost|\\[::1\\])(:[0-9]+)?"),
                    QStringLiteral("[0-9]+[smh]"), QStringLiteral("(true|false)")};
    }
    const OpOutcome out = applyOp(op, actual, expected);
    if (out.pass && out.error)
        fuzz::broken("an operator passed and failed to compare at once");
    const auto complement = [&](Op a, Op b) {
        const OpOutcome x = applyOp(a, actual, expected), y = applyOp(b, actual, expected);
        if (!x.error && !y.error && x.pass == y.pass)
            fuzz::broken("complementary operators agree", actualText.toUtf8());
    };
    complement(Op::Present, Op::Absent);
    if (actual.set) {
        complement(Op::Eq, Op::NotEq);
        complement(Op::Has, Op::NotHave);
    }
    describeExpectation(op, expected);

    parseGoBool(actualText);
    checkParsers(actualText);
    for (const QString &e : expected)
        checkParsers(e);
    bool ok = false;
    const uint mode = actualText.toUInt(&ok, 8);
    const OpOutcome bits = applyBitmask(mode, expected.value(0));
    if (bits.pass && (mode & 07777 & ~expected.value(0).toUInt(nullptr, 8)) != 0)
        fuzz::broken("bitmask passed a mode with extra bits");
    modeString(mode);
    applyOwner(actualText.section(QLatin1Char(':'), 0, 0), actualText.section(QLatin1Char(':'), 1),
               mode, mode >> 3, expected);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = fuzz::splitInput(data, size, '\x01', 2);
    checkArgs(items(parts[0]));
    if (parts.size() > 1)
        checkOperators(parts[1]);
    return 0;
}
