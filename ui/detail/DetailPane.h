#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTextBrowser;

namespace kinspect::ui {

class EvidenceModel;

// The detail of a control: its catalog sections (Description, Rationale, Audit, Remediation,
// Impact, Default value, References, CIS Controls) and, for the selected node, the verdict's
// reason and its evidence table.
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);

    // `node`/`result` may be null (no node selected or no result for it).
    void showControl(const Benchmark &benchmark, const Control &control, const NodeResult *node,
                     const ControlResult *result);
    void clear();
    // A node that could not be audited: what happened and what to do next.
    void showNodeError(const QString &node, const QString &errorKind, const QString &message);

    QString controlId() const { return m_controlId; }
    QString html() const;
    EvidenceModel *evidenceModel() const { return m_evidence; }

    static QString controlHtml(const Benchmark &benchmark, const Control &control);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_controlId;
    QLabel *m_title;
    QLabel *m_verdict;
    QTextBrowser *m_text;
    QLabel *m_evidenceLabel;
    QTableView *m_evidenceView;
    EvidenceModel *m_evidence;
};

} // namespace kinspect::ui
