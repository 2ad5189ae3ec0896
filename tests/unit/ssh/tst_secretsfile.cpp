#include "ssh/SecretsFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kinspect;

class TestSecretsFile : public QObject
{
    Q_OBJECT

private:
    static QString write(QTemporaryDir &dir, const QByteArray &content)
    {
        const QString path = dir.filePath(QStringLiteral("secrets"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

private slots:
    void kinds()
    {
        QCOMPARE(secretKindOf(QStringLiteral("sudo password for kadmin on cp-1")),
                 SecretKind::SudoPassword);
        QCOMPARE(secretKindOf(QStringLiteral("Passphrase for key /root/.ssh/id")),
                 SecretKind::Passphrase);
        QCOMPARE(secretKindOf(QStringLiteral("Wrong passphrase. Passphrase for key /x")),
                 SecretKind::Passphrase);
        QCOMPARE(secretKindOf(QStringLiteral("Password for root@cp-1")), SecretKind::Password);
        QCOMPARE(secretKindOf(QStringLiteral("kadmin@cp-1: Verification code:")),
                 SecretKind::Password);
    }

    void lookupPrefersTheNode()
    {
        QTemporaryDir dir;
        SecretsFile s;
        QString error;
        QVERIFY(
            s.load(write(dir, "# comment\n\nsudo-password=general\nsudo-password@cp-2=special\r\n"
                              "passphrase=p=with=equals\n"),
                   &error));
        QByteArray v;
        QVERIFY(s.lookup(SecretKind::SudoPassword, QStringLiteral("cp-2"), &v));
        QCOMPARE(v, QByteArray("special"));
        QVERIFY(s.lookup(SecretKind::SudoPassword, QStringLiteral("cp-1"), &v));
        QCOMPARE(v, QByteArray("general"));
        QVERIFY(s.lookup(SecretKind::Passphrase, QStringLiteral("any"), &v));
        QCOMPARE(v, QByteArray("p=with=equals"));
        QVERIFY(!s.lookup(SecretKind::Password, QStringLiteral("cp-1"), &v));
    }

    void badLineNamesFileAndLine()
    {
        QTemporaryDir dir;
        SecretsFile s;
        QString error;
        const QString path = write(dir, "password=ok\ntoken=nope\n");
        QVERIFY(!s.load(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(":2: ")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("nope"))); // the value never reaches a message
        QVERIFY(!s.load(dir.filePath(QStringLiteral("missing")), &error));
    }
};

QTEST_GUILESS_MAIN(TestSecretsFile)
#include "tst_secretsfile.moc"
