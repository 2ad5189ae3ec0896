#pragma once

#include <QSet>
#include <QString>

namespace kinspect {

// One shared copy of each distinct string. A scan's results repeat the same texts on every node
// (control ids, reasons, evidence sources, paths, commands); decoding them from storage makes a
// new copy of each, where the evaluator's results shared most of them through Qt's implicit
// sharing. Passing every decoded string through one pool gives that sharing back.
class StringPool
{
public:
    QString intern(const QString &s)
    {
        if (s.isEmpty())
            return s;
        const auto it = m_strings.constFind(s);
        if (it != m_strings.constEnd())
            return *it;
        m_strings.insert(s);
        return s;
    }

    qsizetype size() const { return m_strings.size(); }

private:
    QSet<QString> m_strings;
};

} // namespace kinspect
