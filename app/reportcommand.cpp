#include "app/reportcommand.hpp"

#include "app/sessioncontroller.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/reportwriter.hpp"

namespace scoville {

int runReportCommand(const cli::ReportRequest& request, std::ostream& out, std::ostream& err) {
    auto fail = [&](const std::string& message) {
        err << "scoville report: " << message << "\n";
        return 1;
    };
    store::Session::Options options;
    options.mode = store::Session::Mode::readOnly;
    auto session = store::Session::open(qtext(request.session), options);
    if (!session) return fail("--session " + request.session + ": " + session.error().message);
    const QString name = qtext(request.design);
    auto values = (*session)->values(name);
    if (!values) return fail("--design " + request.design + ": " + values.error().message);
    const ModelLibrary& library = builtin_library();
    DesignDocument doc(library);
    doc.replaceState(designStateFor(library, DesignDocument::defaultState(library), **session, name, *values));
    ReportOptions report;
    report.designName = name;
    if (auto st = writeReport(&doc, qtext(request.out), report); !st) return fail(st.error().message);
    out << request.out << "\n";
    return 0;
}

}  // namespace scoville
