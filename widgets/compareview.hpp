#pragma once
#include <QString>
#include <QWidget>
#include <string>
#include <vector>

#include "widgets/documentview.hpp"

class QComboBox;
class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPErrorBars;
class QCPItemText;
class QCPTextElement;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace scoville {

// The same workload on the design and the selected reference chips, as ratios to the baseline chip
// for the decisions they serve: throughput and tokens per joule (higher is better) beside the cost
// per million tokens (lower is better), each group on its own axis, every bar labelled with its
// value and ratio; the absolute values (latencies too) in a table below. A chip that cannot run the
// workload says why in place of its bars. Throughput reads per chip or per system, a system being
// the chip's scale-up domain (GB200 NVL72: 72 chips; a TPU pod).
class CompareView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    enum class Basis { perChip, perSystem };
    // The plotted metrics, in their order on the axes.
    enum Metric { Throughput = 0, TokensPerJoule = 1, CostPerMillion = 2, MetricCount = 3 };

    explicit CompareView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }
    [[nodiscard]] Basis basis() const { return basis_; }
    void setBasis(Basis basis);

    // Chips as drawn: the design first, then the reference chips in the document's order.
    [[nodiscard]] int entryCount() const { return static_cast<int>(entries_.size()); }
    // The id of entry i: the reference chip's, "" for the design.
    [[nodiscard]] std::string entryId(int i) const { return entries_[static_cast<size_t>(i)].id; }
    // Chips per system of entry i: its scale-up domain, or the workload's chips when it names none.
    [[nodiscard]] int systemSize(int i) const { return entries_[static_cast<size_t>(i)].systemSize; }
    // The value of metric m for entry i on the current basis; NaN where there is none.
    [[nodiscard]] double value(int i, Metric m) const;
    // The bar drawn for entry i and metric m (its ratio to the baseline); NaN where no bar is drawn.
    [[nodiscard]] double barRatio(int i, Metric m) const;
    // The bar's label ("12.3 k · ×1.40"), empty where no bar is drawn.
    [[nodiscard]] QString barLabel(int i, Metric m) const;
    // What stands in place of entry i's bars when it cannot run the workload (elided; the full
    // reason is its tool tip): one per metric, empty when the chip runs.
    [[nodiscard]] std::vector<QCPItemText*> failureLabels(int i) const;
    // The tool tip of a bar or a failure text, as hovering shows it.
    [[nodiscard]] QString toolTipFor(int i, Metric m) const;
    // The bars' error bars, per entry: the chip's range over its uncertain values (the document's)
    // as a ratio to the baseline's value, in the higher-is-better panel (throughput, tokens/J);
    // none until the state's ranges arrive.
    [[nodiscard]] std::vector<QCPErrorBars*> errorBars() const;
    [[nodiscard]] std::vector<QCPErrorBars*> lowerErrorBars() const;
    [[nodiscard]] QCPAxisRect* higherRect() const { return higher_; }
    [[nodiscard]] QCPAxisRect* lowerRect() const { return lower_; }
    // Fires when error bars of the current state are in place.
    Q_SIGNAL void rangesShown();

public:
    // As many legend columns as a plot `width` px wide holds (0: the plot's own width); a report
    // draws the chart at its own size.
    void fitLegend(int width = 0);
    // Whether the chart shows ratios (the baseline has a result); where not, why not.
    [[nodiscard]] bool hasRatios() const { return ratios_; }
    [[nodiscard]] QString captionText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Bar {
        bool drawn = false;
        double value = 0, ratio = 0;
        QString label, tip;
        QCPItemText* text = nullptr;     // the value label, or the reason in place of the bar
    };
    struct Entry {
        std::string id;
        QString name;
        QString failure;                 // why it cannot run the workload; empty when it runs
        int systemSize = 1;
        double perChipFactor = 1;        // throughput per chip over the workload's
        QCPBars* bars[2] = {nullptr, nullptr};        // per panel: higher, lower
        QCPErrorBars* errors[2] = {nullptr, nullptr};
        Bar metric[MetricCount];
        double values[MetricCount] = {};
    };

    void refresh() override;
    void paletteChanged() override;
    // The error bars from the document's ranges and the axes fitted to them, without a replot;
    // whether any chip's ranges are in.
    bool placeRanges();
    void applyRanges();
    void fitRanges();
    void showToolTip(QMouseEvent* event);
    [[nodiscard]] QString basisText() const;
    [[nodiscard]] double keyOf(size_t entry, int metric) const;
    QCPItemText* takeText(size_t& used, std::vector<QCPItemText*>& pool, QCPAxisRect* rect);

    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
    QComboBox* basisBox_ = nullptr;
    QComboBox* showBox_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QLabel* caption_ = nullptr;
    QCPAxisRect* higher_ = nullptr;
    QCPAxisRect* lower_ = nullptr;
    QCPTextElement* higherTitle_ = nullptr;
    QCPTextElement* lowerTitle_ = nullptr;
    std::vector<QCPItemText*> textPool_[2];
    std::vector<Entry> entries_;
    double baseValues_[MetricCount] = {};  // the baseline's value per metric (0: none), as drawn
    Basis basis_ = Basis::perChip;
    bool fitting_ = false;
    bool ratios_ = false;
};

}  // namespace scoville
