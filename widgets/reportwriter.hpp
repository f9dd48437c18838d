#pragma once
// The one-page report of the document's design, for a slide or a decision: the KPIs with their
// ranges and their change against the baseline, the comparison, the roadmap and the area, power and
// cost charts (drawn by the views themselves), the cost of a chip-hour item by item, and the key
// assumptions (workload, precision, parallelism, efficiencies, economics) with their values and
// units, under a title with the design's name, the workload and the date.
#include <QDateTime>
#include <QString>
#include <string>

#include "core/util/result.hpp"

namespace scoville {

class DesignDocument;

struct ReportOptions {
    QString designName;                  // as the session names it ("" : the chip's name)
    QDateTime when = QDateTime::currentDateTime();
    std::string roadmapMetric = "throughput_tokens_per_s_per_chip";  // a RoadmapView::metrics() key
    int designYear = 2026;               // the design's place on the roadmap
    int waitMs = 120000;                 // for the ranges and the roadmap's chips to be evaluated
};

// Writes the report to `file`: .pdf (one A4 page, with title, creator and subject metadata) or
// .png (the same page at 150 dpi). Written to a temporary file and renamed into place, so a
// failure leaves nothing half-written; the message names the file and the cause.
Status writeReport(DesignDocument* doc, const QString& file, const ReportOptions& options);

// "Llama 3.1 70B · FP8 weights, FP8 KV cache · 8 chips · prompt 1,024, output 256 tokens": the
// workload in one line (the report's header and every exported chart's caption).
QString workloadSummary(const DesignDocument& doc);
// "Design: Jalapeno (estimate) · baseline B200 (HGX) · compared: GB200, TPU7x Ironwood".
QString chipsSummary(const DesignDocument& doc);

}  // namespace scoville
