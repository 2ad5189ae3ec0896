#pragma once

#include "inventory/Inventory.h"
#include "scan/ICommandRunner.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

// Builds the one command line a node receives for a RemoteCommand, and understands sudo's
// answers. Pure string work (no libssh), so every case is unit-tested without a server.
class SudoWrapper
{
public:
    // Markers must be unique per run so that a command's own output cannot fake them; `nonce` is
    // normally random (makeNonce()), fixed in tests.
    SudoWrapper(NodeSpec::SudoMode mode, bool privileged, const QString &nonce = makeNonce());

    static QString makeNonce();

    NodeSpec::SudoMode effectiveMode() const { return m_mode; }
    bool needsPassword() const { return m_mode == NodeSpec::SudoMode::Password; }

    // argv of the full remote command (sudo words + the caller's argv), each item later quoted by
    // shellJoin(). Rejects NUL bytes in argv (a POSIX argument cannot hold one).
    QStringList wrappedArgv(const QStringList &argv) const;
    // shellJoin(wrappedArgv(argv)); empty when argv is empty or holds a NUL.
    QString commandLine(const QStringList &argv) const;

    // Password mode: sudo prints `promptMarker()` on stderr when it wants the password; after a
    // successful authentication the wrapper prints `okLine()` on stderr, then execs the command.
    QString promptMarker() const { return m_prompt; }
    QString okLine() const { return m_ok; }

    enum class Stage
    {
        WaitingForPrompt,
        PasswordSent,
        Running
    };
    enum class Event
    {
        None, // nothing decisive yet in stderr
        PasswordWanted,
        WrongPassword, // "Sorry, try again" or a second prompt
        Authenticated  // okLine seen; stderr before it is removed by scan()
    };
    // Looks at the stderr collected so far in password mode. On Authenticated, removes the
    // prompt(s) and the ok line from `stderrData` so only the command's own stderr remains.
    Event scan(Stage stage, QByteArray *stderrData) const;

    // After a non-privileged-looking failure under nopasswd/password: is it sudo itself that
    // refused? Returns a message for ErrorKind::Sudo, or an empty string when the command failed.
    static QString sudoFailure(int exitStatus, const QByteArray &stderrData, bool okLineSeen,
                               NodeSpec::SudoMode mode, const QString &user, const QString &node);

private:
    NodeSpec::SudoMode m_mode;
    QString m_prompt;
    QString m_ok;
};

} // namespace kinspect
