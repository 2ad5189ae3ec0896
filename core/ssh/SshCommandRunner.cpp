#include "ssh/SshCommandRunner.h"

#include "ssh/CommandWrapper.h"
#include "ssh/JumpTunnel.h"
#include "ssh/SshHandles.h"
#include "ssh/SshSession.h"

#include <chrono>
#include <poll.h>

namespace kinspect {

using Clock = std::chrono::steady_clock;

namespace {
constexpr qint64 MaxStderrBytes = 1024 * 1024; // beyond this stderr is dropped, not an error
} // namespace

struct SshCommandRunner::Private
{
    NodeSpec node;
    std::optional<JumpHost> jump;
    SshOptions options;
    // Order matters for teardown: the target session goes first (it owns one end of the tunnel's
    // socketpair), then the tunnel (thread, channel, jump session).
    std::unique_ptr<JumpTunnel> tunnel;
    SessionPtr session;
    QString user; // effective login name (inventory, ssh_config or local)

    void teardown()
    {
        session.reset();
        tunnel.reset();
    }
    bool connect(const std::atomic_bool *cancel, RemoteError *error);
    bool runOnce(const RemoteCommand &command, RemoteResult *result, const std::atomic_bool *cancel,
                 RemoteError *error, bool *sessionBroken);
};

SshCommandRunner::SshCommandRunner(const NodeSpec &node, const Inventory &inventory,
                                   SshOptions options)
    : d(std::make_unique<Private>())
{
    d->node = node;
    if (!node.jump.isEmpty()) {
        if (const JumpHost *j = inventory.jumpHost(node.jump))
            d->jump = *j;
        else
            d->jump =
                JumpHost{node.jump, QString(), 22, QString(), QString()}; // reported on connect
    }
    d->options = std::move(options);
}

SshCommandRunner::SshCommandRunner(const NodeSpec &node, std::optional<JumpHost> jump,
                                   SshOptions options)
    : d(std::make_unique<Private>())
{
    d->node = node;
    d->jump = std::move(jump);
    d->options = std::move(options);
}

SshCommandRunner::~SshCommandRunner()
{
    d->teardown();
}

const NodeSpec &SshCommandRunner::node() const
{
    return d->node;
}

bool SshCommandRunner::isConnected() const
{
    return d->session && ssh_is_connected(d->session.get());
}

void SshCommandRunner::disconnect()
{
    d->teardown();
}

bool SshCommandRunner::sendKeepalive()
{
    if (!isConnected())
        return false;
    return ssh_send_ignore(d->session.get(), "kinspect-keepalive") == SSH_OK &&
           ssh_is_connected(d->session.get());
}

bool SshCommandRunner::connect(const std::atomic_bool *cancel, RemoteError *error)
{
    if (isConnected())
        return true;
    return d->connect(cancel, error);
}

bool SshCommandRunner::Private::connect(const std::atomic_bool *cancel, RemoteError *error)
{
    teardown();
    RemoteError local;
    RemoteError *err = error ? error : &local;
    SshEndpoint target{node.name, node.host, node.port, node.user, node.identityFile, -1};

    if (jump) {
        if (jump->host.isEmpty()) {
            *err = RemoteError{ErrorKind::Internal,
                               QStringLiteral("node %1 names jump host \"%2\", which the "
                                              "inventory does not define")
                                   .arg(node.name, jump->name)};
            return false;
        }
        SshSession jumpSession(SshEndpoint{QStringLiteral("jump host %1").arg(jump->name),
                                           jump->host, jump->port, jump->user, jump->identityFile,
                                           -1},
                               options);
        if (!jumpSession.open(cancel, err))
            return false;
        tunnel = JumpTunnel::open(jumpSession.release(), jump->name, node.host, node.port, err);
        if (!tunnel)
            return false;
        target.fd = tunnel->takeTargetFd();
    }

    SshSession targetSession(target, options);
    if (!targetSession.open(cancel, err)) {
        teardown();
        return false;
    }
    user = targetSession.userName();
    session = targetSession.release();
    return true;
}

bool SshCommandRunner::run(const RemoteCommand &command, RemoteResult *result,
                           const std::atomic_bool *cancel, RemoteError *error)
{
    RemoteError local;
    RemoteError *err = error ? error : &local;
    RemoteResult scratch;
    RemoteResult *res = result ? result : &scratch;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!isConnected() && !d->connect(cancel, err))
            return false;
        bool broken = false;
        *res = RemoteResult{};
        if (d->runOnce(command, res, cancel, err, &broken))
            return true;
        if (!broken || attempt == 1)
            return false;
        // The session died between runs (idle timeout, server restart): reconnect once.
        d->teardown();
    }
    return false;
}

