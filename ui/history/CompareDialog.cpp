#include "history/CompareDialog.h"
#include "history/ScanDiffModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace kinspect::ui {

namespace {
const QList<ScanChange::Kind> kKinds = {
    ScanChange::Kind::NewFailure,      ScanChange::Kind::Fixed,     ScanChange::Kind::StatusChanged,
    ScanChange::Kind::EvidenceChanged, ScanChange::Kind::NodeAdded, ScanChange::Kind::NodeRemoved};
}

CompareDialog::CompareDialog(const ScanDiff &diff, const QString &beforeTitle,
                             const QString &afterTitle, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare scans"));
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(tr("<b>Before:</b> %1<br><b>After:</b> %2")
                                 .arg(beforeTitle.toHtmlEscaped(), afterTitle.toHtmlEscaped()),
                             this);
    title->setObjectName(QStringLiteral("compareTitle"));
    layout->addWidget(title);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    QStringList parts;
    for (ScanChange::Kind k : kKinds)
        parts << tr("%1: %2").arg(ScanDiffModel::kindLabel(k)).arg(diff.count(k));
    m_summary->setText(diff.changes.isEmpty() ? tr("No changes between these scans.")
                                              : parts.join(QStringLiteral(" · ")));
    layout->addWidget(m_summary);

    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("compareKindFilter"));
    filterLabel->setBuddy(m_kind);
    m_kind->addItem(tr("Every change"), -1);
    for (ScanChange::Kind k : kKinds)
        m_kind->addItem(tr("%1 (%2)").arg(ScanDiffModel::kindLabel(k)).arg(diff.count(k)), int(k));
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_kind);
    filterRow->addStretch(1);
    layout->addLayout(filterRow);

    m_model = new ScanDiffModel(this);
    m_model->setDiff(diff);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // paths start alike; values are at the end
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();
    layout->addWidget(m_view, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kind->currentData().toInt();
        m_model->setKindFilter(k < 0 ? std::nullopt
                                     : std::optional<ScanChange::Kind>(ScanChange::Kind(k)));
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("compareExportButton"));
    connect(exportButton, &QPushButton::clicked, this, &CompareDialog::exportDialog);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 520);
}

bool CompareDialog::exportTo(const QString &path, const QString &format, QString *error) const
{
    QByteArray data;
    const ScanDiff &diff = m_model->diff();
    if (format == QLatin1String("json"))
        data = QJsonDocument(scanDiffToJson(diff)).toJson(QJsonDocument::Indented);
    else if (format == QLatin1String("html"))
        data = (QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>") +
                tr("Scan comparison").toHtmlEscaped() + QStringLiteral("</title></head><body>\n") +
                scanDiffHtml(diff) + QStringLiteral("\n</body></html>\n"))
                   .toUtf8();
    else if (format == QLatin1String("text"))
        data = scanDiffText(diff).toUtf8();
    else {
        if (error)
            *error = tr("Unknown comparison format %1 (text, json or html).").arg(format);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void CompareDialog::exportDialog()
{
    const QStringList filters = {tr("Text (*.txt)"), tr("JSON (*.json)"), tr("HTML (*.html)")};
    const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"),
                                 QStringLiteral("html")};
    const QStringList suffixes = {QStringLiteral("txt"), QStringLiteral("json"),
                                  QStringLiteral("html")};
    QString selected = filters[2];
    QString path = QFileDialog::getSaveFileName(this, tr("Export comparison"),
                                                QStringLiteral("kinspect-comparison.html"),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    int i = int(suffixes.indexOf(QFileInfo(path).suffix().toLower()));
    if (i < 0) {
        i = std::max(0, int(filters.indexOf(selected)));
        path += QLatin1Char('.') + suffixes[i];
    }
    QString error;
    if (!exportTo(path, formats[i], &error))
        QMessageBox::warning(this, tr("Cannot export the comparison"), error);
}

} // namespace kinspect::ui
