#include "ssh/HostKeyUtil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>

namespace kinspect::HostKeyUtil {

QString sha256Fingerprint(const QByteArray &sha256Digest)
{
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(sha256Digest.toBase64(QByteArray::OmitTrailingEquals));
}

QString fingerprintOfKeyBlob(const QByteArray &keyBlob)
{
    return sha256Fingerprint(QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256));
}

QString knownHostsName(const QString &host, int port)
{
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

static bool hashedMatch(const QByteArray &pattern, const QByteArray &name)
{
    // |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const QList<QByteArray> parts = pattern.split('|');
    if (parts.size() != 4 || !parts.at(0).isEmpty() || parts.at(1) != "1")
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2));
    const QByteArray mac = QByteArray::fromBase64(parts.at(3));
    return QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1) == mac;
}

QList<int> knownHostsLines(const QString &file, const QString &host, int port)
{
    QList<int> lines;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    const QByteArray name = knownHostsName(host, port).toUtf8();
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        QByteArray line = f.readLine(64 * 1024).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 2 && fields.at(0).startsWith('@'))
            fields.removeFirst(); // @cert-authority / @revoked marker
        if (fields.isEmpty())
            continue;
        bool match = false;
        for (const QByteArray &pattern : fields.at(0).split(',')) {
            if (pattern.startsWith("|1|") ? hashedMatch(pattern, name) : pattern == name) {
                match = true;
                break;
            }
        }
        if (match)
            lines << lineNo;
    }
    return lines;
}

} // namespace kinspect::HostKeyUtil
