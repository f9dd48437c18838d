#include <QTest>
class TestProcesses : public QObject {
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestProcesses)
#include "test_processes.moc"
