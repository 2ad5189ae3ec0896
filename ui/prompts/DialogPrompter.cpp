#include "prompts/DialogPrompter.h"

#include "prompts/HostKeyDialog.h"
#include "prompts/Keychain.h"
#include "prompts/SecretDialog.h"

#include <QCoreApplication>
#include <QFile>

namespace kinspect::ui {

DialogPrompter::DialogPrompter(QWidget *parent) : m_parent(parent) {}

DialogPrompter::~DialogPrompter() = default; // m_fileSecrets wipes its values

bool DialogPrompter::loadSecretsFile(const QString &path, QString *error)
{
    return m_fileSecrets.load(path, error);
}

HostKeyDecision DialogPrompter::askHostKey(const HostKeyInfo &info)
{
    HostKeyDialog dialog(info, m_parent);
    dialog.exec();
    return dialog.decision();
}

bool DialogPrompter::askSecret(const QString &node, const QString &prompt, QByteArray *secret)
{
    if (m_fileSecrets.lookup(secretKindOf(prompt), node, secret))
        return true;
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
