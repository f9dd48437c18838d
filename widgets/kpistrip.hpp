#pragma once
// The summary figures of the design on the current workload, each with its change against the
// baseline reference chip (green when better, red when worse), and the warnings of the model.
#include <QFrame>
#include <QStringList>
#include <vector>

#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"

#include "widgets/documentview.hpp"

class QGridLayout;
class QLabel;

namespace scoville {

struct ResultKey;
class LayoutBoundary;

class KpiStrip : public DocumentView<QFrame> {
    Q_OBJECT
public:
    explicit KpiStrip(DesignDocument* doc, QWidget* parent = nullptr);

    struct Kpi {
        const char* name = nullptr;      // objectName "kpi:<name>"
        const ResultKey* key = nullptr;  // what the card shows: value, direction, format
        QString title;
        QString tip;                     // the card's tooltip: what it shows, in full
        QWidget* card = nullptr;         // the title, value, change and range, with the card's tooltip
        LayoutBoundary* box = nullptr;   // holds the card: a new value re-lays out the card only
        QLabel* label = nullptr;   // the value, objectName "kpi:<name>"
        QLabel* delta = nullptr;   // "kpi:<name>:delta"
        QLabel* range = nullptr;   // "kpi:<name>:range": low to high over the chip's uncertain values
        QString deltaText;         // the delta as refresh() set it, before any uncertainty note
        int deltaSign = 0;         // +1 better, -1 worse, 0 neutral: the colour last set
    };

    // The one-line answer to "what does a token cost against the baseline, and why" (objectName
    // "kpi:cost"); empty when either side has no cost.
    [[nodiscard]] QString costLine() const;
    [[nodiscard]] QSize minimumSizeHint() const override;

signals:
    // The user asked to see the economics assumptions (the "Assumptions" link of the cost line).
    void assumptionsRequested();
    // The user asked to see the measured runs behind the accuracy line (its "Show the runs" link).
    void accuracyRunsRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh() override;
    void arrange(int perRow);
    [[nodiscard]] QString costBreakdownTip(const Result<Evaluation>& eval) const;
    [[nodiscard]] QString costSentence(const Result<Evaluation>& eval, const Evaluation* base,
                                       const QString& baseName) const;

    void applyRanges();
    void showWarnings();
    static constexpr int kWarningLines = 2;

    std::vector<Kpi> kpis_;
    QLabel* warnings_ = nullptr;
    QWidget* warningsBox_ = nullptr;  // holds warnings_, two lines high
    QStringList warningLines_;  // the model's warnings, shown elided to the reserved lines
    QGridLayout* grid_ = nullptr;
    int perRow_ = 0;
    QLabel* baselineNote_ = nullptr;
    QWidget* costRow_ = nullptr;
    QLabel* cost_ = nullptr;
    QWidget* accuracyRow_ = nullptr;
    QLabel* accuracyRuns_ = nullptr;  // "kpi:accuracyRuns": the link to those runs, shown when there are some
    QLabel* accuracy_ = nullptr;  // "kpi:accuracy": how the model matched measured runs of this workload's class
};

}  // namespace scoville
