#include "detail/DetailPane.h"

#include "common/CatalogText.h"
#include "common/StatusStyle.h"
#include "detail/EvidenceModel.h"
#include "prompts/ErrorAdvice.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kinspect::ui {

DetailPane::DetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("detailVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_verdict);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_text = new QTextBrowser(split);
    m_text->setObjectName(QStringLiteral("detailText"));
    m_text->setOpenExternalLinks(true);
    auto *evidenceBox = new QWidget(split);
    auto *ev = new QVBoxLayout(evidenceBox);
    ev->setContentsMargins(0, 0, 0, 0);
    m_evidenceLabel = new QLabel(evidenceBox);
    ev->addWidget(m_evidenceLabel);
    m_evidence = new EvidenceModel(this);
    m_evidenceView = new QTableView(evidenceBox);
    m_evidenceView->setObjectName(QStringLiteral("evidenceView"));
    m_evidenceView->setModel(m_evidence);
    m_evidenceView->verticalHeader()->hide();
    m_evidenceView->horizontalHeader()->setStretchLastSection(true);
    m_evidenceView->setWordWrap(false);
    m_evidenceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    ev->addWidget(m_evidenceView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    retranslate();
    clear();
}

void DetailPane::retranslate()
{
    m_evidenceLabel->setText(tr("Evidence on the selected node"));
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DetailPane::clear()
{
    m_controlId.clear();
    m_title->setText(tr("Select a control or a cell of the matrix."));
    m_verdict->clear();
    m_text->clear();
    m_evidence->setEvidence({});
}

void DetailPane::showNodeError(const QString &node, const QString &errorKind,
                               const QString &message)
{
    const ErrorAdvice advice = ErrorAdvice::forKind(errorKind);
    m_controlId.clear();
    m_title->setText(tr("%1 could not be audited").arg(node));
    m_verdict->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(StatusStyle::color(Status::Fail).name(), advice.title.toHtmlEscaped()));
    m_text->setHtml(QStringLiteral("<h3>%1</h3><p style=\"font-family: monospace;\">%2</p>"
                                   "<h3>%3</h3><p>%4</p>")
                        .arg(tr("What happened").toHtmlEscaped(), message.toHtmlEscaped(),
                             tr("What to do next").toHtmlEscaped(),
                             advice.nextStep.toHtmlEscaped()));
    m_evidence->setEvidence({});
}

QString DetailPane::html() const
{
    return m_text->toHtml();
}

QString DetailPane::controlHtml(const Benchmark &benchmark, const Control &c)
{
    QString html;
    const auto section = [&html](const QString &heading, const QString &body) {
        if (body.trimmed().isEmpty())
            return;
        html += QStringLiteral("<h3>") + heading.toHtmlEscaped() + QStringLiteral("</h3>") + body;
    };
    html += QStringLiteral("<p><i>") +
            tr("%1 · section %2 %3 · %4")
                .arg(benchmark.title.toHtmlEscaped(), c.sectionId,
                     benchmark.sectionTitle(c.sectionId).toHtmlEscaped(),
                     c.automated ? tr("automated") : tr("manual"))
                .toHtmlEscaped() +
            QStringLiteral("</i></p>");
    section(tr("Description"), catalogTextToHtml(c.description));
    section(tr("Rationale"), catalogTextToHtml(c.rationale));
    section(tr("Audit"), catalogTextToHtml(c.audit));
    section(tr("Remediation"), catalogTextToHtml(c.remediation));
    section(tr("Impact"), catalogTextToHtml(c.impact));
    section(tr("Default value"), catalogTextToHtml(c.defaultValue));
    section(tr("References"), referencesToHtml(c.references));
    if (!c.cisControls.isEmpty()) {
        QString cis = QStringLiteral("<ul>");
        for (const CisControlRef &ref : c.cisControls)
            cis += QStringLiteral("<li>") +
                   tr("Version %1 · %2 %3")
                       .arg(ref.version)
                       .arg(ref.id.toHtmlEscaped(), ref.title.toHtmlEscaped()) +
                   QStringLiteral("</li>");
        section(tr("CIS Controls"), cis + QStringLiteral("</ul>"));
    }
    return html;
}

void DetailPane::showControl(const Benchmark &benchmark, const Control &control,
                             const NodeResult *node, const ControlResult *result)
{
    m_controlId = control.id;
    m_title->setText(control.id + QStringLiteral("  ") + control.title);
    if (node && result) {
        QString text =
            QStringLiteral("<b>%1</b>: <span style=\"color:%2\">%3</span> — %4")
                .arg(node->name.toHtmlEscaped(), StatusStyle::color(result->status).name(),
                     StatusStyle::label(result->status).toHtmlEscaped(),
                     result->reason.toHtmlEscaped());
        if (result->manualHint)
            text += QStringLiteral("<br>") +
                    tr("The collected data suggests: %1")
                        .arg(StatusStyle::label(*result->manualHint).toHtmlEscaped());
        if (result->waiver) {
            // WAIVED (or an expired waiver that no longer hides the FAIL): say who and why.
            const AppliedWaiver &w = *result->waiver;
            const bool expired = result->status != Status::Waived;
            text += QStringLiteral("<br>") +
                    (expired ? tr("Waiver %1 (%2) <b>expired</b> after %3: %4")
                             : tr("Waived by %1 (%2) until %3: %4"))
                        .arg(w.id.toHtmlEscaped(), w.owner.toHtmlEscaped(),
                             w.expires.toString(Qt::ISODate), w.justification.toHtmlEscaped());
        }
        if (!result->remediationFile.isEmpty())
            text += QStringLiteral("<br>") + tr("A fix would edit <tt>%1</tt> on this node.")
                                                 .arg(result->remediationFile.toHtmlEscaped());
        m_verdict->setText(text);
        m_evidence->setEvidence(result->evidence);
    } else if (node && !node->audited) {
        m_verdict->setText(
            tr("<b>%1</b> was not audited: %2")
                .arg(node->name.toHtmlEscaped(), node->errorMessage.toHtmlEscaped()));
        m_evidence->setEvidence({});
    } else {
        m_verdict->setText(tr("Select a node's cell to see its verdict and evidence."));
        m_evidence->setEvidence({});
    }
    m_text->setHtml(controlHtml(benchmark, control));
    m_evidenceView->resizeColumnsToContents();
}

} // namespace kinspect::ui
