#pragma once

#include <QString>

namespace kinspect::ui {

// "light", "dark" or "system": the Fusion style with a light or a dark palette, or the platform's
// own. Every view takes its colours from the palette (status colours are mid-tones readable on
// both).
class Palettes
{
public:
    static void apply(const QString &name);
    static QString current();
};

} // namespace kinspect::ui
