#include "ssh/SudoWrapper.h"

#include <QRandomGenerator>

namespace kinspect {

SudoWrapper::SudoWrapper(NodeSpec::SudoMode mode, bool privileged, const QString &nonce)
    : m_mode(privileged ? mode : NodeSpec::SudoMode::None)
{
    // sudo expands %-sequences in its prompt; the nonce is hex, so nothing is expanded.
    m_prompt = QStringLiteral("[kinspect-sudo-prompt-%1]").arg(nonce);
    m_ok = QStringLiteral("[kinspect-sudo-ok-%1]").arg(nonce);
}

QString SudoWrapper::makeNonce()
{
    quint64 a = QRandomGenerator::system()->generate64();
    quint64 b = QRandomGenerator::system()->generate64();
    return QString::number(a, 16) + QString::number(b, 16);
}

QStringList SudoWrapper::wrappedArgv(const QStringList &argv) const
{
    switch (m_mode) {
    case NodeSpec::SudoMode::None:
        return argv;
    case NodeSpec::SudoMode::NoPasswd:
        // -n: never prompt; fails at once with "a password is required" instead of hanging.
        return QStringList{QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")} +
               argv;
    case NodeSpec::SudoMode::Password:
        // -k: ignore cached credentials so the prompt always comes (our state machine expects
        // it); -S: read the password from stdin; -p: a prompt nobody else prints. The inner sh
        // announces successful authentication before the command gets stdin, so the command's
        // stdin is only sent once sudo no longer reads passwords from it.
        return QStringList{QStringLiteral("sudo"),
                           QStringLiteral("-k"),
                           QStringLiteral("-S"),
                           QStringLiteral("-p"),
                           m_prompt,
                           QStringLiteral("--"),
                           QStringLiteral("sh"),
                           QStringLiteral("-c"),
                           QStringLiteral("printf '%s\\n' \"$1\" >&2 && shift && exec \"$@\""),
                           QStringLiteral("kinspect-sudo"),
                           m_ok} +
               argv;
    }
    return argv;
}

QString SudoWrapper::commandLine(const QStringList &argv) const
{
    if (argv.isEmpty())
        return QString();
    for (const QString &a : argv) {
        if (a.contains(QChar(0)))
            return QString();
    }
    return shellJoin(wrappedArgv(argv));
}

SudoWrapper::Event SudoWrapper::scan(Stage stage, QByteArray *stderrData) const
{
    const QByteArray prompt = m_prompt.toUtf8();
    const QByteArray ok = m_ok.toUtf8() + '\n';
    const qsizetype okAt = stderrData->indexOf(ok);
    if (okAt >= 0) {
        stderrData->remove(0, okAt + ok.size());
        return Event::Authenticated;
    }
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
    case Stage::Running:
        return Event::None;
    }
    return Event::None;
}

QString SudoWrapper::sudoFailure(int exitStatus, const QByteArray &stderrData, bool okLineSeen,
                                 NodeSpec::SudoMode mode, const QString &user, const QString &node)
{
    if (mode == NodeSpec::SudoMode::None || okLineSeen || exitStatus == 0)
        return QString();
    const QString err = QString::fromUtf8(stderrData);
    // Only sudo's own first line is quoted back: it never contains the password.
    const QString firstLine = err.section(QLatin1Char('\n'), 0, 0).trimmed().left(300);
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
    if (mode == NodeSpec::SudoMode::Password) {
        // Password mode: the ok line never came, so the command never started.
        return QStringLiteral("sudo failed for %1 on %2: %3")
            .arg(user, node, firstLine.isEmpty() ? QStringLiteral("no message") : firstLine);
    }
    if (firstLine.startsWith(QLatin1String("sudo:")))
        return QStringLiteral("sudo failed for %1 on %2: %3").arg(user, node, firstLine);
    return QString();
}

} // namespace kinspect
