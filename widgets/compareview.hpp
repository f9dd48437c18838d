#pragma once
#include <QWidget>
#include <string>
#include <vector>

#include "widgets/documentview.hpp"

class QCustomPlot;
class QCPBars;
class QCPBarsGroup;
class QCPErrorBars;
class QTableWidget;

namespace scoville {

// The same workload on the design and the selected reference chips: throughput, energy, cost and
// latency side by side, normalised to the baseline chip, with the absolute values in a table.
class CompareView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit CompareView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }
    // Each bar's error bar: the chip's range over its uncertain values (the document's), as a ratio
    // to the baseline's value; none until the state's ranges arrive.
    [[nodiscard]] const std::vector<QCPErrorBars*>& errorBars() const { return errors_; }
    // Fires when error bars of the current state are in place.
    Q_SIGNAL void rangesShown();

private:
    void refresh() override;
    void applyRanges();

    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCPBarsGroup* group_ = nullptr;
    std::vector<QCPBars*> bars_;
    std::vector<QCPErrorBars*> errors_;
    std::vector<double> baseValues_;  // the baseline's value per metric (0: none), as the bars were drawn
    std::vector<std::string> entryIds_;  // per bar: the reference chip id, "" for the design
};

}  // namespace scoville
