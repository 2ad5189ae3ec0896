#include "scan/ICommandRunner.h"

namespace kinspect {

QString shellQuote(const QString &value)
{
    // Inside single quotes nothing is special to a POSIX shell except the quote itself, which is
    // closed, escaped and reopened. Newlines, $, `, ;, | and unicode all stay literal.
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (QChar c : value) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString shellJoin(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &a : argv)
        quoted << shellQuote(a);
    return quoted.join(QLatin1Char(' '));
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Unreachable:
        return QStringLiteral("unreachable");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::HostKey:
        return QStringLiteral("host-key");
    case ErrorKind::Auth:
        return QStringLiteral("auth");
    case ErrorKind::Sudo:
        return QStringLiteral("sudo");
    case ErrorKind::Collect:
        return QStringLiteral("collect");
    case ErrorKind::Parse:
        return QStringLiteral("parse");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace kinspect
