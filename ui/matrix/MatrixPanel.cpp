#include "matrix/MatrixPanel.h"

#include "common/StatusStyle.h"
#include "matrix/MatrixFilterModel.h"
#include "matrix/MatrixModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace kinspect::ui {

namespace {

// One row height for the tree and its frozen columns (uniform row heights are measured from the
// first row's visible cells, which differ between the two views).
class RowHeightDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    int height = 20;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(height);
        return s;
    }
};

// Status filter choices: item data is a bit set of Status values (0 = all).
int bits(std::initializer_list<Status> statuses)
{
    int b = 0;
    for (Status s : statuses)
        b |= 1 << int(s);
    return b;
}

} // namespace

MatrixPanel::MatrixPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("matrixPanel"));
    m_model = new MatrixModel(this);
    m_filter = new MatrixFilterModel(this);
    m_filter->setMatrixModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilterCombo"));
    m_outliers = new QCheckBox(this);
    m_outliers->setObjectName(QStringLiteral("outliersCheck"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleFilterCombo"));
    m_section = new QComboBox(this);
    m_section->setObjectName(QStringLiteral("sectionFilterCombo"));
    m_section->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_worst = new QCheckBox(this);
    m_worst->setObjectName(QStringLiteral("worstFirstCheck"));
    bar->addWidget(m_search, 2);
    bar->addWidget(m_status);
    bar->addWidget(m_role);
    bar->addWidget(m_section, 1);
    bar->addWidget(m_outliers);
    bar->addWidget(m_worst);
    layout->addLayout(bar);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("matrixView"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setIconSize(QSize(16, 16));
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionsMovable(false);
    m_view->header()->setDefaultAlignment(Qt::AlignCenter);
    layout->addWidget(m_view, 1);

    m_frozen = new QTreeView(m_view);
    m_frozen->setObjectName(QStringLiteral("matrixFrozenColumns"));
    m_frozen->setModel(m_filter);
    m_frozen->setSelectionModel(m_view->selectionModel());
    m_frozen->setUniformRowHeights(true);
    m_frozen->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_frozen->setSelectionMode(QAbstractItemView::SingleSelection);
    m_frozen->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setIconSize(m_view->iconSize());
    m_frozen->setAlternatingRowColors(true);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->header()->setStretchLastSection(false);
    m_frozen->header()->setSectionsMovable(false);
    m_frozen->header()->setDefaultAlignment(Qt::AlignCenter);
    m_view->viewport()->stackUnder(m_frozen);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_frozen->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_frozen->verticalScrollBar(), &QScrollBar::valueChanged, m_view->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_frozen, &QTreeView::expanded, m_view, &QTreeView::expand);
    connect(m_frozen, &QTreeView::collapsed, m_view, &QTreeView::collapse);
    connect(m_view, &QTreeView::expanded, m_frozen, &QTreeView::expand);
    connect(m_view, &QTreeView::collapsed, m_frozen, &QTreeView::collapse);
    connect(m_view->header(), &QHeaderView::sectionResized, this,
            [this](int logical, int, int size) {
                if (logical <= MatrixModel::AggregateColumn) {
                    m_frozen->setColumnWidth(logical, size);
                    updateFrozenGeometry();
                }
            });
    connect(m_frozen->header(), &QHeaderView::sectionResized, this,
            [this](int logical, int, int size) {
                if (logical <= MatrixModel::AggregateColumn)
                    m_view->setColumnWidth(logical, size);
            });
    connect(m_frozen, &QTreeView::activated, this,
            [this](const QModelIndex &index) { emitFor(index, true); });
    connect(m_frozen, &QTreeView::doubleClicked, this,
            [this](const QModelIndex &index) { emitFor(index, true); });
    connect(m_filter, &QAbstractItemModel::columnsInserted, this,
            &MatrixPanel::updateFrozenColumns);
    connect(m_filter, &QAbstractItemModel::columnsRemoved, this, &MatrixPanel::updateFrozenColumns);
    m_view->installEventFilter(this);
    auto *rows = new RowHeightDelegate(this);
    rows->height = qMax(m_view->fontMetrics().height(), m_view->iconSize().height()) + 6;
    m_view->setItemDelegate(rows);
    m_frozen->setItemDelegate(rows);

    connect(m_search, &QLineEdit::textChanged, m_filter, &MatrixFilterModel::setSearchText);
    connect(m_status, &QComboBox::currentIndexChanged, this, &MatrixPanel::applyStatusFilter);
    connect(m_outliers, &QCheckBox::toggled, m_filter, &MatrixFilterModel::setOutliersOnly);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRoleFilter(m_role->currentData().toString());
        fixColumnWidths();
    });
    connect(m_section, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSectionFilter(m_section->currentData().toString()); });
    connect(m_worst, &QCheckBox::toggled, this, &MatrixPanel::setWorstFirst);
    // Filtering can bring back collapsed sections: keep them open.
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MatrixPanel::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MatrixPanel::expandAll);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        updateFrozenColumns();
        expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { emitFor(current, false); });
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex &index) { emitFor(index, true); });
    connect(m_view, &QTreeView::doubleClicked, this,
            [this](const QModelIndex &index) { emitFor(index, true); });
    retranslate();
}

void MatrixPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search control id or text (Ctrl+F)"));
    const int status = qMax(0, m_status->currentIndex());
    m_status->blockSignals(true);
    m_status->clear();
    m_status->addItem(tr("All statuses"), 0);
    m_status->addItem(tr("Not passing"), bits({Status::Fail, Status::Error, Status::Manual}));
    for (Status s : StatusStyle::worstFirst())
        m_status->addItem(StatusStyle::icon(s), StatusStyle::label(s), bits({s}));
    m_status->setCurrentIndex(status);
    m_status->blockSignals(false);
    m_outliers->setText(tr("Nodes disagree"));
    m_outliers->setToolTip(tr("Only controls whose status differs between nodes"));
    m_worst->setText(tr("Worst first"));
    if (m_role->count() > 0)
        m_role->setItemText(0, tr("All roles"));
    if (m_section->count() > 0)
        m_section->setItemText(0, tr("All sections"));
}

void MatrixPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MatrixPanel::applyStatusFilter()
{
    const int b = m_status->currentData().toInt();
    QSet<Status> set;
    for (int s = 0; s < kStatusCount; ++s)
        if (b & (1 << s))
            set.insert(Status(s));
    m_filter->setStatusFilter(set);
}

void MatrixPanel::resultChanged()
{
    const QString role = m_role->currentData().toString();
    m_role->blockSignals(true);
    m_role->clear();
    m_role->addItem(tr("All roles"), QString());
    QStringList roles;
    for (const NodeResult &n : m_model->result().nodes)
        for (const QString &r : n.roles)
            if (!roles.contains(r))
                roles << r;
    roles.sort();
    for (const QString &r : roles)
        m_role->addItem(r, r);
    m_role->setCurrentIndex(qMax(0, m_role->findData(role)));
    m_role->blockSignals(false);
    m_filter->setRoleFilter(m_role->currentData().toString());

    const QString section = m_section->currentData().toString();
    m_section->blockSignals(true);
    m_section->clear();
    m_section->addItem(tr("All sections"), QString());
    for (const Section &s : m_model->benchmark().sections)
        if (s.depth() == 0)
            m_section->addItem(s.id + QStringLiteral("  ") + s.title, s.id);
    m_section->setCurrentIndex(qMax(0, m_section->findData(section)));
    m_section->blockSignals(false);
    m_filter->setSectionFilter(m_section->currentData().toString());

    expandAll();
    fixColumnWidths();
    updateFrozenColumns();
}

void MatrixPanel::expandAll()
{
    m_view->expandAll();
    m_frozen->expandAll();
}

