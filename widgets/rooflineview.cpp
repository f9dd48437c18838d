#include "widgets/rooflineview.hpp"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace scoville {

RooflineView::RooflineView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("rooflineView"));
    plot_->setObjectName(QStringLiteral("rooflinePlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(logTicker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    plot_->xAxis->setLabel(tr("Arithmetic intensity (FLOP/byte)"));
    plot_->yAxis->setLabel(tr("Attainable performance (TFLOP/s)"));
    plot_->xAxis->setRange(0.1, 10000);
    plot_->yAxis->setRange(0.1, 100000);
}

}  // namespace scoville
