#pragma once

#include "store/Waiver.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace kinspect::ui {

// Records a new waiver: the control, its scope (one node, a role of that node, or every node),
// a justification, an owner and the last day it holds. OK stays disabled until it is complete.
class WaiverEditDialog : public QDialog
{
    Q_OBJECT

public:
    // `node`/`roles`: the node the FAIL cell belongs to (may be empty); `takenIds` must not be
    // reused.
    WaiverEditDialog(const QString &controlId, const QString &controlTitle, const QString &node,
                     const QStringList &roles, const QStringList &takenIds,
                     QWidget *parent = nullptr);

    Waiver waiver() const;
    // Why the waiver is not complete yet ("" when it is).
    QString problem() const;

private:
    void validate();

    QStringList m_taken;
    QString m_controlId;
    QLineEdit *m_id;
    QComboBox *m_scope;
    QPlainTextEdit *m_justification;
    QLineEdit *m_owner;
    QDateEdit *m_expires;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
};

} // namespace kinspect::ui
