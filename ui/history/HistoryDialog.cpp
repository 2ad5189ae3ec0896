#include "history/HistoryDialog.h"
#include "history/CompareDialog.h"
#include "history/ScanListModel.h"
#include "store/ScanDiff.h"
#include "store/ScanHistory.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kinspect::ui {

namespace {
QString scanTitle(const ScanInfo &s)
{
    return HistoryDialog::tr("scan %1 of %2, %3 (%4)")
        .arg(s.id)
        .arg(s.cluster, QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat),
             s.benchmarkId);
}
} // namespace

HistoryDialog::HistoryDialog(const QString &databasePath, const QString &cluster,
                             const QString &inventory, QWidget *parent)
    : QDialog(parent), m_path(databasePath), m_cluster(cluster), m_inventory(inventory)
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Scan history"));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(this);
    where->setObjectName(QStringLiteral("historyScope"));
    where->setWordWrap(true);
    where->setText(!inventory.isEmpty() ? tr("Past scans of the inventory %1").arg(inventory)
                                        : tr("Past scans of the cluster %1").arg(cluster));
    layout->addWidget(where);

    auto *options = new QHBoxLayout;
    m_allInventories = new QCheckBox(tr("Every &inventory and cluster"), this);
    m_allInventories->setObjectName(QStringLiteral("historyAllInventories"));
    m_incomplete = new QCheckBox(tr("Show &interrupted scans"), this);
    m_incomplete->setObjectName(QStringLiteral("historyShowIncomplete"));
    options->addWidget(m_allInventories);
    options->addWidget(m_incomplete);
    options->addStretch(1);
    layout->addLayout(options);

    m_model = new ScanListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("historyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("historyOpenButton"));
    m_compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(QStringLiteral("historyCompareButton"));
    m_compare->setToolTip(tr("Select two scans, or one to compare with the scan before it."));
    m_compareShown =
        buttons->addButton(tr("Compare with &shown result"), QDialogButtonBox::ActionRole);
    m_compareShown->setObjectName(QStringLiteral("historyCompareShownButton"));
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::ActionRole);
    m_delete->setObjectName(QStringLiteral("historyDeleteButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedScans();
        if (ids.size() == 1) {
            emit openScanRequested(ids.first());
            accept();
        }
    });
    connect(m_view, &QTableView::doubleClicked, m_open, &QPushButton::click);
    connect(m_compare, &QPushButton::clicked, this, &HistoryDialog::compareSelected);
    connect(m_compareShown, &QPushButton::clicked, this, &HistoryDialog::compareWithShown);
    connect(m_delete, &QPushButton::clicked, this, &HistoryDialog::deleteSelected);
    connect(m_allInventories, &QCheckBox::toggled, this, &HistoryDialog::reload);
    connect(m_incomplete, &QCheckBox::toggled, this, &HistoryDialog::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryDialog::updateButtons);
    reload();
    resize(760, 420);
}

void HistoryDialog::setShownResult(const ClusterResult &result, const QString &title)
{
    m_shown = result;
    m_shownTitle = title;
    updateButtons();
}

QString HistoryDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void HistoryDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool HistoryDialog::reload()
{
    ScanHistory h;
    if (auto e = h.open(m_path)) {
        setError(tr("Cannot open the scan history: %1").arg(e->toString()));
        m_model->setScans({});
        updateButtons();
        return false;
    }
    const bool all = m_allInventories->isChecked();
    // An inventory file names the scans best; without one, the cluster name.
    auto list = h.listScans(all || !m_inventory.isEmpty() ? QString() : m_cluster,
                            all ? QString() : m_inventory, m_incomplete->isChecked());
    if (!list) {
        setError(tr("Cannot read the scan history: %1").arg(list.error().toString()));
        return false;
    }
    setError(list->isEmpty() ? tr("No scans stored yet: every scan you run is kept here.")
                             : QString());
    m_model->setScans(*list);
    m_view->resizeColumnsToContents();
    updateButtons();
    return true;
}

void HistoryDialog::selectScans(const QList<qint64> &ids)
{
    QItemSelection sel;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (ids.contains(m_model->scanAt(r)->id))
            sel.select(m_model->index(r, 0), m_model->index(r, ScanListModel::ColumnCount - 1));
    m_view->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
}

QList<qint64> HistoryDialog::selectedScans() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        ids << m_model->scanAt(i.row())->id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

void HistoryDialog::updateButtons()
{
    const qsizetype n = selectedScans().size();
    m_open->setEnabled(n == 1);
    m_compare->setEnabled(n == 1 || n == 2);
    m_compareShown->setEnabled(n == 1 && m_shown.has_value());
    m_delete->setEnabled(n == 1);
}

CompareDialog *HistoryDialog::makeComparison(qint64 before, std::optional<qint64> after)
{
    ScanHistory h;
    if (auto e = h.open(m_path)) {
        setError(tr("Cannot open the scan history: %1").arg(e->toString()));
        return nullptr;
    }
    auto b = h.loadScan(before);
    if (!b) {
        setError(tr("Cannot load scan %1: %2").arg(before).arg(b.error().toString()));
        return nullptr;
    }
    ClusterResult afterResult;
    QString afterTitle;
    ScanDiff diff;
    if (after) {
        auto a = h.loadScan(*after);
        if (!a) {
            setError(tr("Cannot load scan %1: %2").arg(*after).arg(a.error().toString()));
            return nullptr;
        }
        diff = compareScans(b->result, a->result);
        diff.afterId = *after;
        afterTitle = scanTitle(a->info);
    } else if (m_shown) {
        diff = compareScans(b->result, *m_shown);
        afterTitle = m_shownTitle;
    } else {
        return nullptr;
    }
    diff.beforeId = before;
    setError(QString());
    return new CompareDialog(diff, scanTitle(b->info), afterTitle, this);
}

void HistoryDialog::compareSelected()
{
    const QList<qint64> ids = selectedScans();
    std::optional<qint64> before, after;
    if (ids.size() == 2) {
        before = ids[0];
        after = ids[1];
    } else if (ids.size() == 1) {
        ScanHistory h;
        if (!h.open(m_path))
            before = h.previousScan(ids[0]);
        after = ids[0];
        if (!before) {
            setError(tr("Scan %1 has no earlier complete scan of its cluster to compare with.")
                         .arg(ids[0]));
            return;
        }
    } else {
        return;
    }
    if (CompareDialog *d = makeComparison(*before, after)) {
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    }
}

void HistoryDialog::compareWithShown()
{
    const QList<qint64> ids = selectedScans();
    if (ids.size() != 1 || !m_shown)
        return;
    if (CompareDialog *d = makeComparison(ids.first(), std::nullopt)) {
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    }
}

void HistoryDialog::deleteSelected()
{
    const QList<qint64> ids = selectedScans();
    if (ids.size() != 1)
        return;
    if (QMessageBox::question(
            this, tr("Delete scan"),
            tr("Delete scan %1 and its snapshots from the history?").arg(ids.first())) !=
        QMessageBox::Yes)
        return;
    ScanHistory h;
    std::optional<Error> e = h.open(m_path);
    if (!e)
        e = h.deleteScan(ids.first());
    if (e)
        setError(tr("Cannot delete scan %1: %2").arg(ids.first()).arg(e->toString()));
    reload();
}

} // namespace kinspect::ui
