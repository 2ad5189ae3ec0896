#include "ssh/SecretsFile.h"

#include <QFile>

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
        it->fill('\0');
}

bool SecretsFile::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        QByteArray line = f.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        const QString key = QString::fromUtf8(line.left(qMax<qsizetype>(eq, 0))).trimmed();
        const QString kind = key.section(QLatin1Char('@'), 0, 0);
        if (eq < 0 || (kind != secretKindName(SecretKind::SudoPassword) &&
                       kind != secretKindName(SecretKind::Password) &&
                       kind != secretKindName(SecretKind::Passphrase))) {
            *error = QStringLiteral("%1:%2: expected KIND[@NODE]=SECRET with KIND one of "
                                    "sudo-password, password, passphrase")
                         .arg(path)
                         .arg(lineNo);
            line.fill('\0');
            return false;
        }
        m_secrets.insert(key, line.mid(eq + 1));
        line.fill('\0');
    }
    return true;
}

bool SecretsFile::lookup(SecretKind kind, const QString &node, QByteArray *secret) const
{
    const QString name = secretKindName(kind);
    for (const QString &key : {name + QLatin1Char('@') + node, name}) {
        const auto it = m_secrets.constFind(key);
        if (it != m_secrets.constEnd()) {
            *secret = *it;
            return true;
        }
    }
    return false;
}

} // namespace kinspect
