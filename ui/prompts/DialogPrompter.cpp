#include "prompts/DialogPrompter.h"

#include "prompts/HostKeyDialog.h"
#include "prompts/Keychain.h"
#include "prompts/SecretDialog.h"

#include <QCoreApplication>
#include <QFile>

namespace kinspect::ui {

DialogPrompter::DialogPrompter(QWidget *parent) : m_parent(parent) {}

DialogPrompter::~DialogPrompter()
{
    for (auto it = m_fileSecrets.begin(); it != m_fileSecrets.end(); ++it)
        it->fill('\0');
}

bool DialogPrompter::loadSecretsFile(const QString &path, QString *error)
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
        if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        const QString key = QString::fromUtf8(line.left(eq)).trimmed();
        const QString kind = key.section(QLatin1Char('@'), 0, 0);
        if (eq < 0 || (kind != QLatin1String("sudo-password") &&
                       kind != QLatin1String("password") && kind != QLatin1String("passphrase"))) {
            *error =
                QCoreApplication::translate("DialogPrompter", "%1:%2: expected KIND[@NODE]=SECRET")
                    .arg(path)
                    .arg(lineNo);
            line.fill('\0');
            return false;
        }
        m_fileSecrets.insert(key, line.mid(eq + 1));
        line.fill('\0');
    }
    return true;
}

HostKeyDecision DialogPrompter::askHostKey(const HostKeyInfo &info)
{
    HostKeyDialog dialog(info, m_parent);
    dialog.exec();
    return dialog.decision();
}

bool DialogPrompter::askSecret(const QString &node, const QString &prompt, QByteArray *secret)
{
    const QString lower = prompt.toLower();
    const QString kind =
        lower.startsWith(QLatin1String("sudo"))
            ? QStringLiteral("sudo-password")
            : (lower.contains(QLatin1String("passphrase")) ? QStringLiteral("passphrase")
                                                           : QStringLiteral("password"));
    const auto fromFile = m_fileSecrets.constFind(kind + QLatin1Char('@') + node);
    if (fromFile != m_fileSecrets.constEnd()) {
        *secret = *fromFile;
        return true;
    }
    if (m_fileSecrets.contains(kind)) {
        *secret = m_fileSecrets.value(kind);
        return true;
    }
    const QString key = Keychain::keyFor(node, prompt);
    if (Keychain::available() && Keychain::read(key, secret) && !secret->isEmpty())
        return true;
    SecretDialog dialog(node, prompt, Keychain::available(), m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *secret = dialog.secret();
    if (dialog.rememberInKeychain())
        Keychain::write(key, *secret);
    return true;
}

} // namespace kinspect::ui
