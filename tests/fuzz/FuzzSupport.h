#pragma once

// Shared bits of the libFuzzer targets (docs/fuzzing.md).

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace kinspect::fuzz {

// Qt warnings (unknown record types, ...) are expected on hostile input: keep the fuzzer's
// output readable by dropping them; a qFatal still ends the run.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(msg));
            std::abort();
        }
    });
}

// An invariant the code promises is broken: print why and crash, so libFuzzer keeps the input.
[[noreturn]] inline void broken(const char *what, const QByteArray &detail = QByteArray())
{
    std::fprintf(stderr, "INVARIANT BROKEN: %s\n%s\n", what, detail.constData());
    std::abort();
}

// Splits the input at the byte `sep` into at most `max` parts (the last part keeps the rest).
inline QList<QByteArray> splitInput(const uint8_t *data, size_t size, char sep, int max)
{
    QList<QByteArray> parts;
    const QByteArray all =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype from = 0;
    while (parts.size() < max - 1) {
        const qsizetype at = all.indexOf(sep, from);
        if (at < 0)
            break;
        parts << QByteArray(all.constData() + from, at - from);
        from = at + 1;
    }
    parts << QByteArray(all.constData() + from, all.size() - from);
    return parts;
}

} // namespace kinspect::fuzz
