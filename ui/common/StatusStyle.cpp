#include "common/StatusStyle.h"

#include "report/charts/StatusChart.h"

#include <QCoreApplication>

namespace kinspect::ui {

namespace {

QIcon loadIcon(const QString &name)
{
    // QIcon over an SVG renders at any device pixel ratio (high-DPI) through the Svg plugin.
    return QIcon(QStringLiteral(":/icons/") + name);
}

} // namespace

QIcon StatusStyle::icon(Status status)
{
    static const QIcon icons[kStatusCount] = {loadIcon(QStringLiteral("status-pass.svg")),
                                              loadIcon(QStringLiteral("status-fail.svg")),
                                              loadIcon(QStringLiteral("status-manual.svg")),
                                              loadIcon(QStringLiteral("status-error.svg")),
                                              loadIcon(QStringLiteral("status-na.svg")),
                                              loadIcon(QStringLiteral("status-waived.svg"))};
    return icons[int(status)];
}

QIcon StatusStyle::noResultIcon()
{
    static const QIcon icon = loadIcon(QStringLiteral("status-none.svg"));
    return icon;
}

QColor StatusStyle::color(Status status)
{
    return StatusChart::color(status);
}

QString StatusStyle::label(Status status)
{
    switch (status) {
    case Status::Pass:
        return QCoreApplication::translate("StatusStyle", "Pass");
    case Status::Fail:
        return QCoreApplication::translate("StatusStyle", "Fail");
    case Status::Manual:
        return QCoreApplication::translate("StatusStyle", "Manual");
    case Status::Error:
        return QCoreApplication::translate("StatusStyle", "Error");
    case Status::NotApplicable:
        return QCoreApplication::translate("StatusStyle", "Not applicable");
    case Status::Waived:
        return QCoreApplication::translate("StatusStyle", "Waived");
    }
    return QString();
}

QString StatusStyle::description(Status status)
{
    switch (status) {
    case Status::Pass:
        return QCoreApplication::translate("StatusStyle", "The node meets this control.");
    case Status::Fail:
        return QCoreApplication::translate("StatusStyle", "The node does not meet this control.");
    case Status::Manual:
        return QCoreApplication::translate("StatusStyle", "A person has to review this control.");
    case Status::Error:
        return QCoreApplication::translate("StatusStyle", "The control could not be audited.");
    case Status::NotApplicable:
        return QCoreApplication::translate("StatusStyle",
                                           "The control does not apply to this node.");
    case Status::Waived:
        return QCoreApplication::translate("StatusStyle", "The risk was accepted (waived).");
    }
    return QString();
}

int StatusStyle::rank(Status status)
{
    switch (status) {
    case Status::Fail:
        return 0;
    case Status::Error:
        return 2;
    case Status::Manual:
        return 3;
    case Status::Waived:
        return 4;
    // A control that passes where it applies passes: NOT_APPLICABLE nodes never make a row's
    // aggregate look worse than PASS (and sort last).
    case Status::Pass:
        return 5;
    case Status::NotApplicable:
        return 6;
    }
    return 6;
}

QList<Status> StatusStyle::worstFirst()
{
    return StatusChart::order();
}

} // namespace kinspect::ui
