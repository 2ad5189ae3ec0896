#include "ssh/SecretsFile.h"

#include "util/SecureMemory.h"

#include <QFile>

#include <cctype>

namespace kinspect {

SecretKind secretKindOf(const QString &prompt)
{
    const QString lower = prompt.toLower();
    if (lower.startsWith(QLatin1String("sudo")))
        return SecretKind::SudoPassword;
    if (lower.contains(QLatin1String("passphrase")))
        return SecretKind::Passphrase;
    return SecretKind::Password;
}

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::SudoPassword:
        return QStringLiteral("sudo-password");
    case SecretKind::Passphrase:
        return QStringLiteral("passphrase");
    case SecretKind::Password:
        return QStringLiteral("password");
    }
    return QString();
}

SecretsFile::~SecretsFile()
{
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        secureZero(*it);
}

bool SecretsFile::load(const QString &path, QString *error)
{
    // Unbuffered, into one buffer of the file's size: QFile's own read buffer (and readLine()'s
    // growing lines) would leave copies of every secret in freed memory.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    constexpr qint64 maxBytes = 1024 * 1024;
    const qint64 size = f.size();
    if (size > maxBytes) {
        *error =
            QStringLiteral("%1: larger than %2 bytes; not a secrets file").arg(path).arg(maxBytes);
        return false;
    }
    QByteArray data(size, Qt::Uninitialized);
    SecureZeroGuard wipeData(&data);
    if (f.read(data.data(), size) != size) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        ++lineNo;
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        // [start, e) is the line without its line break (a value keeps its own blanks); views
        // into `data`, no copies.
        const qsizetype start = pos;
        qsizetype e = end;
        pos = end + 1;
        while (e > start && data[e - 1] == '\r')
            --e;
        qsizetype b = start;
        while (b < e && std::isspace(uchar(data[b])))
            ++b;
        if (b == e || data[b] == '#')
            continue;
        const QByteArrayView line(data.constData() + start, e - start);
        const qsizetype eq = line.indexOf('=');
        const QString key =
            eq < 0 ? QString() : QString::fromUtf8(line.first(eq)).trimmed(); // no secret here
        const QString kind = key.section(QLatin1Char('@'), 0, 0);
        if (eq < 0 || (kind != secretKindName(SecretKind::SudoPassword) &&
                       kind != secretKindName(SecretKind::Password) &&
                       kind != secretKindName(SecretKind::Passphrase))) {
            *error = QStringLiteral("%1:%2: expected KIND[@NODE]=SECRET with KIND one of "
                                    "sudo-password, password, passphrase")
                         .arg(path)
                         .arg(lineNo);
            return false;
        }
        const QByteArrayView value = line.sliced(eq + 1);
        auto it = m_secrets.find(key);
        if (it != m_secrets.end())
            secureZero(*it); // a later line wins; the old value is wiped, not just dropped
        m_secrets.insert(key, QByteArray(value.data(), value.size())); // the one copy we keep
    }
    return true;
}

bool SecretsFile::lookup(SecretKind kind, const QString &node, QByteArray *secret) const
{
    const QString name = secretKindName(kind);
    for (const QString &key : {name + QLatin1Char('@') + node, name}) {
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.constEnd()) {
            // A copy of its own: the caller wipes it after use without touching ours.
            secureZero(*secret);
            *secret = deepCopy(*it);
            return true;
        }
    }
    return false;
}

} // namespace kinspect