bool SshCommandRunner::Private::runOnce(const RemoteCommand &command, RemoteResult *result,
                                        const std::atomic_bool *cancel, RemoteError *error,
                                        bool *sessionBroken)
{
    ssh_session s = session.get();
    const CommandWrapper sudo(node.sudo, command.privileged);
    const QString line = sudo.commandLine(command.argv);
    if (line.isEmpty()) {
        *error = RemoteError{ErrorKind::Internal,
                             QStringLiteral("refusing to run an empty command or an argument "
                                            "containing a NUL byte")};
        return false;
    }
    const auto deadline =
        Clock::now() + std::chrono::seconds(std::max(1, options.commandTimeoutSec));
    const QString where = node.name;
    auto lost = [&](const QString &what) {
        const QString why = QString::fromUtf8(ssh_get_error(s));
        *error = RemoteError{why.contains(QLatin1String("imeout")) ? ErrorKind::Timeout
                                                                   : ErrorKind::Unreachable,
                             QStringLiteral("%1 on %2: %3").arg(what, where, why)};
        return false;
    };

    ChannelPtr channel(ssh_channel_new(s));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
        *sessionBroken = true; // a stale session fails here first
        return lost(QStringLiteral("cannot open a channel"));
    }
    ssh_channel ch = channel.get();
    const QByteArray cmd = line.toUtf8();
    if (ssh_channel_request_exec(ch, cmd.constData()) != SSH_OK)
        return lost(QStringLiteral("cannot start the command"));

    qint64 remotePid = 0;
    // Stops the remote command: a TERM "signal" request (honoured by OpenSSH for non-root
    // logins), plus `kill` of the announced process group on a second channel (root logins get
    // no signal support from sshd), then EOF and close: nothing keeps running on the node.
    auto killRemote = [&]() {
        ssh_channel_request_send_signal(ch, "TERM");
        if (remotePid <= 0)
            return;
        // The server may be frozen or gone (that may be why we stop): opening the second
        // channel must not wait for it longer than this, whatever the session's timeout is.
        const auto killDeadline = Clock::now() + std::chrono::milliseconds(1500);
        struct NonBlocking
        {
            ssh_session s;
            explicit NonBlocking(ssh_session session) : s(session) { ssh_set_blocking(s, 0); }
            ~NonBlocking() { ssh_set_blocking(s, 1); }
        } nonBlocking(s); // outlives `k`: an unanswered channel is freed without waiting
        auto again = [&](int rc) {
            if (rc != SSH_AGAIN || Clock::now() >= killDeadline)
                return false;
            pollfd p{ssh_get_fd(s), POLLIN, 0};
            ::poll(&p, 1, 20);
            return true;
        };
        ChannelPtr k(ssh_channel_new(s));
        if (!k)
            return;
        int rc;
        while (again(rc = ssh_channel_open_session(k.get()))) {
        }
        if (rc != SSH_OK)
            return;
        const QByteArray killLine = CommandWrapper::killCommandLine(remotePid).toUtf8();
        while (again(rc = ssh_channel_request_exec(k.get(), killLine.constData()))) {
        }
        if (rc != SSH_OK)
            return;
        ssh_channel_send_eof(k.get());
        char sink[256];
        while (Clock::now() < killDeadline && !ssh_channel_is_eof(k.get()) &&
               !ssh_channel_is_closed(k.get())) {
            if (ssh_channel_read_nonblocking(k.get(), sink, sizeof sink, 0) < 0 ||
                ssh_channel_read_nonblocking(k.get(), sink, sizeof sink, 1) < 0)
                break;
            pollfd p{ssh_get_fd(s), POLLIN, 0};
            ::poll(&p, 1, 20);
        }
        ssh_channel_close(k.get());
    };
    auto abort = [&](ErrorKind kind, const QString &message) {
        killRemote();
        ssh_channel_send_eof(ch);
        ssh_channel_close(ch);
        *error = RemoteError{kind, message};
        return false;
    };
    // The command's stdin is written as the channel window allows, interleaved with reading its
    // output: a command that echoes a large input while we are still writing cannot deadlock.
    bool inputAllowed = false;
    bool eofSent = false;
    qsizetype inputOffset = 0;
    auto pumpInput = [&]() -> int { // -1 error, 1 progress, 0 nothing to do now
        if (!inputAllowed || eofSent)
            return 0;
        int progress = 0;
        while (inputOffset < command.stdinData.size()) {
            const uint32_t window = ssh_channel_window_size(ch);
            if (window == 0)
                return progress; // wait for the server's window adjust
            const uint32_t chunk = uint32_t(std::min<qint64>(
                {command.stdinData.size() - inputOffset, qint64(window), qint64(32768)}));
            const int n = ssh_channel_write(ch, command.stdinData.constData() + inputOffset, chunk);
            if (n < 0)
                return -1;
            if (n == 0)
                return progress;
            inputOffset += n;
            progress = 1;
        }
        if (ssh_channel_send_eof(ch) != SSH_OK)
            return -1;
        eofSent = true;
        return 1;
    };

    using Stage = CommandWrapper::Stage;
    using Event = CommandWrapper::Event;
    Stage stage = sudo.needsPassword() ? Stage::WaitingForPrompt : Stage::WaitingForStart;
    bool started = false;
    // sudo -n and the plain wrapper never read stdin; in password mode stdin carries the password
    // first and the command's data only after the start line.
    inputAllowed = stage == Stage::WaitingForStart;

    QByteArray buf(64 * 1024, Qt::Uninitialized);
    for (;;) {
        if (SshSession::cancelled(cancel))
            return abort(ErrorKind::Cancelled, QStringLiteral("cancelled"));
        if (Clock::now() >= deadline) {
            return abort(ErrorKind::Timeout,
                         QStringLiteral("the command did not finish within %1 s on %2")
                             .arg(options.commandTimeoutSec)
                             .arg(where));
        }
        bool gotData = false;
        const int nOut = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(buf.size()), 0);
        if (nOut > 0) {
            gotData = true;
            if (result->stdoutData.size() + nOut > command.maxOutputBytes) {
                return abort(ErrorKind::Collect, QStringLiteral("output exceeds %1 bytes on %2")
                                                     .arg(command.maxOutputBytes)
                                                     .arg(where));
            }
            result->stdoutData.append(buf.constData(), nOut);
        }
        const int nErr = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(buf.size()), 1);
        if (nErr > 0) {
            gotData = true;
            if (result->stderrData.size() < MaxStderrBytes)
                result->stderrData.append(
                    buf.constData(),
                    std::min<qint64>(nErr, MaxStderrBytes - result->stderrData.size()));
        }
        if ((nOut < 0 || nErr < 0) && !ssh_is_connected(s))
            return lost(QStringLiteral("connection lost while the command ran"));

        if (stage != Stage::Running && nErr > 0) {
            switch (sudo.scan(stage, &result->stderrData, &remotePid)) {
            case Event::None:
                break;
            case Event::PasswordWanted: {
                QByteArray password;
                SecretGuard guard(&password);
                const QString prompt =
                    QStringLiteral("sudo password for %1 on %2").arg(user, where);
                if (!options.secretPrompt || !options.secretPrompt(prompt, &password)) {
                    if (SshSession::cancelled(cancel))
                        return abort(ErrorKind::Cancelled, QStringLiteral("cancelled"));
                    return abort(ErrorKind::Sudo,
                                 QStringLiteral("sudo on %1 needs the password of %2, and none "
                                                "was given")
                                     .arg(where, user));
                }
                // Not password.append('\n'): a reallocation would free an unwiped copy.
                QByteArray line = CommandWrapper::passwordLine(password);
                SecretGuard lineGuard(&line);
                wipeSecret(&password);
                if (ssh_channel_write(ch, line.constData(), uint32_t(line.size())) != line.size())
                    return lost(QStringLiteral("cannot send the sudo password"));
                stage = Stage::PasswordSent;
                break;
            }
            case Event::WrongPassword:
                result->stderrData.clear();
                return abort(ErrorKind::Sudo,
                             QStringLiteral("wrong sudo password for %1 on %2").arg(user, where));
            case Event::Started:
                started = true;
                stage = Stage::Running;
                inputAllowed = true;
                break;
            }
        }
        const int wrote = pumpInput();
        if (wrote < 0)
            return lost(QStringLiteral("cannot send the command's input"));
        if (gotData || wrote > 0)
            continue;
        if (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch))
            break;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd p{ssh_get_fd(s), POLLIN, 0};
        ::poll(&p, 1, int(std::clamp<long long>(left, 0, 50)));
    }
    result->exitStatus = ssh_channel_get_exit_status(ch);
    ssh_channel_close(ch);

    const QString sudoError = CommandWrapper::sudoFailure(
        result->exitStatus, result->stderrData, started, sudo.effectiveMode(), user, where);
    if (!sudoError.isEmpty()) {
        *error = RemoteError{ErrorKind::Sudo, sudoError};
        return false;
    }
    return true;
}

} // namespace kinspect
