#include "waivers/WaiversDialog.h"
#include "store/ScanHistory.h"
#include "waivers/WaiverEditDialog.h"
#include "waivers/WaiverModel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace kinspect::ui {

WaiversDialog::WaiversDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_path(databasePath)
{
    setObjectName(QStringLiteral("waiversDialog"));
    setWindowTitle(tr("Waivers"));
    auto *layout = new QVBoxLayout(this);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("waiversInfo"));
    m_info->setWordWrap(true);
    layout->addWidget(m_info);

    m_model = new WaiverModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("waiversView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("waiversError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *add = buttons->addButton(tr("&Add…"), QDialogButtonBox::ActionRole);
    add->setObjectName(QStringLiteral("waiversAddButton"));
    m_remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::ActionRole);
    m_remove->setObjectName(QStringLiteral("waiversRemoveButton"));
    auto *import = buttons->addButton(tr("&Import YAML…"), QDialogButtonBox::ActionRole);
    import->setObjectName(QStringLiteral("waiversImportButton"));
    auto *exportButton = buttons->addButton(tr("E&xport YAML…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("waiversExportButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &WaiversDialog::addDialog);
    connect(m_remove, &QPushButton::clicked, this, &WaiversDialog::removeSelected);
    connect(import, &QPushButton::clicked, this, &WaiversDialog::importDialog);
    connect(exportButton, &QPushButton::clicked, this, &WaiversDialog::exportDialog);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WaiversDialog::updateButtons);
    reload();
    resize(860, 400);
}

void WaiversDialog::setControls(const QStringList &ids, const QStringList &titles)
{
    m_controlIds = ids;
    m_controlTitles = titles;
}

void WaiversDialog::setCell(const QString &controlId, const QString &node, const QStringList &roles)
{
    m_cellControl = controlId;
    m_cellNode = node;
    m_cellRoles = roles;
}

QString WaiversDialog::errorText() const
{
    return m_error->text();
}

void WaiversDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void WaiversDialog::updateButtons()
{
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
}

bool WaiversDialog::reload()
{
    ScanHistory h;
    if (auto e = h.open(m_path)) {
        setError(tr("Cannot open the scan history: %1").arg(e->toString()));
        return false;
    }
    auto list = h.waivers();
    if (!list) {
        setError(tr("Cannot read the waivers: %1").arg(list.error().toString()));
        return false;
    }
    m_model->setWaivers(*list);
    m_view->resizeColumnsToContents();
    int expired = 0;
    for (const Waiver &w : *list)
        expired += w.expiredOn(QDate::currentDate());
    m_info->setText(tr("%n waiver(s) stored with the scan history.", nullptr, int(list->size())) +
                    (expired > 0
                         ? QLatin1Char(' ') + tr("%n expired: the failures they covered count "
                                                 "again.",
                                                 nullptr, expired)
                         : QString()));
    updateButtons();
    return true;
}

bool WaiversDialog::addWaiver(const Waiver &waiver)
{
    ScanHistory h;
    std::optional<Error> e = h.open(m_path);
    if (!e)
        e = h.saveWaiver(waiver);
    if (e) {
        setError(tr("Cannot store the waiver %1: %2").arg(waiver.id, e->toString()));
        return false;
    }
    setError(QString());
    reload();
    emit waiversChanged();
    return true;
}

bool WaiversDialog::removeWaiver(const QString &id)
{
    ScanHistory h;
    std::optional<Error> e = h.open(m_path);
    if (!e)
        e = h.removeWaiver(id);
    if (e) {
        setError(tr("Cannot remove the waiver %1: %2").arg(id, e->toString()));
        return false;
    }
    setError(QString());
    reload();
    emit waiversChanged();
    return true;
}

bool WaiversDialog::importFile(const QString &path)
{
    auto list = loadWaiversFile(path);
    if (!list) {
        // The loader's message names the file and the line.
        setError(tr("Nothing imported. %1").arg(list.error().toString()));
        return false;
    }
    ScanHistory h;
    std::optional<Error> e = h.open(m_path);
    if (!e) {
        auto stored = h.waivers();
        QList<Waiver> merged = stored ? *stored : QList<Waiver>();
        for (const Waiver &w : *list) {
            auto it = std::find_if(merged.begin(), merged.end(),
                                   [&](const Waiver &m) { return m.id == w.id; });
            if (it != merged.end())
                *it = w;
            else
                merged << w;
        }
        e = h.replaceWaivers(merged); // one transaction: all or nothing
    }
    if (e) {
        setError(tr("Cannot import %1: %2").arg(path, e->toString()));
        return false;
    }
    setError(QString());
    reload();
    m_info->setText(m_info->text() + QLatin1Char(' ') +
                    tr("Imported %n waiver(s) from %1.", nullptr, int(list->size())).arg(path));
    emit waiversChanged();
    return true;
}

bool WaiversDialog::exportFile(const QString &path)
{
    const QByteArray yaml = waiversToYaml(m_model->waivers());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(yaml) != yaml.size() || !f.commit()) {
        setError(tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    setError(QString());
    return true;
}

void WaiversDialog::addDialog()
{
    QString control = m_cellControl;
    QString node = m_cellNode;
    QStringList roles = m_cellRoles;
    if (control.isEmpty()) {
        if (m_controlIds.isEmpty()) {
            setError(tr("Open a result first: a waiver names one of its benchmark's controls."));
            return;
        }
        bool ok = false;
        control = QInputDialog::getItem(this, tr("Waive a failure"), tr("Control:"), m_controlIds,
                                        0, false, &ok);
        if (!ok)
            return;
        node.clear();
        roles.clear();
    }
    QStringList taken;
    for (const Waiver &w : m_model->waivers())
        taken << w.id;
    const QString title = m_controlTitles.value(int(m_controlIds.indexOf(control)));
    WaiverEditDialog dialog(control, title, node, roles, taken, this);
    if (dialog.exec() == QDialog::Accepted)
        addWaiver(dialog.waiver());
}

void WaiversDialog::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    removeWaiver(m_model->waiverAt(rows.first().row())->id);
}

void WaiversDialog::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import waivers"), QString(),
                                                      tr("Waivers (*.yaml *.yml)"));
    if (!path.isEmpty())
        importFile(path);
}

void WaiversDialog::exportDialog()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export waivers"), QStringLiteral("waivers.yaml"), tr("Waivers (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
        path += QStringLiteral(".yaml");
    if (exportFile(path))
        m_info->setText(tr("Waivers written to %1").arg(path));
}

} // namespace kinspect::ui
