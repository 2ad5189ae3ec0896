#pragma once

#include <QString>

namespace kinspect::ui {

// What a node's error means and what to do next, per ErrorKind name ("unreachable", "auth", ...).
struct ErrorAdvice
{
    QString title;
    QString nextStep;

    static ErrorAdvice forKind(const QString &kind);
};

} // namespace kinspect::ui
