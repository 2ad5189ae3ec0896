#include "ssh/SshSession.h"

#include "inventory/Inventory.h"
#include "ssh/HostKeyUtil.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <mutex>
#include <poll.h>
#include <thread>

namespace kinspect {

using Clock = std::chrono::steady_clock;

void SshSession::initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { ssh_init(); });
}

SshSession::SshSession(SshEndpoint endpoint, const SshOptions &options)
    : m_endpoint(std::move(endpoint)), m_options(options)
{
    initLibrary();
}

QString SshSession::libsshError() const
{
    if (!m_session)
        return QString();
    return QString::fromUtf8(ssh_get_error(m_session.get()));
}

bool SshSession::fail(RemoteError *error, ErrorKind kind, const QString &message)
{
    if (error)
        *error = RemoteError{kind, message};
    m_session.reset();
    return false;
}

bool SshSession::ask(const QString &prompt, QByteArray *secret) const
{
    wipeSecret(secret);
    if (!m_options.secretPrompt)
        return false;
    return m_options.secretPrompt(prompt, secret);
}

bool SshSession::open(const std::atomic_bool *cancel, RemoteError *error)
{
    if (!configure(error))
        return false;
    if (!connectSocket(cancel, error))
        return false;
    if (cancelled(cancel))
        return fail(error, ErrorKind::Cancelled, QStringLiteral("cancelled"));
    if (!verifyHostKey(error))
        return false;
    if (cancelled(cancel))
        return fail(error, ErrorKind::Cancelled, QStringLiteral("cancelled"));
    return authenticate(cancel, error);
}

bool SshSession::configure(RemoteError *error)
{
    m_session.reset(ssh_new());
    ssh_session s = m_session.get();
    if (!s)
        return fail(error, ErrorKind::Internal, QStringLiteral("cannot create an SSH session"));

    int verbosity = SSH_LOG_NOLOG; // libssh's log could carry prompts; never enabled here
    ssh_options_set(s, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    const QByteArray host = m_endpoint.host.toUtf8();
    if (ssh_options_set(s, SSH_OPTIONS_HOST, host.constData()) != SSH_OK) {
        return fail(error, ErrorKind::Unreachable,
                    QStringLiteral("bad host \"%1\": %2").arg(m_endpoint.host, libsshError()));
    }
    // ssh_config is read for the host first; the inventory's explicit values then win, as on
    // OpenSSH's command line.
    if (m_options.sshConfigFile == QLatin1String("none")) {
        bool process = false;
        ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &process);
    } else if (m_options.sshConfigFile.isEmpty()) {
        ssh_options_parse_config(s, nullptr);
    } else {
        const QByteArray cfg = QFile::encodeName(expandHome(m_options.sshConfigFile));
        if (ssh_options_parse_config(s, cfg.constData()) != SSH_OK) {
            return fail(
                error, ErrorKind::Internal,
                QStringLiteral("cannot read ssh configuration %1").arg(m_options.sshConfigFile));
        }
    }
    unsigned int port = unsigned(m_endpoint.port);
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    if (!m_endpoint.user.isEmpty()) {
        const QByteArray user = m_endpoint.user.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    }
    m_knownHosts = m_options.knownHostsFile.isEmpty()
                       ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                       : expandHome(m_options.knownHostsFile);
    const QByteArray kh = QFile::encodeName(m_knownHosts);
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, kh.constData());
    if (!m_options.globalKnownHostsFile.isEmpty()) {
        const QByteArray gkh = QFile::encodeName(expandHome(m_options.globalKnownHostsFile));
        ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, gkh.constData());
    }
    long timeout = std::max(1, m_options.connectTimeoutSec);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    // TCP_NODELAY: a scan is a few small exchanges (the sudo prompt and password, the start
    // line, window adjusts) between large transfers; with Nagle's algorithm each small write
    // waits for the peer's delayed ACK (40 ms on Linux). OpenSSH sets it for the same reason.
    int nodelay = 1;
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);
    if (m_endpoint.fd >= 0) {
        socket_t fd = m_endpoint.fd;
        ssh_options_set(s, SSH_OPTIONS_FD, &fd);
        m_endpoint.fd = -1; // owned by the session now
    }
    char *user = nullptr;
    if (ssh_options_get(s, SSH_OPTIONS_USER, &user) == SSH_OK && user) {
        m_user = QString::fromUtf8(user);
        ssh_string_free_char(user);
    }
    return true;
}

