#pragma once
#include <QWidget>
#include <string>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPBarsGroup;
class QTableWidget;

namespace scoville {

class DesignDocument;

// The same workload on the design and the selected reference chips: throughput, energy, cost and
// latency side by side, normalised to the baseline chip, with the absolute values in a table.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    DesignDocument* doc_;
    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCPBarsGroup* group_ = nullptr;
    std::vector<QCPBars*> bars_;
    bool dirty_ = true;
};

}  // namespace scoville
