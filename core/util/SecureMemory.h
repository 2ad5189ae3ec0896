#pragma once

#include <QByteArray>
#include <QString>

namespace kinspect {

// Secrets (passwords, passphrases, keyboard-interactive answers, secrets-file values) live in
// QByteArrays that are overwritten before their memory goes back to the allocator.
//
// Overwrites the whole allocation of `secret` (up to its capacity: chopped bytes too) in place with
// explicit_bzero, which the compiler may not drop, then empties it. It never detaches: a copy that
// shares the buffer through implicit sharing holds the same secret and is wiped with it, so code
// that hands a secret to someone else gives a deep copy (see deepCopy()).
void secureZero(QByteArray &secret);
void secureZero(QString &secret);

// A copy that shares nothing with `secret` (the receiver wipes its own).
QByteArray deepCopy(const QByteArray &secret);

// Wipes on scope exit, whatever the path out.
class SecureZeroGuard
{
public:
    explicit SecureZeroGuard(QByteArray *secret) : m_secret(secret) {}
    ~SecureZeroGuard() { secureZero(*m_secret); }
    SecureZeroGuard(const SecureZeroGuard &) = delete;
    SecureZeroGuard &operator=(const SecureZeroGuard &) = delete;

private:
    QByteArray *m_secret;
};

// Crash dumps. The CLI and the GUI hold passwords and passphrases in memory whenever a prompt or
// a secrets file supplied one, and freed copies made by libraries (libssh packet buffers, Qt's
// line edit) cannot all be wiped. A core file would write them to disk, readable by whoever reads
// crash reports. So both programs call this first thing in main(): RLIMIT_CORE 0 (no core file)
// and PR_SET_DUMPABLE 0 (no core, and other processes of the same user cannot ptrace us or read
// /proc/PID/mem). Developers who need a core set KINSPECT_ALLOW_CORE_DUMPS=1.
// Returns false when the environment asked to keep core dumps.
bool disableCoreDumps();

} // namespace kinspect