bool SshSession::connectSocket(const std::atomic_bool *cancel, RemoteError *error)
{
    ssh_session s = m_session.get();
    // Non-blocking connect so that cancel and our own deadline are checked while the TCP connect
    // and the handshake are under way: a server that accepts and never speaks times out here.
    const auto deadline =
        Clock::now() + std::chrono::seconds(std::max(1, m_options.connectTimeoutSec));
    ssh_set_blocking(s, 0);
    const QString where =
        QStringLiteral("%1 (%2:%3)").arg(m_endpoint.name, m_endpoint.host).arg(m_endpoint.port);
    for (;;) {
        const int rc = ssh_connect(s);
        if (rc == SSH_OK)
            break;
        if (rc == SSH_ERROR) {
            const QString why = libsshError();
            if (why.contains(QLatin1String("imeout")))
                return fail(error, ErrorKind::Timeout,
                            QStringLiteral("connecting to %1 timed out").arg(where));
            return fail(error, ErrorKind::Unreachable,
                        QStringLiteral("cannot connect to %1: %2").arg(where, why));
        }
        if (cancelled(cancel))
            return fail(error, ErrorKind::Cancelled,
                        QStringLiteral("cancelled while connecting to %1").arg(where));
        if (Clock::now() >= deadline) {
            return fail(error, ErrorKind::Timeout,
                        QStringLiteral("connecting to %1 timed out after %2 s (no SSH handshake)")
                            .arg(where)
                            .arg(m_options.connectTimeoutSec));
        }
        const socket_t fd = ssh_get_fd(s);
        if (fd == SSH_INVALID_SOCKET) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } else {
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 50);
        }
    }
    ssh_set_blocking(s, 1); // the rest is bounded by SSH_OPTIONS_TIMEOUT per round trip
    return true;
}

// Worker threads of one scan may accept new keys at the same time; one writer at a time keeps
// known_hosts lines whole.
static bool recordHostKey(ssh_session s)
{
    static std::mutex knownHostsMutex;
    const std::lock_guard<std::mutex> lock(knownHostsMutex);
    return ssh_session_update_known_hosts(s) == SSH_OK;
}

bool SshSession::verifyHostKey(RemoteError *error)
{
    ssh_session s = m_session.get();
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(s, &rawKey) != SSH_OK || !rawKey)
        return fail(error, ErrorKind::HostKey,
                    QStringLiteral("%1 did not present a host key").arg(m_endpoint.name));
    KeyPtr key(rawKey);
    unsigned char *hash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) != SSH_OK)
        return fail(error, ErrorKind::HostKey,
                    QStringLiteral("cannot hash the host key of %1").arg(m_endpoint.name));
    const QString fingerprint = HostKeyUtil::sha256Fingerprint(
        QByteArray(reinterpret_cast<const char *>(hash), qsizetype(hashLen)));
    ssh_clean_pubkey_hash(&hash);
    const QString type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));

    HostKeyInfo info;
    info.node = m_endpoint.name;
    info.host = m_endpoint.host;
    info.port = m_endpoint.port;
    info.knownHostsName = HostKeyUtil::knownHostsName(m_endpoint.host, m_endpoint.port);
    info.keyType = type;
    info.fingerprint = fingerprint;
    info.knownHostsFile = m_knownHosts;

    auto whereOld = [&]() {
        const QList<int> lines =
            HostKeyUtil::knownHostsLines(m_knownHosts, m_endpoint.host, m_endpoint.port);
        if (lines.isEmpty())
            return QStringLiteral("the old key for %1 from %2")
                .arg(info.knownHostsName, m_knownHosts);
        QStringList nums;
        for (int l : lines)
            nums << QString::number(l);
        return QStringLiteral("the old key from %1 line %2")
            .arg(m_knownHosts, nums.join(QLatin1String(", ")));
    };

    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        return true;
    case SSH_KNOWN_HOSTS_CHANGED:
        return fail(error, ErrorKind::HostKey,
                    QStringLiteral("the host key of %1 has CHANGED (it now presents %2 %3). This "
                                   "may be a man-in-the-middle attack; nothing was sent. If the "
                                   "change is expected, remove %4 and connect again.")
                        .arg(m_endpoint.name, type, fingerprint, whereOld()));
    case SSH_KNOWN_HOSTS_OTHER:
        return fail(error, ErrorKind::HostKey,
                    QStringLiteral("the host key of %1 has CHANGED: known_hosts holds a key of "
                                   "another type, the server presents %2 %3. This may be a "
                                   "man-in-the-middle attack; nothing was sent. If the change is "
                                   "expected, remove %4 and connect again.")
                        .arg(m_endpoint.name, type, fingerprint, whereOld()));
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN: {
        HostKeyDecision decision = HostKeyDecision::Refuse;
        if (m_options.hostKeyPolicy == SshOptions::HostKeyPolicy::AcceptNew)
            decision = HostKeyDecision::AcceptAndSave;
        else if (m_options.hostKeyPrompt)
            decision = m_options.hostKeyPrompt(info);
        if (decision == HostKeyDecision::Refuse) {
            return fail(
                error, ErrorKind::HostKey,
                QStringLiteral("the host key of %1 (%2) is not known: %3 %4. Check the "
                               "fingerprint with the node's administrator, then accept it "
                               "or add it to %5.")
                    .arg(m_endpoint.name, info.knownHostsName, type, fingerprint, m_knownHosts));
        }
        if (decision == HostKeyDecision::AcceptAndSave && !recordHostKey(s)) {
            return fail(error, ErrorKind::HostKey,
                        QStringLiteral("cannot record the host key of %1 in %2: %3")
                            .arg(m_endpoint.name, m_knownHosts, libsshError()));
        }
        return true;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return fail(
        error, ErrorKind::HostKey,
        QStringLiteral("cannot check the host key of %1: %2").arg(m_endpoint.name, libsshError()));
}

