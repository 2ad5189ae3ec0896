#include "ssh/CommandWrapper.h"

#include <QRandomGenerator>

namespace kinspect {

CommandWrapper::CommandWrapper(NodeSpec::SudoMode mode, bool privileged, const QString &nonce)
    : m_mode(privileged ? mode : NodeSpec::SudoMode::None)
{
    // sudo expands %-sequences in its prompt; the nonce is hex, so nothing is expanded.
    m_prompt = QStringLiteral("[kinspect-sudo-prompt-%1]").arg(nonce);
    m_start = QStringLiteral("[kinspect-start-%1]").arg(nonce);
}

QString CommandWrapper::makeNonce()
{
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    return QString::number(a, 16) + QString::number(b, 16);
}

QStringList CommandWrapper::wrappedArgv(const QStringList &argv) const
{
    const QStringList inner =
        QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("printf '%s %s\\n' \"$1\" \"$$\" >&2 && shift && exec \"$@\""),
                    QStringLiteral("kinspect"), m_start} +
        argv;
    switch (m_mode) {
    case NodeSpec::SudoMode::None:
        return inner;
    case NodeSpec::SudoMode::NoPasswd:
        // -n: never prompt; fails at once with "a password is required" instead of hanging.
        return QStringList{QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")} +
               inner;
    case NodeSpec::SudoMode::Password:
        // -k: ignore cached credentials so the prompt always comes; -S: password from stdin
        // (never on a command line); -p: a prompt nobody else prints.
        return QStringList{QStringLiteral("sudo"),
                           QStringLiteral("-k"),
                           QStringLiteral("-S"),
                           QStringLiteral("-p"),
                           m_prompt,
                           QStringLiteral("--")} +
               inner;
    }
    return inner;
}

QString CommandWrapper::commandLine(const QStringList &argv) const
{
    if (argv.isEmpty())
        return QString();
    for (const QString &a : argv) {
        if (a.contains(QChar(0)))
            return QString();
    }
    return shellJoin(wrappedArgv(argv));
}

QString CommandWrapper::killCommandLine(qint64 pid)
{
    const QString p = QString::number(pid);
    // The group first (the command's children), then the process itself in case it is not a
    // group leader; errors (already gone) are irrelevant. `kill -15 -PID` is the spelling that
    // dash, bash and busybox all accept (dash rejects `kill -TERM -- -PID`).
    return shellJoin(
        {QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("kill -15 \"-$1\" 2>/dev/null; kill -15 \"$1\" 2>/dev/null; exit 0"),
         QStringLiteral("kinspect"), p});
}

CommandWrapper::Event CommandWrapper::scan(Stage stage, QByteArray *stderrData, qint64 *pid) const
{
    const QByteArray start = m_start.toUtf8() + ' ';
    qsizetype at = stderrData->indexOf(start);
    // The marker must start a line (sudo's prompt has no newline, so it may precede it).
    while (at > 0 && stderrData->at(at - 1) != '\n' &&
           !stderrData->left(at).endsWith(m_prompt.toUtf8()))
        at = stderrData->indexOf(start, at + 1);
    if (at >= 0) {
        const qsizetype eol = stderrData->indexOf('\n', at);
        if (eol < 0)
            return Event::None; // the rest of the line is still on its way
        bool ok = false;
        const qint64 p =
            stderrData->mid(at + start.size(), eol - at - start.size()).toLongLong(&ok);
        if (ok && p > 0) {
            *pid = p;
            stderrData->remove(0, eol + 1);
            return Event::Started;
        }
    }
    const QByteArray prompt = m_prompt.toUtf8();
    switch (stage) {
    case Stage::WaitingForPrompt:
        return stderrData->contains(prompt) ? Event::PasswordWanted : Event::None;
    case Stage::PasswordSent: {
        const qsizetype first = stderrData->indexOf(prompt);
        if (first >= 0 && stderrData->indexOf(prompt, first + prompt.size()) >= 0)
            return Event::WrongPassword;
        if (stderrData->contains("Sorry, try again") || stderrData->contains("incorrect password"))
            return Event::WrongPassword;
        return Event::None;
    }
    case Stage::WaitingForStart:
    case Stage::Running:
        return Event::None;
    }
    return Event::None;
}

QString CommandWrapper::sudoFailure(int exitStatus, const QByteArray &stderrData, bool started,
                                    NodeSpec::SudoMode mode, const QString &user,
                                    const QString &node)
{
    if (mode == NodeSpec::SudoMode::None || started)
        return QString();
    const QString err = QString::fromUtf8(stderrData);
    // Only sudo's own first line is quoted back: it never contains the password.
    QString firstLine;
    for (const QString &l : err.split(QLatin1Char('\n'))) {
        if (!l.trimmed().isEmpty() && !l.startsWith(QLatin1String("[kinspect-"))) {
            firstLine = l.trimmed().left(300);
            break;
        }
    }
    if (err.contains(QLatin1String("a password is required")) ||
        err.contains(QLatin1String("a terminal is required"))) {
        return QStringLiteral("sudo requires a password for %1 on %2 (set \"sudo: password\" in "
                              "the inventory, or allow NOPASSWD for %1)")
            .arg(user, node);
    }
    if (err.contains(QLatin1String("is not in the sudoers file")) ||
        err.contains(QLatin1String("is not allowed to")) ||
        err.contains(QLatin1String("may not run sudo"))) {
        return QStringLiteral("%1 may not use sudo on %2: %3").arg(user, node, firstLine);
    }
    if (exitStatus == 127 && (err.contains(QLatin1String("sudo: not found")) ||
                              err.contains(QLatin1String("sudo: command not found")))) {
        return QStringLiteral("sudo is not installed on %1").arg(node);
    }
    // No start line: the command never ran, so whatever failed is sudo (or the login shell).
    return QStringLiteral("sudo failed for %1 on %2 (exit status %3): %4")
        .arg(user, node)
        .arg(exitStatus)
        .arg(firstLine.isEmpty() ? QStringLiteral("no message") : firstLine);
}

QByteArray CommandWrapper::passwordLine(const QByteArray &password)
{
    QByteArray line;
    line.reserve(password.size() + 1);
    line.append(password.constData(), password.size());
    line.append('\n');
    return line;
}

} // namespace kinspect
