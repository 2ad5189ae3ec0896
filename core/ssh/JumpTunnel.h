#pragma once

// Internal to kinspect_ssh. libssh 0.10 cannot ProxyJump for a session it connects itself, so a
// jump host is used the way `ssh -J` works underneath: an authenticated session to the bastion
// opens a direct-tcpip channel to host:port, and the target session talks SSH over one end of a
// socketpair while a forwarding thread copies bytes between the other end and the channel.

#include "scan/ICommandRunner.h"
#include "ssh/SshHandles.h"

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace kinspect {

class JumpTunnel
{
public:
    // Takes over `jumpSession` (connected and authenticated); opens the channel. On success,
    // targetFd() is the socket to hand to the target session (SSH_OPTIONS_FD, which then owns it).
    static std::unique_ptr<JumpTunnel> open(SessionPtr jumpSession, const QString &jumpName,
                                            const QString &targetHost, int targetPort,
                                            RemoteError *error);
    ~JumpTunnel(); // stops and joins the forwarding thread, closes the channel and the session

    int takeTargetFd();
    bool isRunning() const { return m_running.load(); }

    JumpTunnel(const JumpTunnel &) = delete;
    JumpTunnel &operator=(const JumpTunnel &) = delete;

private:
    JumpTunnel() = default;
    void pump();

    SessionPtr m_session;
    ChannelPtr m_channel;
    int m_localFd = -1;  // ours: pumped to/from the channel
    int m_targetFd = -1; // the target session's, until taken
    std::atomic_bool m_stop{false};
    std::atomic_bool m_running{false};
    std::thread m_thread;
};

} // namespace kinspect
