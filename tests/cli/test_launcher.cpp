// `scoville` and the GUI: with no sub-command, a session file or --benchmark-ui it becomes the GUI
// executable (same process, argv unchanged), found next to it or in the installed layout; without
// one it says so and exits 127, while the command line still works.
//
// Most cases run a copy of the real `scoville` beside a stand-in GUI (a shell script that records
// its arguments and process id), so they check exactly what the GUI receives; two run the real GUI
// offscreen.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <utility>

namespace {

const QString kLauncher = QStringLiteral(SCOVILLE_BINARY);
const QString kGui = QStringLiteral(SCOVILLE_GUI_BINARY);
const QString kGuiName = QFileInfo(kGui).fileName();

struct Run {
    int exitCode = -1;
    QString out, err;
    qint64 pid = 0;
};

Run run(const QString& program, const QStringList& args,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), int timeout_ms = 60000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) return r;
    r.pid = p.processId();
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool copyExecutable(const QString& from, const QString& to) {
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::permissions(from));
}

// A GUI stand-in: writes its arguments (one per line) to <itself>.args, its pid to <itself>.pid,
// and exits 7, so the caller sees the stand-in's exit code only if the launcher became it.
bool writeStubGui(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write(
        "#!/bin/sh\n"
        ": > \"$0.args\"\n"
        "for a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$0.args\"; done\n"
        "echo $$ > \"$0.pid\"\n"
        "exit 7\n");
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QStringList readLines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {QStringLiteral("<no file %1>").arg(path)};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
    return lines;
}

// An environment in which the real GUI writes nothing outside `home`.
QProcessEnvironment guiEnvironment(const QString& home) {
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    return env;
}

}  // namespace

