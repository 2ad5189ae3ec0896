#include "ssh/JumpTunnel.h"

#include <QByteArray>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kinspect {

std::unique_ptr<JumpTunnel> JumpTunnel::open(SessionPtr jumpSession, const QString &jumpName,
                                             const QString &targetHost, int targetPort,
                                             RemoteError *error)
{
    std::unique_ptr<JumpTunnel> t(new JumpTunnel);
    t->m_session = std::move(jumpSession);
    ssh_session s = t->m_session.get();
    t->m_channel.reset(ssh_channel_new(s));
    const QByteArray host = targetHost.toUtf8();
    if (!t->m_channel || ssh_channel_open_forward(t->m_channel.get(), host.constData(), targetPort,
                                                  "127.0.0.1", 0) != SSH_OK) {
        const QString why = QString::fromUtf8(ssh_get_error(s));
        *error = RemoteError{why.contains(QLatin1String("imeout")) ? ErrorKind::Timeout
                                                                   : ErrorKind::Unreachable,
                             QStringLiteral("jump host %1 cannot reach %2:%3: %4")
                                 .arg(jumpName, targetHost)
                                 .arg(targetPort)
                                 .arg(why)};
        return nullptr;
    }
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        *error = RemoteError{ErrorKind::Internal, QStringLiteral("cannot create a socket pair")};
        return nullptr;
    }
    t->m_localFd = sv[0];
    t->m_targetFd = sv[1];
    t->m_running = true;
    t->m_thread = std::thread([raw = t.get()] { raw->pump(); });
    return t;
}

JumpTunnel::~JumpTunnel()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_targetFd >= 0)
        ::close(m_targetFd);
    if (m_localFd >= 0)
        ::close(m_localFd);
    if (m_channel) {
        if (ssh_channel_is_open(m_channel.get()))
            ssh_channel_close(m_channel.get());
        m_channel.reset();
    }
    m_session.reset();
}

int JumpTunnel::takeTargetFd()
{
    const int fd = m_targetFd;
    m_targetFd = -1;
    return fd;
}

static bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

void JumpTunnel::pump()
{
    // Only this thread touches the jump session from here on (libssh sessions are not shared
    // between threads).
    ssh_session s = m_session.get();
    ssh_channel ch = m_channel.get();
    QByteArray buf(32 * 1024, Qt::Uninitialized);
    bool localOpen = true;
    while (!m_stop.load()) {
        pollfd fds[2] = {{m_localFd, short(localOpen ? POLLIN : 0), 0}, {ssh_get_fd(s), POLLIN, 0}};
        ::poll(fds, 2, 50);

        if (localOpen && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::read(m_localFd, buf.data(), size_t(buf.size()));
            if (n > 0) {
                if (ssh_channel_write(ch, buf.constData(), uint32_t(n)) != n)
                    break;
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                // The target session closed its end: pass the EOF on and stop.
                localOpen = false;
                ssh_channel_send_eof(ch);
                break;
            }
        }
        // Drain whatever the channel has, also when the socket had nothing new (libssh may
        // have buffered it during a write).
        for (;;) {
            const int n = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(buf.size()), 0);
            if (n > 0) {
                if (!writeAll(m_localFd, buf.constData(), n)) {
                    m_stop = true;
                    break;
                }
                continue;
            }
            if (n < 0)
                m_stop = true;
            break;
        }
        if (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch) || !ssh_is_connected(s))
            break;
    }
    // Wake the target session: its reads see EOF instead of waiting for its own timeout.
    ::shutdown(m_localFd, SHUT_RDWR);
    m_running = false;
}

} // namespace kinspect
