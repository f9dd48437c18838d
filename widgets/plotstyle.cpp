#include "widgets/plotstyle.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace scoville {
namespace {
bool gImmediate = false;

void styleAxis(QCPAxis* axis, const QPalette& pal) {
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(30);
    QColor subGrid = text;
    subGrid.setAlpha(18);
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    // Solid, faint grid lines: dashed pens are stroked into polygons by the raster engine, which
    // costs more than the rest of a replot.
    axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}
}  // namespace

void applyPalette(QCustomPlot* plot) { applyPalette(plot, plot->palette()); }

void applyPalette(QCustomPlot* plot, const QPalette& pal) {
    // Nothing is drawn on the overlay layer: without its own buffer each replot clears and
    // composites one full-size image less.
    if (QCPLayer* overlay = plot->layer(QStringLiteral("overlay")); overlay && overlay->mode() != QCPLayer::lmLogical)
        overlay->setMode(QCPLayer::lmLogical);
    // The plot fills its whole area with the base colour once per paint; axis rects draw no
    // background of their own and Qt paints nothing beneath the plot (every fill of a large plot
    // costs a visible share of the one-frame budget).
    plot->setBackground(pal.brush(QPalette::Base));
    plot->setAttribute(Qt::WA_OpaquePaintEvent);
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis* axis : rect->axes()) styleAxis(axis, pal);
    }
    if (plot->legend) {
        plot->legend->setBrush(pal.brush(QPalette::Base));
        plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
        plot->legend->setTextColor(pal.color(QPalette::WindowText));
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(pal.color(QPalette::WindowText));
    }
}

// Colours chosen to stay distinct on light and dark backgrounds and for common colour-vision
// deficiencies (Okabe-Ito palette).
QColor boundColor(Bound bound) {
    switch (bound) {
    case Bound::compute: return QColor(0, 114, 178);     // blue
    case Bound::memory: return QColor(230, 159, 0);      // orange
    case Bound::network: return QColor(204, 121, 167);   // reddish purple
    }
    return Qt::gray;
}
QColor overheadColor() { return QColor(153, 153, 153); }
QColor designColor() { return QColor(213, 94, 0); }  // vermillion: the design stands out
QColor seriesColor(int index) {
    static const QColor colors[] = {QColor(0, 114, 178), QColor(0, 158, 115), QColor(86, 180, 233),
                                    QColor(204, 121, 167), QColor(230, 159, 0), QColor(120, 120, 120),
                                    QColor(160, 110, 60)};
    return colors[static_cast<size_t>(index) % std::size(colors)];
}

void requestReplot(QCustomPlot* plot) {
    plot->replot(gImmediate ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}
void setImmediateReplot(bool immediate) { gImmediate = immediate; }

bool exportPlot(QCustomPlot* plot, const QString& fileName, QString* error) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(fileName, 0, 0, 2.0);  // twice the on-screen resolution, for slides
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(fileName);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(fileName);
        generator.setSize(plot->size());
        generator.setViewBox(QRect(QPoint(0, 0), plot->size()));
        generator.setTitle(plot->objectName());
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            plot->toPainter(&painter, plot->width(), plot->height());
            painter.end();
        }
    } else {
        if (error) *error = QObject::tr("%1: unknown export format (use .png, .pdf or .svg)").arg(fileName);
        return false;
    }
    if (!ok && error) *error = QObject::tr("%1: could not be written").arg(fileName);
    return ok;
}

void exportPlotInteractive(QCustomPlot* plot, const QString& baseName, QWidget* parent) {
    const QString file = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export plot"), baseName + QStringLiteral(".png"),
        QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (file.isEmpty()) return;
    QString error;
    if (!exportPlot(plot, file, &error)) QMessageBox::warning(parent, QObject::tr("Export failed"), error);
}

void installExportMenu(QCustomPlot* plot, const QString& baseName) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, baseName](const QPoint& pos) {
        QMenu menu(plot);
        menu.addAction(QObject::tr("Export..."), plot, [plot, baseName] { exportPlotInteractive(plot, baseName, plot); });
        menu.exec(plot->mapToGlobal(pos));
    });
}

}  // namespace scoville