bool SshSession::authenticate(const std::atomic_bool *cancel, RemoteError *error)
{
    ssh_session s = m_session.get();
    const QString who = QStringLiteral("%1@%2").arg(m_user, m_endpoint.name);
    auto sessionLost = [&](const QString &step) {
        const QString why = libsshError();
        return fail(error,
                    why.contains(QLatin1String("imeout")) ? ErrorKind::Timeout
                                                          : ErrorKind::Unreachable,
                    QStringLiteral("%1 failed for %2: %3").arg(step, who, why));
    };

    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return true;
    if (rc == SSH_AUTH_ERROR)
        return sessionLost(QStringLiteral("authentication"));
    const int methods = ssh_userauth_list(s, nullptr);
    QStringList tried;

    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && m_options.useAgent &&
        qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
        tried << QStringLiteral("agent");
        rc = ssh_userauth_agent(s, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(s))
            return sessionLost(QStringLiteral("agent authentication"));
    }
    if (SshSession::cancelled(cancel))
        return fail(error, ErrorKind::Cancelled, QStringLiteral("cancelled"));

    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (authWithIdentityFile(cancel, &tried, error))
            return true;
        if (!m_session) // authWithIdentityFile failed hard (cancel / lost session)
            return false;
    }

    QByteArray password;
    SecretGuard guard(&password);
    if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        if (authKeyboardInteractive(&password, &tried, error))
            return true;
        if (!m_session)
            return false;
    }
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        if (password.isEmpty() && !ask(QStringLiteral("Password for %1").arg(who), &password)) {
            tried << QStringLiteral("password (not given)");
        } else {
            tried << QStringLiteral("password");
            rc = ssh_userauth_password(s, nullptr, password.constData());
            wipeSecret(&password);
            if (rc == SSH_AUTH_SUCCESS)
                return true;
            if (rc == SSH_AUTH_ERROR && !ssh_is_connected(s))
                return sessionLost(QStringLiteral("password authentication"));
        }
    }
    if (SshSession::cancelled(cancel))
        return fail(error, ErrorKind::Cancelled, QStringLiteral("cancelled"));
    return fail(error, ErrorKind::Auth,
                QStringLiteral("authentication failed for %1 (tried: %2)")
                    .arg(who, tried.isEmpty() ? QStringLiteral("nothing the server offers")
                                              : tried.join(QLatin1String(", "))));
}

