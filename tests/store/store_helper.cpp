// Helper for the multi-process store tests.
//   store_helper write FILE PREFIX COUNT   saves PREFIX-0 .. PREFIX-(COUNT-1) (COUNT < 0: forever),
//                                          printing each name once its save has returned
//   store_helper edit FILE COUNT            edits design "edited": edit n sets compute.cores to
//                                          1 + n % 1000; prints n once the edit has returned
//   store_helper read FILE ROUNDS          opens FILE read-only ROUNDS times and checks every design
//                                          named PREFIX-i against numberedChip(i); prints the count
#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

#include "store/session.hpp"
#include "support/test_chips.hpp"

using scoville::store::Session;
using scoville::store_test::numberedChip;

namespace {

int writeLoop(const QString& file, const QString& prefix, long long count) {
    auto session = Session::open(file);
    if (!session) {
        std::fprintf(stderr, "%s\n", session.error().message.c_str());
        return 1;
    }
    for (long long i = 0; count < 0 || i < count; ++i) {
        const QString name = QStringLiteral("%1-%2").arg(prefix).arg(i);
        if (auto st = (*session)->saveDesign(name, numberedChip(static_cast<int>(i))); !st) {
            std::fprintf(stderr, "%s\n", st.error().message.c_str());
            return 1;
        }
        // Printed only after the commit returned: the parent treats these as promised durable.
        std::printf("%s\n", name.toUtf8().constData());
        std::fflush(stdout);
    }
    return 0;
}

int editLoop(const QString& file, long long count) {
    auto session = Session::open(file);
    if (!session) {
        std::fprintf(stderr, "%s\n", session.error().message.c_str());
        return 1;
    }
    Session& s = **session;
    const QString design = QStringLiteral("edited");
    if (!s.hasDesign(design))
        if (auto st = s.saveDesign(design, numberedChip(0)); !st) {
            std::fprintf(stderr, "%s\n", st.error().message.c_str());
            return 1;
        }
    for (long long i = 0; count < 0 || i < count; ++i) {
        const int n = s.undoPosition(design) + 1;
        if (auto st = s.setParameter(design, QStringLiteral("compute.cores"), 1 + n % 1000); !st) {
            std::fprintf(stderr, "%s\n", st.error().message.c_str());
            return 1;
        }
        std::printf("%d\n", n);
        std::fflush(stdout);
    }
    return 0;
}

int readLoop(const QString& file, int rounds) {
    qsizetype last = 0;
    for (int r = 0; r < rounds; ++r) {
        Session::Options options;
        options.mode = Session::Mode::readOnly;
        options.busyTimeoutMs = 5000;
        auto session = Session::open(file, options);
        if (!session) {
            std::fprintf(stderr, "round %d: %s\n", r, session.error().message.c_str());
            return 1;
        }
        const QStringList names = (*session)->designNames();
        for (const QString& name : names) {
            const int i = name.section(QLatin1Char('-'), -1).toInt();
            auto chip = (*session)->chip(name);
            if (!chip || *chip != numberedChip(i)) {
                std::fprintf(stderr, "round %d: design %s differs from what was written\n", r,
                             name.toUtf8().constData());
                return 1;
            }
        }
        if (names.size() < last) {
            std::fprintf(stderr, "round %d: %lld designs, fewer than the %lld seen before\n", r,
                         static_cast<long long>(names.size()), static_cast<long long>(last));
            return 1;
        }
        last = names.size();
    }
    std::printf("%lld\n", static_cast<long long>(last));
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args[1] == QStringLiteral("write"))
        return writeLoop(args[2], args[3], args[4].toLongLong());
    if (args.size() == 4 && args[1] == QStringLiteral("edit")) return editLoop(args[2], args[3].toLongLong());
    if (args.size() == 4 && args[1] == QStringLiteral("read")) return readLoop(args[2], args[3].toInt());
    std::fprintf(stderr,
                 "usage: store_helper write FILE PREFIX COUNT | edit FILE COUNT | read FILE ROUNDS\n");
    return 2;
}
