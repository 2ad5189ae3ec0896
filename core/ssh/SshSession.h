#pragma once

// Internal to kinspect_ssh: one libssh session to one endpoint (a node or a jump host), taken
// through connect -> host key verification -> authentication. Blocking, one thread.

#include "scan/ICommandRunner.h"
#include "ssh/SshHandles.h"
#include "ssh/SshOptions.h"

#include <QString>

#include <atomic>
#include <chrono>

namespace kinspect {

struct SshEndpoint
{
    QString name; // for messages and prompts
    QString host;
    int port = 22;
    QString user;         // empty: ssh_config's User or the local user name
    QString identityFile; // empty: ssh_config's IdentityFile entries
    int fd = -1;          // >= 0: an already connected socket (jump tunnel); libssh closes it
};

class SshSession
{
public:
    SshSession(SshEndpoint endpoint, const SshOptions &options);

    // Connect, verify the host key, authenticate. On failure `error` says why and the session is
    // closed.
    bool open(const std::atomic_bool *cancel, RemoteError *error);
    ssh_session handle() const { return m_session.get(); }
    SessionPtr release() { return std::move(m_session); }
    const SshEndpoint &endpoint() const { return m_endpoint; }
    QString userName() const { return m_user; }

    static void initLibrary();
    static bool cancelled(const std::atomic_bool *cancel) { return cancel && cancel->load(); }

private:
    bool configure(RemoteError *error);
    bool connectSocket(const std::atomic_bool *cancel, RemoteError *error);
    bool verifyHostKey(RemoteError *error);
    bool authenticate(const std::atomic_bool *cancel, RemoteError *error);
    bool authWithIdentityFile(const std::atomic_bool *cancel, QStringList *tried,
                              RemoteError *error);
    bool authKeyboardInteractive(QByteArray *password, QStringList *tried, RemoteError *error);
    bool ask(const QString &prompt, QByteArray *secret) const;
    QString libsshError() const;
    bool fail(RemoteError *error, ErrorKind kind, const QString &message);

    SshEndpoint m_endpoint;
    const SshOptions &m_options;
    SessionPtr m_session;
    QString m_user;
    QString m_knownHosts;
};

} // namespace kinspect
