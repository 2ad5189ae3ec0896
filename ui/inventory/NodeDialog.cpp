#include "inventory/NodeDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>

namespace kinspect::ui {

NodeDialog::NodeDialog(const NodeSpec &node, const QStringList &jumpHosts, QWidget *parent)
    : QDialog(parent), m_node(node)
{
    setObjectName(QStringLiteral("nodeDialog"));
    setWindowTitle(node.name.isEmpty() ? tr("Add node") : tr("Edit node %1").arg(node.name));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(node.name, this);
    m_name->setObjectName(QStringLiteral("nodeNameEdit"));
    m_host = new QLineEdit(node.host, this);
    m_host->setObjectName(QStringLiteral("nodeHostEdit"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("nodePortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(node.port);
    m_user = new QLineEdit(node.user, this);
    m_identity = new QLineEdit(node.identityFile, this);
    m_sudo = new QComboBox(this);
    m_sudo->addItem(tr("none (log in as root)"), int(NodeSpec::SudoMode::None));
    m_sudo->addItem(tr("nopasswd"), int(NodeSpec::SudoMode::NoPasswd));
    m_sudo->addItem(tr("password (asked when needed)"), int(NodeSpec::SudoMode::Password));
    m_sudo->setCurrentIndex(m_sudo->findData(int(node.sudo)));
    m_roles = new QLineEdit(node.roles.join(QStringLiteral(", ")), this);
    m_roles->setPlaceholderText(tr("detected when empty, e.g. control-plane, etcd, worker"));
    m_jump = new QComboBox(this);
    m_jump->addItem(tr("(direct)"), QString());
    for (const QString &j : jumpHosts)
        m_jump->addItem(j, j);
    m_jump->setCurrentIndex(qMax(0, m_jump->findData(node.jump)));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Identity file:"), m_identity);
    form->addRow(tr("&sudo:"), m_sudo);
    form->addRow(tr("&Roles:"), m_roles);
    form->addRow(tr("&Jump host:"), m_jump);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NodeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

NodeSpec NodeDialog::node() const
{
    NodeSpec n = m_node;
    n.name = m_name->text().trimmed();
    n.host = m_host->text().trimmed();
    n.port = m_port->value();
    n.user = m_user->text().trimmed();
    n.identityFile = m_identity->text().trimmed();
    n.sudo = NodeSpec::SudoMode(m_sudo->currentData().toInt());
    n.roles.clear();
    for (const QString &r : m_roles->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!r.trimmed().isEmpty())
            n.roles << r.trimmed();
    n.jump = m_jump->currentData().toString();
    return n;
}

void NodeDialog::accept()
{
    if (m_name->text().trimmed().isEmpty() || m_host->text().trimmed().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("A node needs a name and a host."));
        return;
    }
    QDialog::accept();
}

} // namespace kinspect::ui
