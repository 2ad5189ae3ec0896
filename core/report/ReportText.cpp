#include "report/ReportText.h"

#include <QStringList>

namespace kinspect {

QList<TextBlock> textBlocks(const QString &markdown)
{
    QList<TextBlock> out;
    QStringList para;
    QStringList code;
    bool inCode = false;
    auto flushPara = [&] {
        if (para.isEmpty())
            return;
        QString t = para.join(QLatin1Char(' ')).simplified();
        t.remove(QLatin1Char('`'));
        if (!t.isEmpty())
            out << TextBlock{false, t};
        para.clear();
    };
    const QStringList lines = QString(markdown)
                                  .replace(QLatin1String("\r\n"), QLatin1String("\n"))
                                  .split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("```"))) {
            if (inCode) {
                while (!code.isEmpty() && code.last().trimmed().isEmpty())
                    code.removeLast();
                out << TextBlock{true, code.join(QLatin1Char('\n'))};
                code.clear();
                inCode = false;
            } else {
                flushPara();
                inCode = true;
            }
            continue;
        }
        if (inCode) {
            if (!(code.isEmpty() && trimmed.isEmpty()))
                code << QString(line).replace(QLatin1Char('\t'), QLatin1String("    "));
            continue;
        }
        if (trimmed.isEmpty()) {
            flushPara();
            continue;
        }
        // A list item starts its own paragraph.
        static const auto isItem = [](const QString &t) {
            int i = 0;
            while (i < t.size() && t[i].isDigit())
                ++i;
            return (i > 0 && i + 1 < t.size() && t[i] == QLatin1Char('.') &&
                    t[i + 1] == QLatin1Char(' ')) ||
                   t.startsWith(QLatin1String("- ")) || t.startsWith(QLatin1String("* "));
        };
        if (isItem(trimmed))
            flushPara();
        para << trimmed;
    }
    if (inCode && !code.isEmpty())
        out << TextBlock{true, code.join(QLatin1Char('\n'))};
    flushPara();
    return out;
}

} // namespace kinspect
