#include <QCoreApplication>
#include <cstdio>
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::puts("kinspect-cli " KINSPECT_VERSION);
    return 0;
}
