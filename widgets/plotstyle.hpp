#pragma once
// Shared look and behaviour of the plots: colours from the palette (dark and light), bound
// colours, coalesced redraws, export to PNG/PDF/SVG.
#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>
#include <functional>

#include "core/perf/evaluation.hpp"

class QCPAbstractPlottable;
class QCPAxis;
class QCPLegend;
class QCPPlottableLegendItem;
class QFont;
class QCustomPlot;
class QWidget;

namespace scoville {

// Background, axes, grid and legend from a palette (the plot's own when none is given); views call
// it again with their palette on QEvent::PaletteChange, which can arrive before the plot's own.
void applyPalette(QCustomPlot* plot);
void applyPalette(QCustomPlot* plot, const QPalette& pal);
QColor boundColor(Bound bound);
QColor overheadColor();
QColor designColor();
// Colour of the i-th reference chip in every view.
QColor seriesColor(int index);

// Presentation scale of every plot (1 = as designed): fonts, line widths and marker sizes are
// drawn at their design size times this. Applied by requestReplot(), so views keep setting their
// pens and fonts as they always do; captureScaleBase() records the design sizes of what a plot
// holds before the scale first changes.
void setPlotScale(double scale);
[[nodiscard]] double plotScale();
void captureScaleBase(QCustomPlot* plot);
// Brings the plot's fonts, pens and markers to the current scale (requestReplot calls it).
void applyPlotScale(QCustomPlot* plot);

// `text` in lines no wider than `width`, broken after a comma first ("Cost per million tokens
// (USD),| owner's cost"), then where the language allows (between words, or between Chinese
// characters); one line when it fits.
QString wrappedText(const QString& text, const QFont& font, int width);

// A linear axis's tick count for `length` pixels of it: about one label per four label widths
// (QCustomPlot's readable steps can place up to twice the count asked, and the labels keep a gap of
// at least their own width), between `fewest` and 6.
void fitLinearTicks(QCPAxis* axis, int length, int fewest = 2);

// Tick labels of logarithmic axes: decades as powers of ten with superscript exponents in every
// locale ("10³", "10⁻²"), never "1E+04". applyPalette and requestReplot give every log axis this.
QString powerOfTenLabel(int exponent);

// A plottable's legend entry as QCustomPlot draws it, its text measured once per text and font rather
// than twice a replot. requestReplot gives every legend of the plot such entries (measureLegendTexts);
// a view that adds entries itself makes them with newLegendItem.
QCPPlottableLegendItem* newLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable);
void measureLegendTexts(QCustomPlot* plot);

// Views request a redraw through this: queued (coalesced into one redraw per event-loop pass)
// in the app, immediate in the UI benchmark so it measures the real redraw.
void requestReplot(QCustomPlot* plot);
void setImmediateReplot(bool immediate);

// What an exported chart carries above it, one line each: its title, the workload, the chips. The
// main window sets it; exportPlot() draws it above the plot in the file (nothing when empty).
void setExportCaption(std::function<QStringList(QCustomPlot*)> caption);
[[nodiscard]] QStringList exportCaption(QCustomPlot* plot);

// Writes the plot to PNG, PDF or SVG (by the file's suffix), under its caption; false with a
// message on failure.
bool exportPlot(QCustomPlot* plot, const QString& fileName, QString* error = nullptr);
// Adds "Export as PNG/PDF/SVG..." to the plot's context menu.
void installExportMenu(QCustomPlot* plot, const QString& baseName);
// Asks for a file name and exports; used by the context menu and the View menu.
void exportPlotInteractive(QCustomPlot* plot, const QString& baseName, QWidget* parent);

}  // namespace scoville
