#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace kinspect {

struct NodeSpec;

// How a remote command failed; the scan engine and the GUI say what to do next per kind.
enum class ErrorKind
{
    None,
    Unreachable, // DNS, refused, no route
    Timeout,     // connect, handshake or command exceeded its time
    HostKey,     // unknown under `strict`, or changed (never accepted)
    Auth,        // no method succeeded
    Sudo,        // sudo refused, needs a password, or the password was wrong
    Collect,     // the collector ran but failed / printed garbage
    Parse,       // snapshot could not be parsed
    Cancelled,
    Internal
};

QString errorKindName(ErrorKind kind); // "unreachable", "timeout", ... (JSON contract)

struct RemoteError
{
    ErrorKind kind = ErrorKind::Internal;
    QString message; // for a person; never contains a secret
};

// A command to run on a node. Remote commands are built only from our own script and quoted
// values: `argv` items are each quoted with shellQuote() by the runner, never concatenated raw.
struct RemoteCommand
{
    QStringList argv;     // e.g. {"sh", "-s", "--", "/etc/kubernetes"}; argv[0] is never user data
    QByteArray stdinData; // e.g. the collector script; sent then EOF
    bool privileged = false;                  // wrap in sudo according to the node's sudo mode
    qint64 maxOutputBytes = 64 * 1024 * 1024; // cap on stdout; more is an error (Collect)
};

struct RemoteResult
{
    int exitStatus = -1;
    QByteArray stdoutData;
    QByteArray stderrData;
};

// One connection to one node, used from one thread. Implemented over libssh in core/ssh
// (SshCommandRunner) and by fakes in tests.
class ICommandRunner
{
public:
    virtual ~ICommandRunner() = default;
    // Connects (host key check, auth) if not connected. Blocking; honours `cancel`.
    virtual bool connect(const std::atomic_bool *cancel, RemoteError *error) = 0;
    virtual bool run(const RemoteCommand &command, RemoteResult *result,
                     const std::atomic_bool *cancel, RemoteError *error) = 0;
    virtual void disconnect() = 0;
    // Keeps an idle connection alive (sessions kept open between re-scans). False when the
    // connection is gone; the next run() reconnects. Default: nothing to do.
    virtual bool keepalive() { return true; }
};

// POSIX sh single-quoting: 'it'\''s'. Safe for any byte string except NUL (rejected by callers).
QString shellQuote(const QString &value);
// argv joined with shellQuote; the only way a command line for a node is built.
QString shellJoin(const QStringList &argv);

} // namespace kinspect
