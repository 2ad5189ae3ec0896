#pragma once

#include <QList>
#include <QString>

namespace kinspect {

// Catalog texts are light Markdown: paragraphs, ``` fenced code, `inline code`, numbered lists.
// The HTML and PDF writers render them from these blocks.
struct TextBlock
{
    bool code = false; // fenced code: keep lines and spacing, monospace
    QString text;      // paragraph text (inline backticks removed) or the code lines
};
QList<TextBlock> textBlocks(const QString &markdown);

} // namespace kinspect
