#include "prompts/HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kinspect::ui {

HostKeyDialog::HostKeyDialog(const HostKeyInfo &info, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown host key"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("<b>%1</b> (%2, port %3) presented a host key that is not in your known_hosts file.")
            .arg(info.node.toHtmlEscaped(), info.host.toHtmlEscaped())
            .arg(info.port),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *keyType = new QLabel(tr("Key type: %1").arg(info.keyType), this);
    layout->addWidget(keyType);
    auto *fp = new QLabel(info.fingerprint, this);
    fp->setObjectName(QStringLiteral("fingerprintLabel"));
    fp->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(fp);
    auto *advice =
        new QLabel(tr("Compare this fingerprint with the one the node prints for "
                      "<tt>ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub</tt> before you trust it.")
                       .arg(info.keyType.section(QLatin1Char('-'), 1, 1).isEmpty()
                                ? QStringLiteral("*")
                                : info.keyType.section(QLatin1Char('-'), 1, 1).toHtmlEscaped()),
                   this);
    advice->setWordWrap(true);
    layout->addWidget(advice);
    if (!info.knownHostsFile.isEmpty()) {
        auto *file = new QLabel(tr("Saving adds it to %1.").arg(info.knownHostsFile), this);
        file->setWordWrap(true);
        layout->addWidget(file);
    }
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *once = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QStringLiteral("acceptOnceButton"));
    QPushButton *save = buttons->addButton(tr("Trust and &save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("acceptSaveButton"));
    QPushButton *refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    refuse->setObjectName(QStringLiteral("refuseButton"));
    refuse->setDefault(true);
    connect(once, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::AcceptOnce;
        accept();
    });
    connect(save, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::AcceptAndSave;
        accept();
    });
    connect(refuse, &QPushButton::clicked, this, [this] {
        m_decision = HostKeyDecision::Refuse;
        reject();
    });
    layout->addWidget(buttons);
}

} // namespace kinspect::ui
