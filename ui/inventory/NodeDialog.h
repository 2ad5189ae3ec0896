#pragma once

#include "inventory/Inventory.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace kinspect::ui {

// Adds or edits one node of the inventory.
class NodeDialog : public QDialog
{
    Q_OBJECT

public:
    NodeDialog(const NodeSpec &node, const QStringList &jumpHosts, QWidget *parent = nullptr);
    NodeSpec node() const;

    void accept() override;

private:
    NodeSpec m_node;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_identity;
    QComboBox *m_sudo;
    QLineEdit *m_roles;
    QComboBox *m_jump;
};

} // namespace kinspect::ui