void MatrixPanel::collapseAll()
{
    m_view->collapseAll();
    m_frozen->collapseAll();
}

void MatrixPanel::updateFrozenColumns()
{
    const int columns = m_filter->columnCount();
    QHeaderView *h = m_frozen->header();
    for (int c = 0; c < columns; ++c)
        h->setSectionHidden(c, c > MatrixModel::AggregateColumn);
    for (int c = 0; c <= MatrixModel::AggregateColumn && c < columns; ++c)
        m_frozen->setColumnWidth(c, m_view->columnWidth(c));
    updateFrozenGeometry();
}

void MatrixPanel::updateFrozenGeometry()
{
    const int width = m_view->columnWidth(MatrixModel::ControlColumn) +
                      m_view->columnWidth(MatrixModel::AggregateColumn);
    const int frame = m_view->frameWidth();
    m_frozen->setGeometry(frame, frame, width,
                          m_view->viewport()->height() + m_view->header()->height());
}

bool MatrixPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        updateFrozenGeometry();
    return QWidget::eventFilter(watched, event);
}

void MatrixPanel::fixColumnWidths()
{
    QHeaderView *h = m_view->header();
    const QFontMetrics fm(h->font());
    int widest = 28;
    const auto &nodes = m_model->result().nodes;
    for (const NodeResult &n : nodes)
        widest = qMax(widest, fm.horizontalAdvance(n.name) + 18);
    widest = qMin(widest, 120);
    // One size for every node column, fixed: no per-column measuring when scrolling.
    h->setMinimumSectionSize(24);
    h->setDefaultSectionSize(widest);
    h->setSectionResizeMode(QHeaderView::Fixed);
    if (h->count() > MatrixModel::ControlColumn) {
        h->setSectionResizeMode(MatrixModel::ControlColumn, QHeaderView::Interactive);
        h->resizeSection(MatrixModel::ControlColumn, qMax(320, fm.averageCharWidth() * 52));
    }
    if (h->count() > MatrixModel::AggregateColumn) {
        h->setSectionResizeMode(MatrixModel::AggregateColumn, QHeaderView::Interactive);
        h->resizeSection(MatrixModel::AggregateColumn,
                         qMax(fm.horizontalAdvance(StatusStyle::label(Status::NotApplicable)) + 30,
                              fm.horizontalAdvance(tr("All nodes")) + 40));
    }
}

void MatrixPanel::setWorstFirst(bool on)
{
    if (m_worst->isChecked() != on) {
        m_worst->setChecked(on); // re-enters through toggled()
        return;
    }
    if (on)
        m_filter->sort(MatrixModel::AggregateColumn, Qt::AscendingOrder);
    else
        m_filter->sort(-1);
    expandAll();
}

bool MatrixPanel::worstFirst() const
{
    return m_worst->isChecked();
}

void MatrixPanel::emitFor(const QModelIndex &proxyIndex, bool activated)
{
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    const int control = m_model->controlIndexOf(source);
    const int node = source.column() >= MatrixModel::FirstNodeColumn
                         ? source.column() - MatrixModel::FirstNodeColumn
                         : -1;
    if (activated)
        emit cellActivated(control, node);
    else
        emit cellSelected(control, node);
}

bool MatrixPanel::selectCell(const QString &controlId, int nodeIndex)
{
    const int column =
        nodeIndex < 0 ? int(MatrixModel::ControlColumn) : MatrixModel::FirstNodeColumn + nodeIndex;
    const QModelIndex source = m_model->indexOfControl(controlId, column);
    const QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid())
        return false;
    m_view->setCurrentIndex(proxy);
    m_view->scrollTo(proxy);
    // scrollTo() does not know that the frozen columns cover the left edge.
    const QRect rect = m_view->visualRect(proxy);
    const int covered = m_frozen->width();
    if (nodeIndex >= 0 && rect.left() < covered)
        m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->value() -
                                                (covered - rect.left()));
    return true;
}

} // namespace kinspect::ui
