#pragma once
#include <QWidget>
#include <string>
#include <vector>

#include "widgets/documentview.hpp"

class QCustomPlot;
class QCPBars;
class QCPBarsGroup;
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

private:
    void refresh() override;

    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCPBarsGroup* group_ = nullptr;
    std::vector<QCPBars*> bars_;
};

}  // namespace scoville
