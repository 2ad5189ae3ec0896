#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace kinspect {

// Host key helpers that need no libssh, so they are unit-testable on their own.
namespace HostKeyUtil {

// "SHA256:" + unpadded base64 of a SHA-256 digest: the form `ssh-keygen -l` and `ssh` print.
QString sha256Fingerprint(const QByteArray &sha256Digest);
// The same, computed from a public key blob (the base64-decoded middle field of a .pub line).
QString fingerprintOfKeyBlob(const QByteArray &keyBlob);

// How OpenSSH names a host in known_hosts: "host" for port 22, "[host]:port" otherwise.
QString knownHostsName(const QString &host, int port);

// 1-based line numbers of `file` whose host field matches `host`:`port` (plain, comma lists,
// [host]:port, and HashKnownHosts "|1|salt|hmac" entries). Negated and wildcard patterns are not
// matched. Used to tell a person which line to remove when a key has changed.
QList<int> knownHostsLines(const QString &file, const QString &host, int port);

} // namespace HostKeyUtil

} // namespace kinspect
