// `scoville session list|show|export|save` through the same entry point main() uses.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>
#include <vector>

#include "app/cli/cli.hpp"
#include "core/hw/chip_json.hpp"
#include "store/session.hpp"
#include "store_test_chips.hpp"

using namespace scoville;

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run scovilleCli(const std::vector<std::string>& args) {
    std::vector<const char*> argv{"scoville"};
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    const auto outcome = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {outcome.exit_code, out.str(), err.str()};
}

std::string s(const QString& q) {
    return q.toStdString();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string file(const char* name) const { return s(dir_.filePath(QLatin1String(name))); }

private slots:
    void saveListShowExport() {
        const std::string session = file("cli.scoville");
        const std::string chipFile = file("chip.json");
        {
            QFile f(QString::fromStdString(chipFile));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromStdString(chip_to_json(store_test::everyFieldChip())));
        }
        Run r = scovilleCli({"session", "save", session, "--name", "mine", "--chip", chipFile, "--set",
                             "compute.cores=64", "--set", "hbm.generation=hbm4"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out),
                 QString::fromStdString("saved design 'mine' in " + session + "\n"));

        ChipSpec expected = store_test::everyFieldChip();
        expected.compute.cores = 64;
        expected.hbm.generation = HbmGeneration::hbm4;
        r = scovilleCli({"session", "export", session, "mine"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out), QString::fromStdString(chip_to_json(expected) + "\n"));
        auto back = chip_from_json(r.out, "export");
        QVERIFY(back.ok() && *back == expected);

        // Saving again replaces the design as one recorded edit.
        r = scovilleCli({"session", "save", session, "--name", "mine", "--chip", chipFile});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(QString::fromStdString(r.out),
                 QString::fromStdString("updated design 'mine' in " + session + "\n"));

        r = scovilleCli({"session", "list", session});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(QString::fromStdString(r.out).startsWith(QStringLiteral("mine\ttest-every-field\t1/1\t")),
                 r.out.c_str());
        QCOMPARE(std::count(r.out.begin(), r.out.end(), '\n'), 1);

        r = scovilleCli({"session", "show", session, "mine"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("compute.cores = 132\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("compute.clock_ghz = 1.83 GHz\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("history: 1 edits, at 1\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("Saved from the command line") != std::string::npos, r.out.c_str());
        QVERIFY(*store::loadDesignChip(QString::fromStdString(session), QStringLiteral("mine")) ==
                store_test::everyFieldChip());
    }

    void savesAReferenceChipById() {
        const std::string session = file("ref.scoville");
        Run r = scovilleCli({"session", "save", session, "--name", "hopper", "--chip", "h100-sxm", "--set",
                             "compute.clock_ghz=2"});
        QVERIFY2(r.code == 0, r.err.c_str());
        auto chip = store::loadDesignChip(QString::fromStdString(session), QStringLiteral("hopper"));
        QVERIFY(chip.ok());
        QCOMPARE(QString::fromStdString(chip->id), QStringLiteral("h100-sxm"));
        QCOMPARE(chip->compute.clock_ghz, 2.0);
    }

    void errorsNameTheInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown design")
            << QStringList{QStringLiteral("show"), QStringLiteral("@"), QStringLiteral("nope")}
            << "no design 'nope' (designs: d)";
        QTest::newRow("export unknown design")
            << QStringList{QStringLiteral("export"), QStringLiteral("@"), QStringLiteral("nope")}
            << "no design 'nope'";
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("list"), QStringLiteral("@missing")} << "no such session file";
        QTest::newRow("not a session")
            << QStringList{QStringLiteral("list"), QStringLiteral("@text")} << "not an SQLite file";
        QTest::newRow("bad --set key")
            << QStringList{QStringLiteral("save"),   QStringLiteral("@"),
                           QStringLiteral("--name"), QStringLiteral("x"),
                           QStringLiteral("--chip"), QStringLiteral("h100-sxm"),
                           QStringLiteral("--set"),  QStringLiteral("compute.turbo=1")}
            << "compute.turbo";
        QTest::newRow("bad --set value")
            << QStringList{QStringLiteral("save"),   QStringLiteral("@"),
                           QStringLiteral("--name"), QStringLiteral("x"),
                           QStringLiteral("--chip"), QStringLiteral("h100-sxm"),
                           QStringLiteral("--set"),  QStringLiteral("compute.clock_ghz=-3")}
            << "compute.clock_ghz";
        QTest::newRow("unknown chip")
            << QStringList{QStringLiteral("save"), QStringLiteral("@"),      QStringLiteral("--name"),
                           QStringLiteral("x"),    QStringLiteral("--chip"), QStringLiteral("no-such-chip")}
            << "no-such-chip";
    }
    void errorsNameTheInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const QString session = dir_.filePath(QStringLiteral("errors.scoville"));
        const QString text = dir_.filePath(QStringLiteral("text.scoville"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a database\n");
        }
        if (!QFile::exists(session)) {
            auto s0 = store::Session::open(session);
            QVERIFY(s0.ok() && (*s0)->saveDesign(QStringLiteral("d"), store_test::numberedChip(1)).ok());
        }
        std::vector<std::string> argv{"session"};
        for (const QString& a : args) {
            if (a == QStringLiteral("@"))
                argv.push_back(s(session));
            else if (a == QStringLiteral("@missing"))
                argv.push_back(s(dir_.filePath(QStringLiteral("missing.scoville"))));
            else if (a == QStringLiteral("@text"))
                argv.push_back(s(text));
            else
                argv.push_back(s(a));
        }
        const Run r = scovilleCli(argv);
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.empty());
        QVERIFY2(QString::fromStdString(r.err).contains(expected), r.err.c_str());
        QVERIFY2(QString::fromStdString(r.err).startsWith(QStringLiteral("scoville session: ")),
                 r.err.c_str());
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("missing.scoville"))));
        auto after = store::Session::open(session);
        QCOMPARE((*after)->designNames(), QStringList{QStringLiteral("d")});
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
