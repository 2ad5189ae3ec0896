#include "nodes/ProgressDelegate.h"

#include "nodes/NodesModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace kinspect::ui {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const int stage = index.data(NodesModel::StageRole).toInt();
    const bool running = stage >= int(NodeStage::Queued) && stage <= int(NodeStage::Evaluating);
    if (!running) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = index.data(NodesModel::ProgressRole).toInt();
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    const QWidget *w = option.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, w);
}

} // namespace kinspect::ui
