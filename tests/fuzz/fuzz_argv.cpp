// libFuzzer target: the pflag-exact argv parser and the value operators.
// Input: argv items separated by NUL, then \x01, then the operator test: one byte choosing the
// operator, the actual value, \x01 and the expected values separated by NUL.

#include "FuzzSupport.h"

#include "evaluate/ArgvParser.h"
#include "evaluate/Operators.h"

#include <QSet>
#include <QStringList>

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
    parseDurationSeconds(actualText);
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
