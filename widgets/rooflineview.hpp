#pragma once
#include <QWidget>
#include <string>
#include <vector>

#include "core/perf/evaluation.hpp"
#include "widgets/documentview.hpp"

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QCPLayoutGrid;
class QMouseEvent;

namespace scoville {

// Log-log roofline: attainable TFLOP/s against arithmetic intensity (FLOP/byte), with the
// design's ceilings per precision and memory level and every op of the shown phase(s) as a point
// coloured by what bounds it. Reference chips' ridge points can be overlaid.
class RooflineView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit RooflineView(DesignDocument* doc, QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }

    struct Point {
        double intensity = 0;     // FLOP/byte
        double tflops = 0;        // attained
        Phase phase = Phase::decode;
        std::string layerKind;
        int layers = 0;           // layers sharing this op
        OpResult op;
    };
    // The op points currently plotted (for tests and the explain tooltip).
    [[nodiscard]] const std::vector<Point>& points() const { return points_; }
    void setShowReferences(bool show);
    // The ceiling labels drawn now (for tests: they must not overlap).
    [[nodiscard]] std::vector<QCPItemText*> ceilingLabels() const;
    [[nodiscard]] bool showReferences() const { return showReferences_; }
    // The reference chips' ridge points plotted now: x is FLOP/byte, y TFLOP/s (for tests).
    [[nodiscard]] std::vector<QPointF> referencePoints() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paletteChanged() override;

private:
    void refresh() override;
    void fitTicks();
    void onMouseMove(QMouseEvent* event);
    QCPGraph* graphAt(int index);

    QCustomPlot* plot_ = nullptr;
    std::vector<Point> points_;
    std::vector<QCPItemText*> labels_;
    QCPItemText* note_ = nullptr;  // why there is nothing to draw
    QCPLayoutGrid* legendRow_ = nullptr;  // above the plot while the legend lists something
    struct RefPoint {
        double intensity, tflops;
        QString name;
    };
    std::vector<RefPoint> refPoints_;
    bool showReferences_ = true;
};

}  // namespace scoville
