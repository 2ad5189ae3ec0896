#pragma once

#include "prompts/IPrompter.h"

#include "ssh/SecretsFile.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

namespace kinspect::ui {

// The product's IPrompter: HostKeyDialog and SecretDialog over the main window, the keychain
// consulted first for secrets the person chose to remember, and secrets from a secrets file
// (`--secrets-file`, lines KIND[@NODE]=SECRET as kinspect-cli reads them) answered without asking.
class DialogPrompter : public IPrompter
{
public:
    explicit DialogPrompter(QWidget *parent);
    ~DialogPrompter() override;

    bool loadSecretsFile(const QString &path, QString *error);

    HostKeyDecision askHostKey(const HostKeyInfo &info) override;
    bool askSecret(const QString &node, const QString &prompt, QByteArray *secret) override;

private:
    QPointer<QWidget> m_parent;
    SecretsFile m_fileSecrets;
};

} // namespace kinspect::ui
