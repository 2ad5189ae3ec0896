#pragma once

#include "inventory/Inventory.h"
#include "scan/ICommandRunner.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

// Builds the one command line a node receives for a RemoteCommand and reads the wrapper's and
// sudo's answers on stderr. Pure string work (no libssh), so every case is unit-tested without a
// server.
//
// Every command runs as  [sudo words --] sh -c 'announce; exec "$@"' kinspect START argv...
// The inner sh prints "START <pid>" on stderr, then execs argv unchanged (same pid, which sshd
// made a process-group leader). That line tells the runner
//  - that sudo accepted (password mode: only then is the command's stdin sent, so sudo never
//    reads the collector script as a password; nopasswd: no line + failure = sudo refused), and
//  - which remote process group to kill on cancel/timeout: OpenSSH ignores "signal" channel
//    requests for root logins (no privilege separation child), so the runner also runs
//    `kill -15 -PID; kill -15 PID` on a second channel.
class CommandWrapper
{
public:
    // Markers are unique per run so that a command's own output cannot fake them; `nonce` is
    // normally random (makeNonce()), fixed in tests.
    CommandWrapper(NodeSpec::SudoMode mode, bool privileged, const QString &nonce = makeNonce());

    static QString makeNonce();

    NodeSpec::SudoMode effectiveMode() const { return m_mode; }
    bool needsPassword() const { return m_mode == NodeSpec::SudoMode::Password; }

    // argv of the full remote command, each item later quoted by shellJoin().
    QStringList wrappedArgv(const QStringList &argv) const;
    // shellJoin(wrappedArgv(argv)); empty when argv is empty or an item holds a NUL byte (a POSIX
    // argument cannot).
    QString commandLine(const QStringList &argv) const;
    // Command line that stops the process group `pid` (as the login user).
    static QString killCommandLine(qint64 pid);
    // The line sent to sudo's prompt: `password` and a newline, built in one allocation of the
    // right size (appending to the password would reallocate and leave a copy in freed memory).
    // The caller wipes it (util/SecureMemory.h) after sending.
    static QByteArray passwordLine(const QByteArray &password);

    QString promptMarker() const { return m_prompt; } // sudo -p (password mode)
    QString startMarker() const { return m_start; }   // followed by " <pid>\n"

    enum class Stage
    {
        WaitingForStart,  // nopasswd/none: stdin already sent
        WaitingForPrompt, // password mode: nothing sent yet
        PasswordSent,
        Running
    };
    enum class Event
    {
        None,           // nothing decisive yet in stderr
        PasswordWanted, // sudo printed our prompt
        WrongPassword,  // "Sorry, try again" or a second prompt
        Started         // start line seen; *pid set; stderr up to it removed
    };
    Event scan(Stage stage, QByteArray *stderrData, qint64 *pid) const;

    // For a run that ended without the start line under nopasswd/password: the ErrorKind::Sudo
    // message (sudo refused), or an empty string when the failure is the command's own.
    static QString sudoFailure(int exitStatus, const QByteArray &stderrData, bool started,
                               NodeSpec::SudoMode mode, const QString &user, const QString &node);

private:
    NodeSpec::SudoMode m_mode;
    QString m_prompt;
    QString m_start;
};

} // namespace kinspect