class TestLauncher : public QObject {
    Q_OBJECT
private slots:
    // The GUI modes reach the GUI executable next to `scoville` with argv unchanged, in the same
    // process (its exit code and pid are the launcher's).
    void guiModesBecomeTheGuiExecutable_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no arguments") << QStringList{};
        QTest::newRow("session file") << QStringList{QStringLiteral("designs.scoville")};
        QTest::newRow("existing file") << QStringList{QStringLiteral("SELF")};
        QTest::newRow("ui benchmark")
            << QStringList{QStringLiteral("--benchmark-ui"), QStringLiteral("--steps"), QStringLiteral("3"),
                           QStringLiteral("--size"), QStringLiteral("800x600")};
    }
    void guiModesBecomeTheGuiExecutable() {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString launcher = dir.filePath(QStringLiteral("scoville"));
        const QString stub = dir.filePath(kGuiName);
        QVERIFY(copyExecutable(kLauncher, launcher));
        QVERIFY(writeStubGui(stub));
        for (auto& a : args)
            if (a == QLatin1String("SELF")) a = launcher;  // a file that exists, without the .scoville suffix

        const Run r = run(launcher, args);
        QCOMPARE(r.exitCode, 7);
        QCOMPARE(readLines(stub + QStringLiteral(".args")), args);
        QCOMPARE(readLines(stub + QStringLiteral(".pid")), QStringList{QString::number(r.pid)});
    }

    // Sub-commands, --version and bad usage never start the GUI.
    void commandLineModesStayHeadless_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0;
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
        QTest::newRow("chips") << QStringList{QStringLiteral("chips")} << 0;
        QTest::newRow("not a command") << QStringList{QStringLiteral("no-such-command")} << 2;
    }
    void commandLineModesStayHeadless() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString launcher = dir.filePath(QStringLiteral("scoville"));
        const QString stub = dir.filePath(kGuiName);
        QVERIFY(copyExecutable(kLauncher, launcher));
        QVERIFY(writeStubGui(stub));
        const Run r = run(launcher, args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!QFileInfo::exists(stub + QStringLiteral(".args")));
    }

    // Installed: <prefix>/bin/scoville finds <prefix>/<libexec>/scoville/scoville-gui, also when
    // started through a symbolic link in another directory.
    void findsTheGuiInTheInstalledLayout() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString launcher = dir.filePath(QStringLiteral("prefix/bin/scoville"));
        const QString stub =
            QDir::cleanPath(QFileInfo(launcher).absolutePath() + QLatin1Char('/') +
                            QStringLiteral(SCOVILLE_GUI_INSTALL_RELATIVE_DIR) + QLatin1Char('/') + kGuiName);
        QVERIFY(copyExecutable(kLauncher, launcher));
        QVERIFY(writeStubGui(stub));
        const QStringList args{QStringLiteral("x.scoville")};
        QCOMPARE(run(launcher, args).exitCode, 7);
        QCOMPARE(readLines(stub + QStringLiteral(".args")), args);

        QFile::remove(stub + QStringLiteral(".args"));
        const QString link = dir.filePath(QStringLiteral("elsewhere/scoville"));
        QVERIFY(QDir().mkpath(QFileInfo(link).absolutePath()));
        QVERIFY(QFile::link(launcher, link));
        QCOMPARE(run(link, args).exitCode, 7);
        QCOMPARE(readLines(stub + QStringLiteral(".args")), args);
    }

    // No GUI installed: a message naming where it was looked for, exit 127; the command line works.
    void missingGuiIsAClearError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString launcher = dir.filePath(QStringLiteral("scoville"));
        QVERIFY(copyExecutable(kLauncher, launcher));
        for (const QStringList& args : {QStringList{}, QStringList{QStringLiteral("x.scoville")},
                                        QStringList{QStringLiteral("--benchmark-ui")}}) {
            const Run r = run(launcher, args);
            QCOMPARE(r.exitCode, 127);
            QVERIFY2(r.err.contains(QStringLiteral("GUI is not installed")) &&
                         r.err.contains(dir.filePath(kGuiName)),
                     qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
        const Run version = run(launcher, {QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("scoville ")));
        const Run eval =
            run(launcher, {QStringLiteral("eval"), QStringLiteral("--chip"), QStringLiteral("h100-sxm"),
                           QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(eval.exitCode, 0);
        QVERIFY(eval.out.contains(QStringLiteral("\"throughput_tokens_per_s\"")));
    }

    // A GUI executable that cannot be executed: its path and the reason, exit 126.
    void unexecutableGuiIsAClearError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString launcher = dir.filePath(QStringLiteral("scoville"));
        const QString stub = dir.filePath(kGuiName);
        QVERIFY(copyExecutable(kLauncher, launcher));
        QVERIFY(writeStubGui(stub));
        QVERIFY(QFile::setPermissions(stub, QFile::ReadOwner | QFile::WriteOwner));
        const Run r = run(launcher, {});  // EACCES, for root too: no execute bit at all
        QCOMPARE(r.exitCode, 126);
        QVERIFY2(r.err.contains(stub), qPrintable(r.err));
    }

    // The real thing: the built `scoville` with no arguments and with a session file becomes the
    // built GUI executable (its /proc/<pid>/exe), which is then stopped.
    void realLauncherStartsTheRealGui_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no arguments") << QStringList{};
        QTest::newRow("session file") << QStringList{QStringLiteral("SESSION")};
    }
    void realLauncherStartsTheRealGui() {
        QFETCH(QStringList, args);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        for (auto& a : args)
            if (a == QLatin1String("SESSION")) a = home.filePath(QStringLiteral("launched.scoville"));
        QProcess p;
        p.setProcessEnvironment(guiEnvironment(home.path()));
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(kLauncher, args);
        QVERIFY(p.waitForStarted(10000));
        const QString exe = QStringLiteral("/proc/%1/exe").arg(p.processId());
        const QString gui = QFileInfo(kGui).canonicalFilePath();
        QElapsedTimer t;
        t.start();
        while (QFileInfo(exe).symLinkTarget() != gui && p.state() == QProcess::Running && t.elapsed() < 20000)
            QThread::msleep(10);
        QCOMPARE(QFileInfo(exe).symLinkTarget(), gui);
        p.kill();
        p.waitForFinished(10000);
    }

    // The UI benchmark through `scoville`, offscreen, to the end.
    void realUiBenchmarkRuns() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const Run r = run(kLauncher,
                          {QStringLiteral("--benchmark-ui"), QStringLiteral("--steps"), QStringLiteral("2"),
                           QStringLiteral("--size"), QStringLiteral("800x600")},
                          // The Record view evaluates all 21,005 measured cases: a few seconds in a release
                          // build, 80 s under AddressSanitizer (make asan).
                          guiEnvironment(home.path()), 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("value change to all views redrawn")), qPrintable(r.out));
        // Then the Record view's time, with every measured case evaluated (not cut short).
        const auto record =
            QRegularExpression(QStringLiteral("record view: (\\d+) of (\\d+) measured cases evaluated")).match(r.out);
        QVERIFY2(record.hasMatch(), qPrintable(r.out));
        QVERIFY(record.captured(2).toInt() > 20000);
        QCOMPARE(record.captured(1), record.captured(2));
    }

    // --session FILE [--design NAME]: the drag runs on that design, in a copy of the file (the file
    // given keeps its history); a file or design that is not there is refused by name.
    void uiBenchmarkOfASessionsDesign() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString file = home.filePath(QStringLiteral("designs.scoville"));
        const QProcessEnvironment env = guiEnvironment(home.path());
        for (const auto& [name, chip] : {std::pair{"first", "h100-sxm"}, std::pair{"second", "b200"}}) {
            const Run made = run(kLauncher,
                                 {QStringLiteral("session"), QStringLiteral("save"), file, QStringLiteral("--name"),
                                  QString::fromLatin1(name), QStringLiteral("--chip"), QString::fromLatin1(chip)},
                                 env);
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        }
        auto shown = [&] {
            const Run r = run(kLauncher, {QStringLiteral("session"), QStringLiteral("show"), file,
                                          QStringLiteral("first")}, env);
            return r.out;
        };
        const QString before = shown();
        QVERIFY2(before.contains(QStringLiteral("history: 0 steps")), qPrintable(before));

        const QStringList drag{QStringLiteral("--benchmark-ui"), QStringLiteral("--steps"), QStringLiteral("2"),
                               QStringLiteral("--size"), QStringLiteral("800x600"), QStringLiteral("--session"), file};
        const Run r = run(kLauncher, drag + QStringList{QStringLiteral("--design"), QStringLiteral("first")}, env, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("design 'first' of ") + file), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("the drag is 1 history entry")), qPrintable(r.out));
        QCOMPARE(shown(), before);

        const Run noDesign = run(kLauncher, drag + QStringList{QStringLiteral("--design"), QStringLiteral("third")}, env);
        QCOMPARE(noDesign.exitCode, 2);
        QVERIFY2(noDesign.err.contains(QStringLiteral("--design: ")) && noDesign.err.contains(QStringLiteral("third")),
                 qPrintable(noDesign.err));
        const QString missing = home.filePath(QStringLiteral("none.scoville"));
        const Run noFile = run(kLauncher,
                               {QStringLiteral("--benchmark-ui"), QStringLiteral("--session"), missing}, env);
        QCOMPARE(noFile.exitCode, 2);
        QVERIFY2(noFile.err.contains(QStringLiteral("--session: cannot read session file '") + missing + QLatin1Char('\'')),
                 qPrintable(noFile.err));
        QVERIFY(!QFileInfo::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestLauncher)
#include "test_launcher.moc"
