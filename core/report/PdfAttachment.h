#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace kinspect {

struct PdfInfo
{
    QString title;
    QString author;
    QString subject;
    QString keywords;
    QString creator;
    QDateTime created;
};

// QPdfWriter cannot attach files nor set /Author or /Subject. This appends an incremental update
// to a finished PDF (classic xref table, as QPdfWriter writes): an /EmbeddedFile stream
// (Flate-compressed), its /Filespec, an EmbeddedFiles name tree referenced from a new revision of
// the catalog, a new /Info dictionary, and a new xref section and trailer with /Prev. Readers
// (poppler's pdfdetach, Acrobat) list the file as an attachment.
Expected<QByteArray> attachToPdf(const QByteArray &pdf, const QString &fileName,
                                 const QByteArray &data, const QString &mimeType,
                                 const QString &description, const PdfInfo &info);

// A PDF literal string: (…) with \ ( ) escaped, or <FEFF…> UTF-16BE hex for non-ASCII text.
QByteArray pdfString(const QString &text);

} // namespace kinspect
