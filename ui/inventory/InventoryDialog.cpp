#include "inventory/InventoryDialog.h"

#include "catalog/CatalogLoader.h"
#include "inventory/InventoryNodesModel.h"
#include "inventory/NodeDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace kinspect::ui {

InventoryDialog::InventoryDialog(const Inventory &inventory, QWidget *parent)
    : QDialog(parent), m_inventory(inventory)
{
    setObjectName(QStringLiteral("inventoryDialog"));
    setWindowTitle(tr("Edit inventory"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);

    auto *general = new QFormLayout;
    m_cluster = new QLineEdit(inventory.cluster, this);
    m_cluster->setObjectName(QStringLiteral("clusterEdit"));
    general->addRow(tr("&Cluster:"), m_cluster);
    m_benchmark = new QComboBox(this);
    m_benchmark->addItem(tr("Automatic (by Kubernetes version)"), QString());
    for (const QString &id : CatalogLoader::builtinIds())
        m_benchmark->addItem(id, id);
    m_benchmark->setCurrentIndex(qMax(0, m_benchmark->findData(inventory.benchmark)));
    general->addRow(tr("&Benchmark:"), m_benchmark);
    layout->addLayout(general);

    auto *defaultsBox = new QGroupBox(tr("Defaults for every node"), this);
    auto *defaults = new QFormLayout(defaultsBox);
    m_user = new QLineEdit(inventory.defaults.user, defaultsBox);
    m_user->setObjectName(QStringLiteral("defaultUserEdit"));
    m_port = new QSpinBox(defaultsBox);
    m_port->setRange(1, 65535);
    m_port->setValue(inventory.defaults.port);
    m_identity = new QLineEdit(inventory.defaults.identityFile, defaultsBox);
    m_sudo = new QComboBox(defaultsBox);
    m_sudo->addItem(tr("none"), int(NodeSpec::SudoMode::None));
    m_sudo->addItem(tr("nopasswd"), int(NodeSpec::SudoMode::NoPasswd));
    m_sudo->addItem(tr("password"), int(NodeSpec::SudoMode::Password));
    m_sudo->setCurrentIndex(m_sudo->findData(int(inventory.defaults.sudo)));
    defaults->addRow(tr("&User:"), m_user);
    defaults->addRow(tr("&Port:"), m_port);
    defaults->addRow(tr("&Identity file:"), m_identity);
    defaults->addRow(tr("&sudo:"), m_sudo);
    layout->addWidget(defaultsBox);

    m_nodes = new InventoryNodesModel(this);
    m_nodes->setNodes(inventory.nodes);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("inventoryNodesView"));
    m_view->setModel(m_nodes);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QTableView::doubleClicked, this, &InventoryDialog::editNode);
    auto *row = new QHBoxLayout;
    row->addWidget(m_view, 1);
    auto *buttons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addNodeButton"));
    auto *edit = new QPushButton(tr("&Edit…"), this);
    edit->setObjectName(QStringLiteral("editNodeButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeNodeButton"));
    connect(add, &QPushButton::clicked, this, &InventoryDialog::addNode);
    connect(edit, &QPushButton::clicked, this, &InventoryDialog::editNode);
    connect(remove, &QPushButton::clicked, this, &InventoryDialog::removeNode);
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row, 1);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
}

Inventory InventoryDialog::inventory() const
{
    Inventory inv = m_inventory;
    inv.cluster = m_cluster->text().trimmed();
    inv.benchmark = m_benchmark->currentData().toString();
    const NodeSpec old = m_inventory.defaults;
    inv.defaults.user = m_user->text().trimmed();
    inv.defaults.port = m_port->value();
    inv.defaults.identityFile = m_identity->text().trimmed();
    inv.defaults.sudo = NodeSpec::SudoMode(m_sudo->currentData().toInt());
    // Nodes that used the old defaults follow the new ones (the file stores only differences).
    inv.nodes = m_nodes->nodes();
    for (NodeSpec &n : inv.nodes) {
        if (n.user == old.user)
            n.user = inv.defaults.user;
        if (n.port == old.port)
            n.port = inv.defaults.port;
        if (n.identityFile == old.identityFile)
            n.identityFile = inv.defaults.identityFile;
        if (n.sudo == old.sudo)
            n.sudo = inv.defaults.sudo;
    }
    return inv;
}

void InventoryDialog::addNode()
{
    NodeSpec n = m_inventory.defaults;
    n.name.clear();
    n.host.clear();
    n.roles.clear();
    n.user = m_user->text().trimmed();
    n.port = m_port->value();
    n.identityFile = m_identity->text().trimmed();
    n.sudo = NodeSpec::SudoMode(m_sudo->currentData().toInt());
    QStringList jumps;
    for (const JumpHost &j : m_inventory.jumpHosts)
        jumps << j.name;
    NodeDialog dialog(n, jumps, this);
    if (dialog.exec() == QDialog::Accepted)
        m_nodes->addNode(dialog.node());
}

void InventoryDialog::editNode()
{
    const int row = m_view->currentIndex().row();
    if (row < 0)
        return;
    QStringList jumps;
    for (const JumpHost &j : m_inventory.jumpHosts)
        jumps << j.name;
    NodeDialog dialog(m_nodes->nodes().at(row), jumps, this);
    if (dialog.exec() == QDialog::Accepted)
        m_nodes->replaceNode(row, dialog.node());
}

void InventoryDialog::removeNode()
{
    const int row = m_view->currentIndex().row();
    if (row >= 0)
        m_nodes->removeNode(row);
}

} // namespace kinspect::ui
