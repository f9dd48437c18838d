#pragma once
#include <QStringList>
#include <QWidget>
#include <vector>

#include "widgets/documentview.hpp"

class QCustomPlot;
class QCPAxis;
class QCPAxisRect;
class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;

namespace scoville {

// Area per die, power per chip and cost per million tokens, each a stacked bar of its components,
// for the design and the baseline chip; the reticle limit (858 mm² per die) and the design's TDP
// are drawn as lines. Each chart has its legend beside it in the plot (so an export carries it),
// the limit line among its entries. Die area does not depend on the workload: it is shown when the
// workload does not run, and power and cost say why they are missing.
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
    // The legend beside a chart, and the note shown in it when it has nothing to draw.
    [[nodiscard]] QCPLegend* legend(int chart) const { return chartAt(chart).legend; }
    [[nodiscard]] QCPItemText* note(int chart) const { return chartAt(chart).note; }
    // The note as written, before it is wrapped and cut to its chart's size.
    [[nodiscard]] QString noteText(int chart) const { return chartAt(chart).noteText; }
    // Lays the legends and ticks out for the plot drawn at `size` (a report draws it at its own).
    void fitTo(QSize size);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paletteChanged() override;
    void changeEvent(QEvent* event) override;

private:
    struct Chart {
        QCPAxisRect* rect = nullptr;
        QCPLegend* legend = nullptr;
        std::vector<QCPBars*> bars;
        QStringList legendNames;  // what the legend lists: rebuilt only when this changes
        QCPItemStraightLine* limit = nullptr;
        QCPGraph* limitKey = nullptr;  // no data: the limit line's entry in the legend
        QCPItemText* note = nullptr;   // why the chart is empty
        QString noteText;              // the note, unwrapped
        QString title;                 // the value axis's title, unwrapped
    };
    void refresh() override;
    void styleLegends();
    // For the plot at `size` (empty: as it is on screen).
    void placeLegends(QSize size = {});
    // Tick counts from the axis length (the chart's, else two thirds of `width`), so tick labels
    // never run together.
    void fitTicks(int width = 0);
    // Each value axis's title wrapped to its chart's width, so it never runs under the legend
    // beside the chart; true when a title changed (the layout then needs another pass). The notes
    // in empty charts are wrapped to it too.
    bool fitTitles();
    void fitNote(Chart& chart);
    [[nodiscard]] const Chart& chartAt(int chart) const { return chart == 0 ? area_ : chart == 1 ? power_ : cost_; }

    QCustomPlot* plot_ = nullptr;
    Chart area_, power_, cost_;
    bool legendsBeside_ = true;  // else each below its chart
};

}  // namespace scoville
