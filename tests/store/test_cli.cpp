// `scoville session list|show|export|save|edit|undo|redo` through the same entry point main() uses.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>
#include <vector>

#include "support/cli_run.hpp"
#include "core/hw/chip_json.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "support/test_chips.hpp"

using namespace scoville;

namespace {

using Run = scoville::test::CliRun;
Run scovilleCli(const std::vector<std::string>& args) { return scoville::test::run_cli(args); }

using scoville::stext;

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string file(const char* name) const { return stext(dir_.filePath(QLatin1String(name))); }

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
        expected.hbm.generation = DramType::hbm4;
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
        QVERIFY2(r.out.find("history: 1 steps, at 1\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find(" 1 20") != std::string::npos && r.out.find(" design Chip ") != std::string::npos,
                 r.out.c_str());
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
        QTest::newRow("edit an unknown key")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("d"), QStringLiteral("--set"),
                           QStringLiteral("compute.warp=2")}
            << "'compute.warp' is not an editable key";
        QTest::newRow("edit a workload key out of range")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("d"), QStringLiteral("--set"),
                           QStringLiteral("workload.model=llama-2-7b"), QStringLiteral("--set"),
                           QStringLiteral("workload.output_len=0")}
            << "workload 'output_len': 0 is out of range";
        QTest::newRow("edit a workload the model cannot run")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("d"), QStringLiteral("--set"),
                           QStringLiteral("workload.model=llama-2-7b"), QStringLiteral("--set"),
                           QStringLiteral("workload.tp=64")}
            << "tp";
        QTest::newRow("edit a workload before its model")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("d"), QStringLiteral("--set"),
                           QStringLiteral("workload.batch=8")}
            << "set workload.model first";
        QTest::newRow("edit an unknown baseline")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("d"), QStringLiteral("--set"),
                           QStringLiteral("baseline=h900")}
            << "'h900' is not a chip of the library";
        QTest::newRow("undo with nothing to undo")
            << QStringList{QStringLiteral("undo"), QStringLiteral("@"), QStringLiteral("d")} << "nothing to undo";
        QTest::newRow("redo with nothing to redo")
            << QStringList{QStringLiteral("redo"), QStringLiteral("@"), QStringLiteral("d")} << "nothing to redo";
        QTest::newRow("edit a design that is not there")
            << QStringList{QStringLiteral("edit"), QStringLiteral("@"), QStringLiteral("x"), QStringLiteral("--set"),
                           QStringLiteral("baseline=b200")}
            << "no design 'x'";
    }

    // Scripts edit a design with the same history the GUI keeps: one step per command, undo and
    // redo by step, and the whole design as JSON.
    void editUndoRedoAndShowJson() {
        const std::string session = file("edit.scoville");
        Run r = scovilleCli({"session", "save", session, "--name", "d", "--chip", "h100-sxm"});
        QVERIFY2(r.code == 0, r.err.c_str());
        r = scovilleCli({"session", "edit", session, "d", "--set", "workload.model=mixtral-8x7b", "--set",
                         "workload.batch=32", "--set", "compute.clock_ghz=2.0"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("recorded step 1:\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("Clock (compute.clock_ghz) 1.83 -> 2 GHz") != std::string::npos, r.out.c_str());
        r = scovilleCli({"session", "edit", session, "d", "--set", "baseline=b200", "--set", "compared=b200,tpu-v7"});
        QVERIFY2(r.code == 0, r.err.c_str());

        auto json = [&] {
            const Run shown = scovilleCli({"session", "show", session, "d", "--format", "json"});
            return QJsonDocument::fromJson(QByteArray::fromStdString(shown.out)).object();
        };
        QJsonObject j = json();
        QCOMPARE(j[QStringLiteral("chip")][QStringLiteral("compute.clock_ghz")].toDouble(), 2.0);
        QCOMPARE(j[QStringLiteral("chip")][QStringLiteral("hbm.generation")].toString(), QStringLiteral("hbm3"));
        QCOMPARE(j[QStringLiteral("workload")][QStringLiteral("model")].toString(), QStringLiteral("mixtral-8x7b"));
        QCOMPARE(j[QStringLiteral("workload")][QStringLiteral("batch")].toDouble(), 32.0);
        QCOMPARE(j[QStringLiteral("baseline")].toString(), QStringLiteral("b200"));
        QCOMPARE(j[QStringLiteral("compared")].toArray().size(), 2);
        QCOMPARE(j[QStringLiteral("undo_position")].toInt(), 2);
        const QJsonArray history = j[QStringLiteral("history")].toArray();
        QCOMPARE(history.size(), 5);  // model, batch, clock; baseline, compared
        QCOMPARE(history[0][QStringLiteral("kind")].toString(), QStringLiteral("workload"));
        QCOMPARE(history[0][QStringLiteral("key")].toString(), QStringLiteral("model"));
        QCOMPARE(history[0][QStringLiteral("old")].toString(), QString());
        QCOMPARE(history[0][QStringLiteral("new")].toString(), QStringLiteral("mixtral-8x7b"));
        QCOMPARE(history[2][QStringLiteral("kind")].toString(), QStringLiteral("chip"));
        QCOMPARE(history[2][QStringLiteral("old")].toString(), QStringLiteral("1.83"));  // h100-sxm.json: 1.83 GHz
        QCOMPARE(history[3][QStringLiteral("kind")].toString(), QStringLiteral("baseline"));
        QCOMPARE(history[4][QStringLiteral("step")].toInt(), 2);
        QVERIFY(!history[0][QStringLiteral("time")].toString().isEmpty());

        r = scovilleCli({"session", "undo", session, "d"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("undid step 2:\n  Baseline none -> b200\n") != std::string::npos, r.out.c_str());
        j = json();
        QVERIFY(j[QStringLiteral("baseline")].isNull());
        QCOMPARE(j[QStringLiteral("compared")].toArray().size(), 0);
        QVERIFY(j[QStringLiteral("history")].toArray()[4][QStringLiteral("applied")].toBool() == false);
        r = scovilleCli({"session", "undo", session, "d"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json();
        QVERIFY(j[QStringLiteral("workload")][QStringLiteral("model")].isNull());
        QCOMPARE(j[QStringLiteral("chip")][QStringLiteral("compute.clock_ghz")].toDouble(), 1.83);
        r = scovilleCli({"session", "redo", session, "d"});
        QVERIFY2(r.code == 0, r.err.c_str());
        QVERIFY2(r.out.find("redid step 1:") != std::string::npos, r.out.c_str());
        QCOMPARE(json()[QStringLiteral("workload")][QStringLiteral("batch")].toDouble(), 32.0);
        // An edit after undo drops the redo branch.
        r = scovilleCli({"session", "edit", session, "d", "--set", "workload.output_len=512"});
        QVERIFY2(r.code == 0, r.err.c_str());
        j = json();
        QCOMPARE(j[QStringLiteral("steps")].toInt(), 2);
        QCOMPARE(j[QStringLiteral("history")].toArray().size(), 4);
        // Setting what is already there records nothing.
        r = scovilleCli({"session", "edit", session, "d", "--set", "workload.output_len=512"});
        QVERIFY2(r.code == 0 && r.out.find("nothing changed") != std::string::npos, r.out.c_str());
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
                argv.push_back(stext(session));
            else if (a == QStringLiteral("@missing"))
                argv.push_back(stext(dir_.filePath(QStringLiteral("missing.scoville"))));
            else if (a == QStringLiteral("@text"))
                argv.push_back(stext(text));
            else
                argv.push_back(stext(a));
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
