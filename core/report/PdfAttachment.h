#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kinspect {

// A bookmark: level 0 entries are top level, level 1 entries nest under the previous level 0.
struct PdfOutlineItem
{
    QString title;
    int level = 0;
    int page = 1; // 1-based
};

struct PdfInfo
{
    QString title;
    QString author;
    QString subject;
    QString keywords;
    QString creator;
    QDateTime created;
    QList<PdfOutlineItem> outline; // bookmarks; the reader opens with them shown
};

// QPdfWriter cannot attach files nor set /Author or /Subject. This appends an incremental update
// to a finished PDF (classic xref table, as QPdfWriter writes): an /EmbeddedFile stream
// (Flate-compressed), its /Filespec, an EmbeddedFiles name tree referenced from a new revision of
// the catalog, a new /Info dictionary, and a new xref section and trailer with /Prev. Readers
// (poppler's pdfdetach, Acrobat) list the file as an attachment. With info.outline, also the
// document outline (bookmarks), pointing at the page objects of the flat /Pages tree QPdfWriter
// writes.
Expected<QByteArray> attachToPdf(const QByteArray &pdf, const QString &fileName,
                                 const QByteArray &data, const QString &mimeType,
                                 const QString &description, const PdfInfo &info);

// A PDF literal string: (…) with \ ( ) escaped, or <FEFF…> UTF-16BE hex for non-ASCII text.
QByteArray pdfString(const QString &text);

} // namespace kinspect
