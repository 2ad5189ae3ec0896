#pragma once

#include "evaluate/Result.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace kinspect::ui {

// Paints the status chart (core/report/charts/StatusChart, shared with the PDF report).
class StatusChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StatusChartWidget(QWidget *parent = nullptr);
    void setCounts(const QHash<Status, int> &counts);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QHash<Status, int> m_counts;
};

// The header over the matrix: cluster and benchmark, counts per status, the score and the chart.
class SummaryWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryWidget(QWidget *parent = nullptr);

    void setResult(const QString &cluster, const QString &benchmarkTitle,
                   const ClusterResult &result);
    void clear();
    QString scoreText() const;
    int count(Status status) const { return m_counts.value(status); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QString m_cluster;
    QString m_benchmark;
    int m_nodes = 0;
    int m_audited = 0;
    QHash<Status, int> m_counts;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_score;
    QHash<Status, QLabel *> m_countLabels;
    StatusChartWidget *m_chart;
};

} // namespace kinspect::ui