bool SshSession::authWithIdentityFile(const std::atomic_bool *cancel, QStringList *tried,
                                      RemoteError *error)
{
    ssh_session s = m_session.get();
    if (m_endpoint.identityFile.isEmpty()) {
        // No key named in the inventory: the identities of ssh_config / ~/.ssh, without
        // passphrase prompts (libssh would need a C callback; encrypted ones belong in the agent).
        *tried << QStringLiteral("default keys");
        return ssh_userauth_publickey_auto(s, nullptr, "") == SSH_AUTH_SUCCESS;
    }
    const QString path = expandHome(m_endpoint.identityFile);
    const QByteArray file = QFile::encodeName(path);
    if (!QFile::exists(path)) {
        *tried << QStringLiteral("key %1 (missing)").arg(path);
        return false;
    }
    // Offer the public half first, so a passphrase is only asked for a key the server accepts.
    ssh_key rawPub = nullptr;
    if (ssh_pki_import_pubkey_file(QFile::encodeName(path + QStringLiteral(".pub")).constData(),
                                   &rawPub) == SSH_OK) {
        KeyPtr pub(rawPub);
        const int rc = ssh_userauth_try_publickey(s, nullptr, pub.get());
        if (rc == SSH_AUTH_DENIED) {
            *tried << QStringLiteral("key %1 (not accepted)").arg(path);
            return false;
        }
    }
    ssh_key rawKey = nullptr;
    int rc = ssh_pki_import_privkey_file(file.constData(), nullptr, nullptr, nullptr, &rawKey);
    QByteArray passphrase;
    SecretGuard guard(&passphrase);
    for (int attempt = 0; rc != SSH_OK && attempt < 3; ++attempt) {
        const QString prompt =
            attempt == 0 ? QStringLiteral("Passphrase for key %1").arg(path)
                         : QStringLiteral("Wrong passphrase. Passphrase for key %1").arg(path);
        if (!ask(prompt, &passphrase)) {
            if (SshSession::cancelled(cancel))
                return fail(error, ErrorKind::Cancelled, QStringLiteral("cancelled"));
            break;
        }
        rc = ssh_pki_import_privkey_file(file.constData(), passphrase.constData(), nullptr, nullptr,
                                         &rawKey);
        wipeSecret(&passphrase);
    }
    if (rc != SSH_OK || !rawKey) {
        *tried << QStringLiteral("key %1 (cannot be read or wrong passphrase)").arg(path);
        return false;
    }
    KeyPtr key(rawKey);
    *tried << QStringLiteral("key %1").arg(path);
    rc = ssh_userauth_publickey(s, nullptr, key.get());
    if (rc == SSH_AUTH_ERROR && !ssh_is_connected(s)) {
        return fail(error, ErrorKind::Unreachable,
                    QStringLiteral("connection to %1 lost during authentication: %2")
                        .arg(m_endpoint.name, libsshError()));
    }
    return rc == SSH_AUTH_SUCCESS;
}

bool SshSession::authKeyboardInteractive(QByteArray *password, QStringList *tried,
                                         RemoteError *error)
{
    ssh_session s = m_session.get();
    tried->append(QStringLiteral("keyboard-interactive"));
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
        const int n = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < n; ++i) {
            char echo = 0;
            const QString prompt =
                QString::fromUtf8(ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo)).trimmed();
            QByteArray answer;
            SecretGuard guard(&answer);
            const bool isPassword = prompt.contains(QLatin1String("assword"), Qt::CaseInsensitive);
            if (isPassword && !password->isEmpty()) {
                answer = *password;
                answer.detach();
            } else if (!ask(QStringLiteral("%1@%2: %3").arg(m_user, m_endpoint.name, prompt),
                            &answer)) {
                return false;
            }
            if (isPassword && password->isEmpty()) {
                *password = answer; // kept (and wiped by the caller) for the "password" method
                password->detach();
            }
            ssh_userauth_kbdint_setanswer(s, unsigned(i), answer.constData());
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    if (rc == SSH_AUTH_ERROR && !ssh_is_connected(s)) {
        return fail(error, ErrorKind::Unreachable,
                    QStringLiteral("connection to %1 lost during authentication: %2")
                        .arg(m_endpoint.name, libsshError()));
    }
    return rc == SSH_AUTH_SUCCESS;
}

} // namespace kinspect
