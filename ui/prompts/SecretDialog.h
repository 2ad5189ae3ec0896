#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace kinspect::ui {

// Asks for a password, passphrase or sudo password. The text field never echoes; the secret is
// only stored when the person ticks "remember in the system keychain" (shown only when a keychain
// is available).
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    SecretDialog(const QString &node, const QString &prompt, bool keychainAvailable,
                 QWidget *parent = nullptr);
    ~SecretDialog() override;

    QByteArray secret() const;
    bool rememberInKeychain() const;

private:
    QLineEdit *m_edit;
    QCheckBox *m_remember;
};

} // namespace kinspect::ui
