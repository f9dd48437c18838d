// Several processes on one session file: a writer and a reader at once, and a writer killed with
// SIGKILL at random moments. Afterwards the file passes PRAGMA integrity_check and every design
// whose save had returned (the child printed its name) is present and intact.
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "store/session.hpp"
#include "support/test_chips.hpp"

using namespace scoville;
using namespace scoville::store;

namespace {

QStringList lines(const QByteArray& bytes) {
    QStringList out;
    for (const QByteArray& line : bytes.split('\n'))
        if (!line.isEmpty()) out << QString::fromUtf8(line);
    return out;
}

void checkFamily(Session& s, const QStringList& promised) {
    for (const QString& name : promised) {
        QVERIFY2(s.hasDesign(name), qPrintable(name + QStringLiteral(" was reported saved but is missing")));
        const int i = name.section(QLatin1Char('-'), -1).toInt();
        QVERIFY2(*s.chip(name) == store_test::numberedChip(i), qPrintable(name));
    }
}

}  // namespace

class TestProcesses : public QObject {
    Q_OBJECT
private slots:
    void writerAndReaderAtOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.scoville"));
        {
            auto created = Session::open(path);  // the reader opens read-only, so the file must exist
            QVERIFY(created.ok());
        }
        QProcess writer, reader;
        writer.start(QStringLiteral(STORE_HELPER),
                     {QStringLiteral("write"), path, QStringLiteral("w"), QStringLiteral("150")});
        reader.start(QStringLiteral(STORE_HELPER), {QStringLiteral("read"), path, QStringLiteral("40")});
        QVERIFY(writer.waitForFinished(60000));
        QVERIFY(reader.waitForFinished(60000));
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        QVERIFY2(reader.exitCode() == 0, reader.readAllStandardError().constData());
        const QStringList written = lines(writer.readAllStandardOutput());
        QCOMPARE(written.size(), 150);
        // The reader's last round saw a prefix of the writes: between 0 and 150 designs.
        const int seen = QString::fromUtf8(reader.readAllStandardOutput()).trimmed().toInt();
        QVERIFY(seen >= 0 && seen <= 150);

        auto s = Session::open(path);
        QVERIFY(s.ok());
        QVERIFY((*s)->integrityCheck().ok());
        QCOMPARE((*s)->designNames().size(), 150);
        checkFamily(**s, written);
    }

    void writerKilledAtRandomMoments() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.scoville"));
        QStringList promised;
        auto* rng = QRandomGenerator::global();
        constexpr int kKills = 25;
        for (int k = 0; k < kKills; ++k) {
            QProcess writer;
            writer.start(QStringLiteral(STORE_HELPER),
                         {QStringLiteral("write"), path, QStringLiteral("k%1").arg(k), QStringLiteral("-1")});
            QVERIFY(writer.waitForStarted(10000));
            // Kill anywhere from start-up (opening, creating the file) to mid-loop.
            QThread::msleep(rng->bounded(5, 250));
            writer.kill();  // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            promised << lines(writer.readAllStandardOutput());
            const QByteArray err = writer.readAllStandardError();
            QVERIFY2(err.isEmpty(), err.constData());
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        }
        qInfo("%d kills, %lld designs reported saved", kKills, static_cast<long long>(promised.size()));
        QVERIFY(!promised.isEmpty());
        // A read-only reader (the eval command) comes first: the WAL left by the killed writer
        // must be readable without a writer having recovered it.
        const QString last = promised.last();
        auto chip = loadDesignChip(path, last);
        QVERIFY2(chip.ok(), chip.ok() ? "" : chip.error().message.c_str());
        QVERIFY(*chip == store_test::numberedChip(last.section(QLatin1Char('-'), -1).toInt()));
        auto s = Session::open(path);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QVERIFY((*s)->integrityCheck().ok());
        checkFamily(**s, promised);
        // At most one design per kill may be committed without having been reported.
        QVERIFY((*s)->designNames().size() <= promised.size() + kKills);
    }

    // Edits of one design, killed mid-stream: the history stays a complete chain and the chip
    // always equals the replayed history; the last reported edit is never lost.
    void editorKilledAtRandomMoments() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edits.scoville"));
        auto* rng = QRandomGenerator::global();
        // The file and the design exist first (one edit, to completion), so every kill below lands
        // among edits however slow process start-up is on a loaded machine.
        {
            QProcess first;
            first.start(QStringLiteral(STORE_HELPER), {QStringLiteral("edit"), path, QStringLiteral("1")});
            QVERIFY(first.waitForFinished(30000));
            QCOMPARE(first.exitCode(), 0);
            QCOMPARE(lines(first.readAllStandardOutput()), QStringList{QStringLiteral("1")});
        }
        int lastReported = 1;
        int unreportedAllowed = 0;  // each child since the last report may have committed one edit unreported
        constexpr int kKills = 20;
        for (int k = 0; k < kKills; ++k) {
            QProcess editor;
            editor.start(QStringLiteral(STORE_HELPER), {QStringLiteral("edit"), path, QStringLiteral("-1")});
            QVERIFY(editor.waitForStarted(10000));
            QThread::msleep(rng->bounded(5, 200));
            editor.kill();
            QVERIFY(editor.waitForFinished(10000));
            const QStringList reported = lines(editor.readAllStandardOutput());
            if (!reported.isEmpty()) {
                lastReported = reported.last().toInt();
                unreportedAllowed = 1;
            } else {
                ++unreportedAllowed;
            }
            const QByteArray err = editor.readAllStandardError();
            QVERIFY2(err.isEmpty(), err.constData());
        }
        QVERIFY(lastReported > 0);
        auto opened = Session::open(path);
        QVERIFY(opened.ok());
        Session& s = **opened;
        QVERIFY(s.integrityCheck().ok());
        const QString d = QStringLiteral("edited");
        const int count = s.undoPosition(d);
        qInfo("%d kills, %d edits recorded, last reported %d", kKills, count, lastReported);
        // Edits in flight at the kills since the last report may have committed unreported.
        QVERIFY2(count >= lastReported && count <= lastReported + unreportedAllowed,
                 qPrintable(QStringLiteral("%1 edits, last reported %2, at most %3 unreported")
                                .arg(count)
                                .arg(lastReported)
                                .arg(unreportedAllowed)));
        const auto history = s.history(d);
        QCOMPARE(history.size(), count);
        for (int n = 1; n <= count; ++n) {
            // Edit n set the cores to 1 + n % 1000; the one before it left 1 + (n - 1) % 1000
            // (numberedChip(0) starts at 1 core, which is the same formula at n = 0).
            QCOMPARE(history[n - 1].newValue, QString::number(1 + n % 1000));
            QCOMPARE(history[n - 1].oldValue, QString::number(1 + (n - 1) % 1000));
        }
        QCOMPARE(s.chip(d)->compute.cores, 1 + count % 1000);
        QVERIFY(*s.chip(d) == *s.chipAt(d, count));
    }
};

QTEST_GUILESS_MAIN(TestProcesses)
#include "test_processes.moc"
