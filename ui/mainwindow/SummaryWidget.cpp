#include "mainwindow/SummaryWidget.h"

#include "common/StatusStyle.h"
#include "report/charts/StatusChart.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace kinspect::ui {

StatusChartWidget::StatusChartWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("statusChart"));
    setMinimumSize(200, 84);
}

void StatusChartWidget::setCounts(const QHash<Status, int> &counts)
{
    m_counts = counts;
    update();
}

QSize StatusChartWidget::sizeHint() const
{
    return {260, 96};
}

void StatusChartWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    StatusChart::Options o;
    o.text = palette().color(QPalette::WindowText);
    o.background = palette().color(QPalette::Window);
    o.scoreLabel = tr("score");
    for (Status s : StatusStyle::worstFirst())
        o.labels.insert(s, StatusStyle::label(s));
    StatusChart::paint(&p, QRectF(rect()).adjusted(2, 2, -2, -2), m_counts, o);
}

SummaryWidget::SummaryWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("summaryWidget"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *left = new QVBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("clusterLabel"));
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_title->setFont(f);
    left->addWidget(m_title);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("benchmarkLabel"));
    left->addWidget(m_subtitle);
    auto *counts = new QGridLayout;
    counts->setHorizontalSpacing(14);
    int col = 0;
    for (Status s : StatusStyle::worstFirst()) {
        auto *icon = new QLabel(this);
        icon->setPixmap(StatusStyle::icon(s).pixmap(16, 16));
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("count") + statusName(s));
        m_countLabels.insert(s, label);
        auto *row = new QHBoxLayout;
        row->setSpacing(4);
        row->addWidget(icon);
        row->addWidget(label);
        counts->addLayout(row, col / 3, col % 3);
        ++col;
    }
    counts->setColumnStretch(3, 1); // keep the counts together on wide windows
    left->addLayout(counts);
    left->addStretch();
    layout->addLayout(left, 1);
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("scoreLabel"));
    QFont sf = m_score->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.1);
    m_score->setFont(sf);
    m_score->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_score);
    m_chart = new StatusChartWidget(this);
    layout->addWidget(m_chart);
    refresh();
}

void SummaryWidget::setResult(const QString &cluster, const QString &benchmarkTitle,
                              const ClusterResult &result)
{
    m_cluster = cluster;
    m_benchmark = benchmarkTitle;
    m_counts = result.summary();
    m_nodes = int(result.nodes.size());
    m_audited = 0;
    for (const NodeResult &n : result.nodes)
        m_audited += n.audited;
    refresh();
}

void SummaryWidget::clear()
{
    m_cluster.clear();
    m_benchmark.clear();
    m_counts.clear();
    m_nodes = m_audited = 0;
    refresh();
}

QString SummaryWidget::scoreText() const
{
    return m_score->text();
}

void SummaryWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void SummaryWidget::refresh()
{
    m_title->setText(m_cluster.isEmpty() ? tr("No cluster") : m_cluster);
    m_subtitle->setText(
        m_benchmark.isEmpty()
            ? tr("Open an inventory (Ctrl+O) and scan (F5).")
            : tr("%1 · %2 of %3 nodes audited").arg(m_benchmark).arg(m_audited).arg(m_nodes));
    for (auto it = m_countLabels.begin(); it != m_countLabels.end(); ++it)
        it.value()->setText(QStringLiteral("%1 %2")
                                .arg(m_counts.value(it.key()))
                                .arg(StatusStyle::label(it.key())));
    const double score = StatusChart::score(m_counts);
    m_score->setText(score < 0 ? tr("Score: –")
                               : tr("Score: %1%<br><small>pass / (pass + fail)</small>")
                                     .arg(QString::number(score, 'f', 1)));
    m_chart->setCounts(m_counts);
}

} // namespace kinspect::ui
