#include "prompts/SecretDialog.h"

#include "util/SecureMemory.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace kinspect::ui {

SecretDialog::SecretDialog(const QString &node, const QString &prompt, bool keychainAvailable,
                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretDialog"));
    const QString lower = prompt.toLower();
    if (lower.startsWith(QLatin1String("sudo")))
        setWindowTitle(tr("sudo password for %1").arg(node));
    else if (lower.contains(QLatin1String("passphrase")))
        setWindowTitle(tr("Key passphrase for %1").arg(node));
    else
        setWindowTitle(tr("Password for %1").arg(node));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Node <b>%1</b> asks:").arg(node.toHtmlEscaped()), this);
    layout->addWidget(label);
    auto *promptLabel = new QLabel(prompt, this);
    promptLabel->setObjectName(QStringLiteral("promptLabel"));
    promptLabel->setWordWrap(true);
    promptLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(promptLabel);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("secretEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_edit);
    m_remember = new QCheckBox(tr("Remember in the system &keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setVisible(keychainAvailable);
    layout->addWidget(m_remember);
    auto *note = new QLabel(tr("Kinspect never writes secrets to disk or to its logs."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

SecretDialog::~SecretDialog()
{
    // Wipe the line edit's buffer in place before the widget goes away: text() shares it.
    // (Setting other text instead would free the secret's buffer unwiped.)
    QString text = m_edit->text();
    secureZero(text);
    m_edit->clear();
}

QByteArray SecretDialog::secret() const
{
    return m_edit->text().toUtf8();
}

bool SecretDialog::rememberInKeychain() const
{
    return m_remember->isVisible() && m_remember->isChecked();
}

} // namespace kinspect::ui
