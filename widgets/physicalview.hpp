#pragma once
#include <QWidget>
#include <vector>

#include "widgets/documentview.hpp"

class QCustomPlot;
class QLabel;
class QCPAxisRect;
class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace scoville {

// Area per die, power per chip and cost per million tokens, each a stacked bar of its components,
// for the design and the baseline chip; the reticle limit (858 mm² per die) and the design's TDP
// are drawn as lines.
class PhysicalView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit PhysicalView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    static constexpr double kReticleMm2 = 858.0;  // 26 mm x 33 mm exposure field (ASML scanners)

    // Stacked segments of one chart (0 = area, 1 = power, 2 = cost per million tokens), one per component.
    [[nodiscard]] const std::vector<QCPBars*>& segments(int chart) const {
        return chart == 0 ? area_.bars : chart == 1 ? power_.bars : cost_.bars;
    }

private:
    struct Chart {
        QCPAxisRect* rect = nullptr;
        QLabel* legend = nullptr;  // a widget: its text is laid out only when the components change
        std::vector<QCPBars*> bars;
        QCPItemStraightLine* limit = nullptr;
        QCPItemText* limitLabel = nullptr;
    };
    void refresh() override;

    QCustomPlot* plot_ = nullptr;
    Chart area_, power_, cost_;
};

}  // namespace scoville
