#include "evaluate/ArgvParser.h"

#include "util/Text.h"

namespace kinspect {

namespace {
bool looksLikeFlag(const QString &item)
{
    if (item.size() < 2 || item[0] != QLatin1Char('-'))
        return false;
    if (item[1] == QLatin1Char('-'))
        return true; // no number starts with two dashes
    // "-1" or "-0.5" are values, not flags.
    bool isNumber = false;
    if (mayBeNumber(item))
        item.toDouble(&isNumber);
    return !isNumber;
}
} // namespace

ParsedArgs ParsedArgs::parse(const QStringList &argv, const QSet<QString> &booleanFlags)
{
    ParsedArgs out;
    for (int i = 1; i < argv.size(); ++i) {
        const QString &item = argv[i];
        if (item == QLatin1String("--")) {
            out.m_positional += argv.mid(i + 1);
            break;
        }
        if (!looksLikeFlag(item)) {
            out.m_positional << item;
            continue;
        }
        // pflag accepts -flag as shorthand only for single letters; Kubernetes components spell
        // long flags with two dashes, but a single dash long flag is normalised the same way.
        const bool dashes = item.startsWith(QLatin1String("--"));
        FlagOccurrence occ;
        occ.index = i;
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString name = eq >= 0 ? (dashes ? item.left(eq) : QLatin1Char('-') + item.left(eq))
                                     : (dashes ? item : QLatin1Char('-') + item);
        if (eq >= 0) {
            occ.value = item.mid(eq + 1);
        } else if (booleanFlags.contains(name)) {
            occ.value = QStringLiteral("true");
            occ.bare = true;
        } else if (i + 1 < argv.size() && !looksLikeFlag(argv[i + 1])) {
            occ.value = argv[++i];
        } else {
            // A value flag written bare and followed by another flag (or nothing): pflag would
            // take the next flag as the value; we keep the next flag and record an empty value.
            occ.bare = true;
        }
        auto it = out.m_flags.find(name);
        if (it == out.m_flags.end()) {
            out.m_order << name;
            it = out.m_flags.insert(name, {});
        }
        it->append(std::move(occ));
    }
    return out;
}

QString ParsedArgs::value(const QString &flag) const
{
    const FlagOccurrence *o = last(flag);
    return o ? o->value : QString();
}

const FlagOccurrence *ParsedArgs::last(const QString &flag) const
{
    auto it = m_flags.constFind(flag);
    if (it == m_flags.constEnd() || it->isEmpty())
        return nullptr;
    return &it->constLast();
}

QStringList ParsedArgs::list(const QString &flag) const
{
    QStringList out;
    for (const auto &o : m_flags.value(flag))
        out += splitList(o.value);
    return out;
}

QMap<QString, QString> ParsedArgs::map(const QString &flag) const
{
    QMap<QString, QString> out;
    for (const auto &o : m_flags.value(flag)) {
        const auto m = splitMap(o.value);
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QMap<QString, QString> splitMap(const QString &value)
{
    QMap<QString, QString> out;
    for (const QString &item : splitList(value)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0)
            out.insert(item, QString());
        else
            out.insert(item.left(eq).trimmed(), item.mid(eq + 1).trimmed());
    }
    return out;
}

} // namespace kinspect
