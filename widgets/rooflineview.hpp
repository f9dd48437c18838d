#pragma once
#include <QWidget>

class QCustomPlot;

namespace scoville {

// Log-log roofline: attainable TFLOP/s against arithmetic intensity (FLOP/byte).
class RooflineView : public QWidget {
    Q_OBJECT
public:
    explicit RooflineView(QWidget* parent = nullptr);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }

private:
    QCustomPlot* plot_ = nullptr;
};

}  // namespace scoville
