#include "waivers/WaiverEditDialog.h"
#include "store/ScanHistory.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace kinspect::ui {

WaiverEditDialog::WaiverEditDialog(const QString &controlId, const QString &controlTitle,
                                   const QString &node, const QStringList &roles,
                                   const QStringList &takenIds, QWidget *parent)
    : QDialog(parent), m_taken(takenIds), m_controlId(controlId)
{
    setObjectName(QStringLiteral("waiverEditDialog"));
    setWindowTitle(tr("Waive a failure"));
    auto *form = new QFormLayout(this);
    auto *control = new QLabel(
        QStringLiteral("<b>%1</b> %2").arg(controlId.toHtmlEscaped(), controlTitle.toHtmlEscaped()),
        this);
    control->setWordWrap(true);
    form->addRow(tr("Control:"), control);

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("waiverId"));
    QString id = QStringLiteral("W-%1").arg(controlId);
    if (!node.isEmpty())
        id += QLatin1Char('-') + node;
    for (int n = 2; m_taken.contains(id); ++n)
        id = QStringLiteral("W-%1-%2").arg(controlId).arg(n);
    m_id->setText(id);
    form->addRow(tr("&ID:"), m_id);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("waiverScope"));
    if (!node.isEmpty())
        m_scope->addItem(tr("Only node %1").arg(node), QStringList{node});
    for (const QString &r : roles)
        m_scope->addItem(tr("Every node with role %1").arg(r), QStringList{r});
    m_scope->addItem(tr("Every node"), QStringList());
    form->addRow(tr("&Applies to:"), m_scope);

    m_justification = new QPlainTextEdit(this);
    m_justification->setObjectName(QStringLiteral("waiverJustification"));
    m_justification->setPlaceholderText(
        tr("Why the risk is accepted (ticket, compensating control)"));
    m_justification->setTabChangesFocus(true);
    form->addRow(tr("&Justification:"), m_justification);

    m_owner = new QLineEdit(currentUserAtHost(), this);
    m_owner->setObjectName(QStringLiteral("waiverOwner"));
    form->addRow(tr("&Owner:"), m_owner);

    m_expires = new QDateEdit(QDate::currentDate().addDays(90), this);
    m_expires->setObjectName(QStringLiteral("waiverExpires"));
    m_expires->setCalendarPopup(true);
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expires->setMinimumDate(QDate::currentDate());
    m_expires->setToolTip(tr("The last day the waiver holds; after it the failure counts again."));
    form->addRow(tr("&Expires after:"), m_expires);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("waiverProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    form->addRow(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Waive"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    connect(m_id, &QLineEdit::textChanged, this, &WaiverEditDialog::validate);
    connect(m_owner, &QLineEdit::textChanged, this, &WaiverEditDialog::validate);
    connect(m_justification, &QPlainTextEdit::textChanged, this, &WaiverEditDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

QString WaiverEditDialog::problem() const
{
    const QString id = m_id->text().trimmed();
    if (id.isEmpty())
        return tr("Give the waiver an ID.");
    if (m_taken.contains(id))
        return tr("The ID %1 is already used by another waiver.").arg(id);
    if (m_justification->toPlainText().trimmed().isEmpty())
        return tr("Say why the risk is accepted.");
    if (m_owner->text().trimmed().isEmpty())
        return tr("Name the owner who accepts the risk.");
    return QString();
}

void WaiverEditDialog::validate()
{
    const QString p = problem();
    m_problem->setText(p);
    m_ok->setEnabled(p.isEmpty());
}

Waiver WaiverEditDialog::waiver() const
{
    Waiver w;
    w.id = m_id->text().trimmed();
    w.controlId = m_controlId;
    w.nodes = m_scope->currentData().toStringList();
    w.justification = m_justification->toPlainText().trimmed();
    w.owner = m_owner->text().trimmed();
    w.expires = m_expires->date();
    w.created = QDateTime::currentDateTimeUtc();
    return w;
}

} // namespace kinspect::ui
