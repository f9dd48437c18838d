#include "widgets/reportwriter.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>
#include <memory>
#include <qcustomplot.h>

#include "core/hw/params.hpp"
#include "core/perf/accuracy.hpp"
#include "core/perf/result_keys.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/compareview.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/physicalview.hpp"
#include "widgets/roadmapview.hpp"

namespace scoville {
namespace {

// The report's strings, in the translation context "scoville::Report".
struct Report {
    Q_DECLARE_TR_FUNCTIONS(scoville::Report)
};

// The page in logical units: 1000 wide, A4's proportions (210 x 297 mm).
constexpr double kPageW = 1000.0;
constexpr double kPageH = kPageW * 297.0 / 210.0;

QString chipName(const ChipSpec& c) { return c.name.empty() ? qtext(c.id) : qtext(c.name); }

QString workloadLabel(const WorkloadKey& k) {
    const std::string label(k.label);
    return QCoreApplication::translate("scoville::WorkloadKeys", label.c_str());
}
QString paramLabel(const ParamInfo& p) {
    const std::string label(p.label);
    return QCoreApplication::translate("scoville::ChipParams", label.c_str());
}
QString withUnit(const QString& value, std::string_view unit) {
    bool number = false;
    const double v = value.toDouble(&number);
    const QString u = number ? displayUnit(unit, v) : displayUnit(unit);
    return u.isEmpty() ? value : value + QLatin1Char(' ') + u;
}

struct Row {
    QString label, value;
};
struct Section {
    QString title;
    std::vector<Row> rows;
};

// The assumptions: workload keys of the groups that shape the result, then the chip's efficiencies
// and economics parameters, each with its value and unit.
std::vector<Section> assumptions(const DesignDocument& doc) {
    std::vector<Section> out;
    const Scenario& s = doc.state().scenario;
    Section work{Report::tr("Workload"), {}};
    work.rows.push_back({Report::tr("Model"), modelLabel(doc.state())});
    for (const WorkloadKey& k : workload_keys()) {
        if (k.group != "Requests" && k.group != "Precision" && k.group != "Parallelism" && k.group != "Limits") continue;
        if (!k.get) continue;
        std::string text = k.get(s);
        QString value;
        const LengthQuantiles& q = s.output_len_quantiles;
        if (q.size() >= 2 && k.key == "output_len_quantiles")  // the table in a line: its size and its ends
            value = Report::tr("%2\u2013%3 tokens (%1)")
                        .arg(QString::number(q.size()), formatNumber(q.front().tokens, 0), formatNumber(q.back().tokens, 0));
        else if (q.size() >= 2 && k.key == "output_len_cv")  // the quantiles stand in its place
            value = Report::tr("%1 (the quantiles')").arg(formatNumber(s.output_spread(), 2));
        else if (text.empty()) value = Report::tr("none");
        else if (!k.zero_text.empty() && text == "0") value = qtext(k.zero_text);
        else value = withUnit(qtext(text), k.unit);
        work.rows.push_back({workloadLabel(k), value});
    }
    if (const auto& ev = doc.evaluation(); ev.ok()) {
        const ServingResult& sv = ev->serving;
        if (sv.disaggregated) {
            // Each pool's chips (and chip, where it is not the design's) and its deployment: the split is
            // the deployment's first choice.
            const std::string& own = sv.decode_pool.chip;
            auto chips = [&](const PoolResult& p) {
                return p.chip == own ? Report::tr("%1 chips").arg(p.chips)
                                     : Report::tr("%1 \u00D7 %2").arg(QString::number(p.chips), qtext(p.chip));
            };
            work.rows.push_back({Report::tr("Prefill pool, %1").arg(chips(sv.prefill_pool)),
                                 formatParallelism(sv.prefill_pool.parallelism)});
            work.rows.push_back({Report::tr("Decode pool, %1").arg(chips(sv.decode_pool)),
                                 formatParallelism(sv.decode_pool.parallelism)});
        } else {
            work.rows.push_back({Report::tr("Parallelism chosen"), formatParallelism(sv.parallelism)});
        }
    }
    out.push_back(std::move(work));
    Section eff{Report::tr("Efficiencies"), {}}, econ{Report::tr("Economics"), {}};
    for (const ParamInfo& p : chip_params()) {
        Section* to = p.group == "Efficiencies" ? &eff : p.group == "Economics" ? &econ : nullptr;
        if (!to) continue;
        const auto text = get_param_text(doc.chip(), p.key);
        // A key left at 0 that stands for another value reads as the value it takes.
        const QString automatic = p.get(doc.chip()) == 0 ? autoValueText(doc.chip(), p.key, p.unit) : QString();
        to->rows.push_back({paramLabel(p), !automatic.isEmpty() ? automatic
                                           : text               ? withUnit(qtext(*text), p.unit)
                                                                : Report::tr("n/a")});
    }
    out.push_back(std::move(eff));
    out.push_back(std::move(econ));
    // How far the model's tokens/s have been from measured runs of this kind of workload.
    if (const MeasuredAccuracy* a = find_accuracy(builtin_measured_accuracy(), workload_class(doc.state().model, s))) {
        Section acc{Report::tr("Measured accuracy"), {}};
        acc.rows.push_back({Report::tr("Models"), workloadModelsText(a->workload)});
        acc.rows.push_back({Report::tr("Request lengths"), workloadLengthsText(a->workload)});
        acc.rows.push_back({Report::tr("Runs measured"), QString::number(a->rows)});
        acc.rows.push_back({Report::tr("Median tokens/s error"), formatSignedPercent(a->median_error)});
        acc.rows.push_back({Report::tr("10th to 90th percentile"),
                            Report::tr("%1 to %2").arg(formatSignedPercent(a->p10_error), formatSignedPercent(a->p90_error))});
        acc.rows.push_back({Report::tr("Within ±35 %"), QString::number(a->within_35)});
        out.push_back(std::move(acc));
    }
    return out;
}

// Waits, handling events, until `done` or `ms` pass.
template <class Done>
void waitFor(Done done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

class Page {
public:
    Page(QPainter& p, const DesignDocument& doc, const ReportOptions& o, CompareView& compare, PhysicalView& physical,
         RoadmapView& roadmap)
        : p_(p), doc_(doc), o_(o), compare_(compare), physical_(physical), roadmap_(roadmap) {}

    void draw() {
        const QColor ink(20, 20, 20), faint(90, 90, 90);
        p_.fillRect(QRectF(0, 0, kPageW, kPageH), Qt::white);
        const double m = 36;  // margin
        double y = m;
        p_.setPen(ink);
        p_.setFont(font(24, true));
        const QString name = o_.designName.isEmpty() ? chipName(doc_.chip()) : o_.designName;
        p_.drawText(QRectF(m, y, kPageW - 2 * m, 32), Qt::AlignLeft | Qt::AlignVCenter,
                    Report::tr("Design report: %1").arg(name));
        p_.setFont(font(11));
        p_.drawText(QRectF(m, y, kPageW - 2 * m, 32), Qt::AlignRight | Qt::AlignVCenter,
                    o_.when.date().toString(Qt::ISODate));
        y += 34;
        p_.setFont(font(11));
        p_.setPen(faint);
        p_.drawText(QRectF(m, y, kPageW - 2 * m, 16), Qt::AlignLeft | Qt::AlignVCenter,
                    Report::tr("Workload: %1").arg(workloadSummary(doc_)));
        y += 16;
        p_.drawText(QRectF(m, y, kPageW - 2 * m, 16), Qt::AlignLeft | Qt::AlignVCenter, chipsSummary(doc_));
        y += 22;
        y = kpis(m, y) + 10;
        // The comparison and the roadmap side by side, then area, power and cost.
        const double gap = 14, half = (kPageW - 2 * m - gap) / 2;
        chart(compare_.plot(), QRectF(m, y, half, 300), Report::tr("Against the baseline and the compared chips"));
        chart(roadmap_.plot(), QRectF(m + half + gap, y, half, 300),
              Report::tr("Roadmap: %1").arg(resultShortLabel(roadmap_.metric())));
        y += 300 + 12;
        const double wide = (kPageW - 2 * m) * 0.64;
        chart(physical_.plot(), QRectF(m, y, wide, 250), Report::tr("Area per die, power per chip, cost per million tokens"));
        costItems(QRectF(m + wide + gap, y, kPageW - 2 * m - wide - gap, 250));
        y += 250 + 12;
        assumptionsBlock(QRectF(m, y, kPageW - 2 * m, kPageH - m - 18 - y));
        p_.setFont(font(8.5));
        p_.setPen(faint);
        p_.drawText(QRectF(m, kPageH - m - 14, kPageW - 2 * m, 14), Qt::AlignLeft | Qt::AlignVCenter,
                    Report::tr("Scoville %1 \u00b7 analytical model: values are estimates; a range spans the "
                       "uncertain values of the chip, engine, model and power model; roadmap points without a chip spec show announced figures only.")
                        .arg(QCoreApplication::applicationVersion()));
    }

private:
    QFont font(double px, bool bold = false) const {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
        f.setBold(bold);
        // No ligatures: text copied or searched in the PDF reads "ffi", not one glyph.
        f.setStyleStrategy(QFont::PreferNoShaping);
        return f;
    }

    // The headline results with their range and their change against the baseline: two columns,
    // each split as label | value | range | change (fractions of the column).
    static constexpr double kLabelW = 0.34, kValueW = 0.16, kRangeX = 0.53, kRangeW = 0.25, kDeltaX = 0.74;
    double kpis(double x, double y) {
        static const char* const keys[] = {"throughput_tokens_per_s",     "throughput_tokens_per_s_per_chip",
                                           "ttft_p99_s",                  "tpot_p99_s",
                                           "tokens_per_joule",            "cost_per_million_tokens_usd",
                                           "die_area_mm2",                "power_w_per_chip",
                                           "batch",                       "memory_gb"};
        const auto& ev = doc_.evaluation();
        const Ranges* ranges = doc_.designRanges();
        const auto* base = doc_.baselineEvaluation();
        const ChipSpec* baseChip = doc_.referenceChip(doc_.state().baseline_id);
        const double colW = (kPageW - 2 * x - 20) / 2, rowH = 19;
        p_.setFont(font(10, true));
        p_.setPen(QColor(90, 90, 90));
        for (int c = 0; c < 2; ++c) {
            const double cx = x + c * (colW + 20);
            p_.drawText(QRectF(cx, y, kLabelW * colW, rowH), Qt::AlignLeft | Qt::AlignVCenter, Report::tr("Result"));
            p_.drawText(QRectF(cx + kLabelW * colW, y, kValueW * colW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                        Report::tr("Value"));
            p_.drawText(QRectF(cx + kRangeX * colW, y, kRangeW * colW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                        Report::tr("Range"));
            p_.drawText(QRectF(cx + kDeltaX * colW, y, (1 - kDeltaX) * colW - 4, rowH), Qt::AlignRight | Qt::AlignVCenter,
                        baseChip ? Report::tr("vs %1").arg(chipName(*baseChip)) : Report::tr("vs baseline"));
        }
        y += rowH;
        const int n = static_cast<int>(std::size(keys));
        const int perCol = (n + 1) / 2;
        for (int i = 0; i < n; ++i) {
            const ResultKey* k = find_result_key(keys[i]);
            if (!k) continue;
            const double cx = x + (i / perCol) * (colW + 20), cy = y + (i % perCol) * rowH;
            const std::optional<double> v = ev.ok() ? k->value(ev.value()) : std::nullopt;
            const ResultRange* r = ranges ? ranges->find(k->key) : nullptr;
            const std::optional<double> bv = base && base->ok() ? k->value(base->value()) : std::nullopt;
            if (i % perCol % 2 == 0) p_.fillRect(QRectF(cx, cy, colW, rowH), QColor(243, 243, 243));
            p_.setPen(QColor(20, 20, 20));
            p_.setFont(font(11));
            p_.drawText(QRectF(cx + 4, cy, kLabelW * colW, rowH), Qt::AlignLeft | Qt::AlignVCenter, objectiveLabel(*k));
            p_.setFont(font(11, true));
            p_.drawText(QRectF(cx + kLabelW * colW, cy, kValueW * colW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                        formatResult(*k, v));
            p_.setFont(font(10));
            p_.setPen(QColor(90, 90, 90));
            const QString range = r && r->high > r->low
                                      ? Report::tr("%1 to %2").arg(formatResult(*k, r->low), formatResult(*k, r->high))
                                      : QStringLiteral("\u2013");
            p_.drawText(QRectF(cx + kRangeX * colW, cy, kRangeW * colW, rowH), Qt::AlignLeft | Qt::AlignVCenter, range);
            if (v.has_value() && bv.has_value() && k->better != Better::none) {
                const double value = v.value(), baseValue = bv.value();
                const int sign = k->compare(value, baseValue);
                p_.setPen(sign > 0 ? QColor(0, 120, 60) : sign < 0 ? QColor(180, 30, 30) : QColor(90, 90, 90));
                p_.drawText(QRectF(cx + kDeltaX * colW, cy, (1 - kDeltaX) * colW - 4, rowH), Qt::AlignRight | Qt::AlignVCenter,
                            formatDelta(value, baseValue));
            }
        }
        if (!ev.ok()) {
            p_.setPen(QColor(180, 30, 30));
            p_.setFont(font(11));
            p_.drawText(QRectF(x, y + perCol * rowH, kPageW - 2 * x, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                        Report::tr("The design does not evaluate on this workload: %1").arg(errorText(ev.error())));
            return y + (perCol + 1) * rowH;
        }
        return y + perCol * rowH;
    }

    static QString objectiveLabel(const ResultKey& k) {
        QString unit = displayUnit(k.unit);
        const QString label = resultShortLabel(k);
        if (unit.isEmpty() || k.kind == ResultKind::money || label.contains(unit, Qt::CaseInsensitive)) return label;
        return QStringLiteral("%1 (%2)").arg(label, unit);
    }

    // A view's plot as it draws itself, at the rectangle's size (in points of the page) and twice
    // the resolution, under its title.
    void chart(QCustomPlot* plot, const QRectF& rect, const QString& title) {
        p_.setPen(QColor(20, 20, 20));
        p_.setFont(font(12, true));
        p_.drawText(QRectF(rect.left(), rect.top(), rect.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, title);
        const QRectF area(rect.left(), rect.top() + 20, rect.width(), rect.height() - 20);
        if (plot == compare_.plot() && !compare_.hasRatios()) {
            // No baseline result, no ratios: the reason in place of empty axes.
            p_.setFont(font(11));
            p_.setPen(QColor(90, 90, 90));
            p_.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, compare_.captionText());
            p_.setPen(QColor(200, 200, 200));
            p_.drawRect(area);
            return;
        }
        if (plot == roadmap_.plot()) roadmap_.fitLegend(static_cast<int>(area.width() * 1.15));
        if (plot == compare_.plot()) compare_.fitLegend(static_cast<int>(area.width() * 1.15));
        if (plot == physical_.plot())
            physical_.fitTo(QSize(static_cast<int>(area.width() * 1.15), static_cast<int>(area.height() * 1.15)));
        const QPixmap pix = plot->toPixmap(static_cast<int>(area.width() * 1.15), static_cast<int>(area.height() * 1.15), 2.5);
        p_.drawPixmap(area, pix, QRectF(pix.rect()));
        p_.setPen(QColor(200, 200, 200));
        p_.drawRect(area);
    }

    void costItems(const QRectF& rect) {
        p_.setPen(QColor(20, 20, 20));
        p_.setFont(font(12, true));
        p_.drawText(QRectF(rect.left(), rect.top(), rect.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                    Report::tr("Owner's cost per chip-hour"));
        double y = rect.top() + 22;
        const auto& ev = doc_.evaluation();
        p_.setFont(font(11));
        if (!ev.ok() || !(ev->physical.tco_usd_per_hour > 0)) {
            p_.drawText(QRectF(rect.left(), y, rect.width(), 40), Qt::TextWordWrap,
                        Report::tr("No cost: the design has no throughput or cannot be made (see the warnings)."));
            return;
        }
        const PhysicalResult& ph = ev->physical;
        for (const auto& b : ph.cost_usd_per_hour) {
            p_.drawText(QRectF(rect.left(), y, rect.width() * 0.6, 17), Qt::AlignLeft | Qt::AlignVCenter, trCore("Breakdown", b.name));
            p_.drawText(QRectF(rect.left(), y, rect.width(), 17), Qt::AlignRight | Qt::AlignVCenter, formatMoney(b.value));
            y += 17;
        }
        p_.setFont(font(11, true));
        p_.drawText(QRectF(rect.left(), y, rect.width() * 0.6, 17), Qt::AlignLeft | Qt::AlignVCenter, Report::tr("total"));
        p_.drawText(QRectF(rect.left(), y, rect.width(), 17), Qt::AlignRight | Qt::AlignVCenter,
                    formatMoney(ph.tco_usd_per_hour));
        y += 24;
        p_.setFont(font(10.5));
        const ResultKey& cost = *find_result_key("cost_per_million_tokens_usd");
        const QString text =
            Report::tr("%1 (%2) per chip; %3 per million tokens at %4 % utilisation.")
                .arg(formatMoney(ph.chip_usd), ph.built ? Report::tr("built") : Report::tr("bought"),
                     formatResult(cost, cost.value(ev.value())))
                .arg(formatNumber(doc_.chip().econ.utilisation * 100, 0));
        p_.drawText(QRectF(rect.left(), y, rect.width(), rect.bottom() - y), Qt::TextWordWrap, text);
    }

    void assumptionsBlock(const QRectF& rect) {
        p_.setPen(QColor(20, 20, 20));
        p_.setFont(font(12, true));
        p_.drawText(QRectF(rect.left(), rect.top(), rect.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                    Report::tr("Key assumptions"));
        const auto sections = assumptions(doc_);
        // Three columns, filled in order; a section's title starts a column where it does not fit.
        const double colGap = 16, colW = (rect.width() - 2 * colGap) / 3, rowH = 14.5;
        double x = rect.left(), y = rect.top() + 22;
        for (const Section& s : sections) {
            if (y + rowH * 2 > rect.bottom()) {
                x += colW + colGap;
                y = rect.top() + 22;
            }
            p_.setFont(font(10.5, true));
            p_.setPen(QColor(20, 20, 20));
            p_.drawText(QRectF(x, y, colW, rowH), Qt::AlignLeft | Qt::AlignVCenter, s.title);
            y += rowH;
            for (const Row& r : s.rows) {
                if (y + rowH > rect.bottom()) {
                    x += colW + colGap;
                    y = rect.top() + 22;
                }
                p_.setFont(font(10));
                p_.setPen(QColor(60, 60, 60));
                p_.drawText(QRectF(x, y, colW * 0.62, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                            QFontMetricsF(p_.font()).elidedText(r.label, Qt::ElideRight, colW * 0.62));
                p_.setPen(QColor(20, 20, 20));
                p_.drawText(QRectF(x + colW * 0.62, y, colW * 0.38, rowH), Qt::AlignRight | Qt::AlignVCenter,
                            QFontMetricsF(p_.font()).elidedText(r.value, Qt::ElideRight, colW * 0.38));
                y += rowH;
            }
            y += 4;
        }
    }

    QPainter& p_;
    const DesignDocument& doc_;
    const ReportOptions& o_;
    CompareView& compare_;
    PhysicalView& physical_;
    RoadmapView& roadmap_;
};

QByteArray xmp(const QString& title, const QString& creator, const QString& subject, const QDateTime& when) {
    const QString x = QStringLiteral(
                          "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                          "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
                          "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
                          "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' "
                          "xmlns:pdf='http://ns.adobe.com/pdf/1.3/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'>\n"
                          "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>%1</rdf:li></rdf:Alt></dc:title>\n"
                          "<dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>\n"
                          "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>%3</rdf:li></rdf:Alt></dc:description>\n"
                          "<xmp:CreatorTool>%2</xmp:CreatorTool>\n"
                          "<xmp:CreateDate>%4</xmp:CreateDate>\n"
                          "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>")
                          .arg(title.toHtmlEscaped(), creator.toHtmlEscaped(), subject.toHtmlEscaped(),
                               when.toString(Qt::ISODate));
    return x.toUtf8();
}

}  // namespace

QString workloadSummary(const DesignDocument& doc) {
    const auto& st = doc.state();
    const Scenario& s = st.scenario;
    const QString model = modelLabel(st);
    return Report::tr("%1 \u00b7 weights %2, KV cache %3 \u00b7 %4 chips \u00b7 prompt %5, output %6 tokens")
        .arg(model, qtext(to_string(s.weight_precision)).toUpper(), qtext(to_string(s.kv_precision)).toUpper())
        .arg(s.chips)
        .arg(formatNumber(s.input_len), formatNumber(s.output_len));
}

QString chipsSummary(const DesignDocument& doc) {
    const auto& st = doc.state();
    auto nameOf = [&](const std::string& id) {
        const ChipSpec* c = doc.referenceChip(id);
        return c ? chipName(*c) : qtext(id);
    };
    QStringList compared;
    for (const auto& id : st.reference_ids)
        if (id != st.baseline_id) compared << nameOf(id);
    QString text = Report::tr("Design: %1").arg(chipName(doc.chip()));
    if (!st.baseline_id.empty()) text += Report::tr(" \u00b7 baseline %1").arg(nameOf(st.baseline_id));
    if (!compared.isEmpty()) text += Report::tr(" \u00b7 compared: %1").arg(compared.join(QStringLiteral(", ")));
    return text;
}

Status writeReport(DesignDocument* doc, const QString& file, const ReportOptions& options) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png"))
        return Error{stext(Report::tr("%1: a report is written as .pdf or .png").arg(file))};
    // The views draw the charts, each of its own, at the report's sizes; they are never shown.
    CompareView compare(doc);
    PhysicalView physical(doc);
    RoadmapView roadmap(doc);
    roadmap.setMetric(options.roadmapMetric);
    roadmap.setDesignYear(options.designYear);
    roadmap.setOtherDesigns({}, options.designName);  // the design's point is named as the session names it
    for (QWidget* w : {static_cast<QWidget*>(&compare), static_cast<QWidget*>(&physical), static_cast<QWidget*>(&roadmap)}) {
        w->setAttribute(Qt::WA_DontShowOnScreen);
        w->resize(560, 360);
    }
    roadmap.update_now();
    // The evaluations of a workload edit still running, the ranges and the roadmap's chips come from background jobs.
    waitFor([&] {
        return !doc->evaluationBehind() && (!doc->evaluation().ok() || doc->designRanges()) && roadmap.isComplete();
    }, options.waitMs);
    QCoreApplication::processEvents();  // the views' queued redraws

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return Error{stext(Report::tr("%1: cannot be written (%2)").arg(file, out.errorString()))};
    const QString design = options.designName.isEmpty() ? chipName(doc->chip()) : options.designName;
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        const QString title = Report::tr("Scoville design report: %1").arg(design);
        const QString creator = QStringLiteral("Scoville %1").arg(QCoreApplication::applicationVersion());
        const QString subject = Report::tr("%1 on %2").arg(design, workloadSummary(*doc));
        pdf.setTitle(title);
        pdf.setCreator(creator);
        pdf.setDocumentXmpMetadata(xmp(title, creator, subject, options.when));
        QPainter painter;
        if (!painter.begin(&pdf)) return Error{stext(Report::tr("%1: cannot start the PDF").arg(file))};
        const double scale = pdf.width() / kPageW;
        painter.scale(scale, scale);
        Page(painter, *doc, options, compare, physical, roadmap).draw();
        painter.end();
    } else {
        QImage image(1240, 1754, QImage::Format_RGB32);  // A4 at 150 dpi
        image.setDotsPerMeterX(5906);
        image.setDotsPerMeterY(5906);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const double scale = image.width() / kPageW;
        painter.scale(scale, scale);
        Page(painter, *doc, options, compare, physical, roadmap).draw();
        painter.end();
        if (!image.save(&out, "PNG")) {
            out.cancelWriting();
            return Error{stext(Report::tr("%1: the image could not be written").arg(file))};
        }
    }
    if (!out.commit()) return Error{stext(Report::tr("%1: cannot be written (%2)").arg(file, out.errorString()))};
    return Ok{};
}

}  // namespace scoville
