#include "report/PdfAttachment.h"

#include <QHash>
#include <QRegularExpression>

namespace kinspect {

QByteArray pdfString(const QString &text)
{
    bool ascii = true;
    for (const QChar ch : text)
        if (ch.unicode() > 126 || ch.unicode() < 32)
            ascii = false;
    if (ascii) {
        QByteArray out = "(";
        for (const QChar ch : text) {
            const char c = char(ch.unicode());
            if (c == '(' || c == ')' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + ')';
    }
    QByteArray out = "<FEFF";
    for (const QChar ch : text)
        out += QByteArray::number(ch.unicode(), 16).rightJustified(4, '0').toUpper();
    return out + '>';
}

namespace {

QByteArray pdfDate(const QDateTime &t)
{
    return "(D:" + t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

// A PDF name: /application#2Fjson.
QByteArray pdfName(const QString &s)
{
    QByteArray out = "/";
    for (const char c : s.toUtf8()) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_')
            out += c;
        else
            out += '#' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
    }
    return out;
}

// The body of "N 0 obj ... endobj" of the newest revision of object `num`.
std::optional<QByteArray> objectBody(const QByteArray &pdf, int num)
{
    const QByteArray head = QByteArray::number(num) + " 0 obj";
    qsizetype at = -1, from = pdf.size();
    while (from > 0) {
        const qsizetype p = pdf.lastIndexOf(head, from - 1);
        if (p < 0)
            break;
        if (p == 0 || pdf[p - 1] == '\n' || pdf[p - 1] == '\r' || pdf[p - 1] == ' ') {
            at = p;
            break;
        }
        from = p;
    }
    if (at < 0)
        return std::nullopt;
    const qsizetype start = at + head.size();
    const qsizetype end = pdf.indexOf("endobj", start);
    if (end < 0)
        return std::nullopt;
    return pdf.mid(start, end - start).trimmed();
}

} // namespace

Expected<QByteArray> attachToPdf(const QByteArray &pdf, const QString &fileName,
                                 const QByteArray &data, const QString &mimeType,
                                 const QString &description, const PdfInfo &info)
{
    auto bad = [](const char *why) {
        return Error{QStringLiteral("cannot attach to the PDF: %1").arg(QLatin1String(why)),
                     QString(), 0};
    };
    const qsizetype sx = pdf.lastIndexOf("startxref");
    const qsizetype tr = pdf.lastIndexOf("trailer");
    if (sx < 0 || tr < 0 || tr > sx)
        return bad("no classic trailer");
    bool ok = false;
    const qint64 prevXref =
        pdf.mid(sx + 9, pdf.indexOf("%%EOF", sx) - sx - 9).trimmed().toLongLong(&ok);
    if (!ok)
        return bad("unreadable startxref");
    const QByteArray trailer = pdf.mid(tr, sx - tr);
    static const QRegularExpression sizeRe(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression rootRe(QStringLiteral("/Root\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression idRe(QStringLiteral("/ID\\s*(\\[[^\\]]*\\])"));
    const QString tText = QString::fromLatin1(trailer);
    const auto sizeM = sizeRe.match(tText), rootM = rootRe.match(tText);
    if (!sizeM.hasMatch() || !rootM.hasMatch())
        return bad("trailer lacks /Size or /Root");
    const int size = sizeM.captured(1).toInt();
    const int root = rootM.captured(1).toInt();
    auto catalog = objectBody(pdf, root);
    if (!catalog || !catalog->startsWith("<<") || !catalog->endsWith(">>"))
        return bad("catalog not found");
    if (catalog->contains("/Names"))
        return bad("the catalog already has a name dictionary");

    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    QList<QPair<int, qint64>> offsets;
    auto addObject = [&](int num, const QByteArray &body) {
        offsets << qMakePair(num, qint64(out.size()));
        out += QByteArray::number(num) + " 0 obj\n" + body + "\nendobj\n";
    };
    const int fileObj = size, specObj = size + 1, treeObj = size + 2, infoObj = size + 3;
    QByteArray z = qCompress(data, 9).mid(4); // zlib stream without Qt's length prefix
    const QDateTime created =
        info.created.isValid() ? info.created : QDateTime::currentDateTimeUtc();
    addObject(fileObj, "<< /Type /EmbeddedFile /Subtype " + pdfName(mimeType) +
                           " /Filter /FlateDecode /Length " + QByteArray::number(z.size()) +
                           " /Params << /Size " + QByteArray::number(data.size()) + " /ModDate " +
                           pdfDate(created) + " >> >>\nstream\n" + z + "\nendstream");
    addObject(specObj, "<< /Type /Filespec /F " + pdfString(fileName) + " /UF " +
                           pdfString(fileName) + " /Desc " + pdfString(description) +
                           " /AFRelationship /Data /EF << /F " + QByteArray::number(fileObj) +
                           " 0 R /UF " + QByteArray::number(fileObj) + " 0 R >> >>");
    addObject(treeObj,
              "<< /Names [" + pdfString(fileName) + " " + QByteArray::number(specObj) + " 0 R] >>");
    QByteArray infoDict = "<< /Producer " + pdfString(QStringLiteral("kinspect " KINSPECT_VERSION
                                                                     " (Qt QPdfWriter)"));
    if (!info.title.isEmpty())
        infoDict += " /Title " + pdfString(info.title);
    if (!info.author.isEmpty())
        infoDict += " /Author " + pdfString(info.author);
    if (!info.subject.isEmpty())
        infoDict += " /Subject " + pdfString(info.subject);
    if (!info.keywords.isEmpty())
        infoDict += " /Keywords " + pdfString(info.keywords);
    if (!info.creator.isEmpty())
        infoDict += " /Creator " + pdfString(info.creator);
    infoDict += " /CreationDate " + pdfDate(created) + " /ModDate " + pdfDate(created) + " >>";
    addObject(infoObj, infoDict);
    int nextObj = infoObj + 1;
    QByteArray outlineRef;
    if (!info.outline.isEmpty() && !catalog->contains("/Outlines")) {
        // Page objects, in order, from the (flat) page tree.
        static const QRegularExpression pagesRe(QStringLiteral("/Pages\\s+(\\d+)\\s+0\\s+R"));
        static const QRegularExpression refRe(QStringLiteral("(\\d+)\\s+0\\s+R"));
        const auto pagesM = pagesRe.match(QString::fromLatin1(*catalog));
        const auto pagesBody =
            pagesM.hasMatch() ? objectBody(pdf, pagesM.captured(1).toInt()) : std::nullopt;
        QList<int> pageObjs;
        if (pagesBody && pagesBody->contains("/Kids")) {
            const QByteArray kids = pagesBody->mid(pagesBody->indexOf("/Kids"));
            const qsizetype open = kids.indexOf('['), close = kids.indexOf(']');
            if (open >= 0 && close > open) {
                auto it = refRe.globalMatch(QString::fromLatin1(kids.mid(open, close - open)));
                while (it.hasNext())
                    pageObjs << it.next().captured(1).toInt();
            }
        }
        if (!pageObjs.isEmpty()) {
            const int rootObj = nextObj++;
            QList<int> objs;
            for (int i = 0; i < info.outline.size(); ++i)
                objs << nextObj++;
            QList<int> tops;                 // indexes of level-0 items
            QHash<int, QList<int>> children; // level-0 index -> its level-1 indexes
            for (int i = 0; i < info.outline.size(); ++i) {
                if (info.outline[i].level == 0 || tops.isEmpty())
                    tops << i;
                else
                    children[tops.last()] << i;
            }
            auto item = [&](int i, int parentObj, const QList<int> &siblings, int pos) {
                const PdfOutlineItem &o = info.outline[i];
                const int page = pageObjs.value(qBound(1, o.page, int(pageObjs.size())) - 1);
                QByteArray b = "<< /Title " + pdfString(o.title) + " /Parent " +
                               QByteArray::number(parentObj) + " 0 R /Dest [" +
                               QByteArray::number(page) + " 0 R /XYZ null null null]";
                if (pos > 0)
                    b += " /Prev " + QByteArray::number(objs[siblings[pos - 1]]) + " 0 R";
                if (pos + 1 < siblings.size())
                    b += " /Next " + QByteArray::number(objs[siblings[pos + 1]]) + " 0 R";
                const QList<int> kidsOf = children.value(i);
                if (!kidsOf.isEmpty())
                    b += " /First " + QByteArray::number(objs[kidsOf.first()]) + " 0 R /Last " +
                         QByteArray::number(objs[kidsOf.last()]) + " 0 R /Count -" +
                         QByteArray::number(kidsOf.size());
                addObject(objs[i], b + " >>");
            };
            addObject(rootObj, "<< /Type /Outlines /First " +
                                   QByteArray::number(objs[tops.first()]) + " 0 R /Last " +
                                   QByteArray::number(objs[tops.last()]) + " 0 R /Count " +
                                   QByteArray::number(tops.size()) + " >>");
            for (int t = 0; t < tops.size(); ++t) {
                item(tops[t], rootObj, tops, t);
                const QList<int> kidsOf = children.value(tops[t]);
                for (int k = 0; k < kidsOf.size(); ++k)
                    item(kidsOf[k], objs[tops[t]], kidsOf, k);
            }
            outlineRef =
                "\n/Outlines " + QByteArray::number(rootObj) + " 0 R\n/PageMode /UseOutlines";
        }
    }

    QByteArray newCatalog = catalog->left(catalog->size() - 2).trimmed();
    newCatalog += "\n/Names << /EmbeddedFiles " + QByteArray::number(treeObj) + " 0 R >>\n/AF [" +
                  QByteArray::number(specObj) + " 0 R]" + outlineRef + "\n>>";
    addObject(root, newCatalog);

    std::sort(offsets.begin(), offsets.end());
    const qint64 xrefAt = out.size();
    out += "xref\n0 1\n0000000000 65535 f\r\n";
    // Subsections of consecutive object numbers.
    for (int i = 0; i < offsets.size();) {
        int j = i;
        while (j + 1 < offsets.size() && offsets[j + 1].first == offsets[j].first + 1)
            ++j;
        out += QByteArray::number(offsets[i].first) + ' ' + QByteArray::number(j - i + 1) + '\n';
        for (int k = i; k <= j; ++k)
            out += QByteArray::number(offsets[k].second).rightJustified(10, '0') + " 00000 n\r\n";
        i = j + 1;
    }
    out += "trailer\n<< /Size " + QByteArray::number(nextObj) + " /Root " +
           QByteArray::number(root) + " 0 R /Info " + QByteArray::number(infoObj) + " 0 R /Prev " +
           QByteArray::number(prevXref);
    if (const auto idM = idRe.match(tText); idM.hasMatch())
        out += " /ID " + idM.captured(1).toLatin1();
    out += " >>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";
    return out;
}

} // namespace kinspect
