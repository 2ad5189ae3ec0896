#pragma once

// Internal to kinspect_ssh: owning wrappers for libssh's C handles (kio-extras' pattern), so every
// early return frees what was allocated and there is one teardown path.

#include <libssh/libssh.h>

#include <QByteArray>

#include <memory>
#include <string.h>

namespace kinspect {

struct SshSessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct SshChannelDeleter
{
    void operator()(ssh_channel c) const { ssh_channel_free(c); }
};
struct SshKeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
struct SshHashDeleter
{
    void operator()(unsigned char *h) const { ssh_clean_pubkey_hash(&h); }
};

using SessionPtr = std::unique_ptr<std::remove_pointer_t<ssh_session>, SshSessionDeleter>;
using ChannelPtr = std::unique_ptr<std::remove_pointer_t<ssh_channel>, SshChannelDeleter>;
using KeyPtr = std::unique_ptr<std::remove_pointer_t<ssh_key>, SshKeyDeleter>;

// Overwrites a secret before its memory is released. The QByteArray must not be shared (the
// runner creates each secret buffer itself and hands it to the prompt callback by pointer).
inline void wipeSecret(QByteArray *secret)
{
    if (!secret->isEmpty())
        explicit_bzero(secret->data(), size_t(secret->size()));
    secret->clear();
}

// Wipes on scope exit, whatever the path out.
class SecretGuard
{
public:
    explicit SecretGuard(QByteArray *secret) : m_secret(secret) {}
    ~SecretGuard() { wipeSecret(m_secret); }
    SecretGuard(const SecretGuard &) = delete;
    SecretGuard &operator=(const SecretGuard &) = delete;

private:
    QByteArray *m_secret;
};

} // namespace kinspect
