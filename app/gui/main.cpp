#include <QApplication>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kinspect"));
    QMainWindow w;
    w.setWindowTitle(QStringLiteral("Kinspect"));
    w.resize(1200, 800);
    w.show();
    return app.exec();
}
