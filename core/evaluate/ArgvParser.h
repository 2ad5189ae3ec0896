#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kinspect {

// One occurrence of a flag on a command line.
struct FlagOccurrence
{
    QString value;
    int index = 0;     // argv index of the flag item
    bool bare = false; // written without a value (`--profiling`)
};

// A component's command line read the way Kubernetes' pflag reads it:
// `--f=v`; `--f v` for flags that take a value; a boolean flag never takes the next item;
// a repeated flag: the last occurrence is the scalar value, while list and map values
// (--enable-admission-plugins, --feature-gates) accumulate over every occurrence, as pflag's
// StringSlice and MapStringBool do.
class ParsedArgs
{
public:
    static ParsedArgs parse(const QStringList &argv, const QSet<QString> &booleanFlags);

    bool has(const QString &flag) const { return m_flags.contains(flag); }
    // The effective scalar value (last occurrence).
    QString value(const QString &flag) const;
    const FlagOccurrence *last(const QString &flag) const;
    QList<FlagOccurrence> occurrences(const QString &flag) const { return m_flags.value(flag); }
    int occurrenceCount(const QString &flag) const
    {
        const auto it = m_flags.constFind(flag);
        return it == m_flags.constEnd() ? 0 : int(it->size());
    }
    // Comma-separated items of every occurrence, in order.
    QStringList list(const QString &flag) const;
    // k=v items of every occurrence merged (later wins).
    QMap<QString, QString> map(const QString &flag) const;
    QStringList flagNames() const { return m_order; }
    QStringList positional() const { return m_positional; }

private:
    QHash<QString, QList<FlagOccurrence>> m_flags;
    QStringList m_order;
    QStringList m_positional;
};

// "a, b,,c" -> {a, b, c}
QStringList splitList(const QString &value);
// "A=true,B=false" -> {A: true, B: false}
QMap<QString, QString> splitMap(const QString &value);

} // namespace kinspect
