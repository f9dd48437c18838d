#include "widgets/viewscale.hpp"

#include <QApplication>
#include <QSettings>
#include <QWidget>
#include <algorithm>
#include <qcustomplot.h>

#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {
const QString kZoomKey = QStringLiteral("view/zoom");
const QString kPresentationKey = QStringLiteral("view/presentation");
}  // namespace

ViewScale::ViewScale(QWidget* root, QObject* parent)
    : QObject(parent), root_(root), baseFont_(QApplication::font()) {
    setObjectName(QStringLiteral("viewScale"));
}

ViewScale::~ViewScale() {
    // The application outlives the window: leave it as it was found.
    if (applied_ != 1.0) {
        QApplication::setFont(baseFont_);
        setPlotScale(1.0);
    }
}

void ViewScale::restore() {
    QSettings settings;
    zoom_ = std::clamp(settings.value(kZoomKey, 1.0).toDouble(), kMinZoom, kMaxZoom);
    presentation_ = settings.value(kPresentationKey, false).toBool();
    const double previous = applied_;
    apply(previous);
    emit presentationChanged(presentation_);
}

void ViewScale::setZoom(double zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, zoom_)) return;
    zoom_ = zoom;
    apply(applied_);
    save();
}

void ViewScale::setPresentation(bool on) {
    if (on == presentation_) return;
    presentation_ = on;
    apply(applied_);
    save();
    emit presentationChanged(on);
}

void ViewScale::save() const {
    QSettings settings;
    settings.setValue(kZoomKey, zoom_);
    settings.setValue(kPresentationKey, presentation_);
}

void ViewScale::apply(double previous) {
    const double next = scale();
    if (qFuzzyCompare(next, previous)) return;
    QList<QCustomPlot*> plots;
    if (root_) {
        plots = root_->findChildren<QCustomPlot*>();
        // The sizes plots hold now are at the previous scale: record them before it changes.
        for (QCustomPlot* plot : plots) captureScaleBase(plot);
        // Widgets with a font size of their own keep it when the application font changes:
        // scale them by the change.
        const double ratio = next / previous;
        QList<QWidget*> widgets = root_->findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            if (!w->testAttribute(Qt::WA_SetFont) || qobject_cast<QCustomPlot*>(w)) continue;
            if (!(w->font().resolveMask() & QFont::SizeResolved)) continue;
            QFont f = w->font();
            if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * ratio);
            w->setFont(f);
        }
    }
    QFont font = baseFont_;
    if (baseFont_.pointSizeF() > 0)
        font.setPointSizeF(baseFont_.pointSizeF() * next);
    else
        font.setPixelSize(std::max(1, qRound(baseFont_.pixelSize() * next)));
    QApplication::setFont(font);
    setPlotScale(next);
    applied_ = next;
    for (QCustomPlot* plot : plots) {
        applyPlotScale(plot);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    emit scaleChanged(next);
}

}  // namespace scoville
