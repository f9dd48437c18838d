#include "widgets/plotstyle.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QStaticText>
#include <QMenu>
#include <QPdfWriter>
#include <memory>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QTextLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace scoville {
namespace {
bool gImmediate = false;
double gScale = 1.0;
std::function<QStringList(QCustomPlot*)>& gCaption() {
    static std::function<QStringList(QCustomPlot*)> caption;
    return caption;
}

// Each scaled size is kept as two dynamic properties of the object that holds it: its design size
// ("<name>0") and the size last set ("<name>1"). A size that is not the one last set was set by
// the view since (a refresh re-styles a graph), and becomes the new design size: pens as they are
// (their widths are never scaled by anything else), fonts over the scale they were made at (views
// take them from the widget's font, which the application font already scales).
enum class SizeKind { pen, font };

double scaled(QObject* holder, const char* name, double current, SizeKind kind, double scale, double captureScale) {
    const QByteArray base = QByteArray(name) + '0';
    const QByteArray set = QByteArray(name) + '1';
    const QVariant last = holder->property(set.constData());
    double design = 0;
    if (last.isValid() && qFuzzyCompare(last.toDouble(), current)) {
        design = holder->property(base.constData()).toDouble();
    } else {
        design = kind == SizeKind::pen ? current : current / captureScale;
        holder->setProperty(base.constData(), design);
    }
    const double value = design * scale;
    holder->setProperty(set.constData(), value);
    return value;
}

QPen scaledPen(QObject* holder, const char* name, QPen pen, double scale, double captureScale) {
    if (pen.style() == Qt::NoPen) return pen;
    pen.setWidthF(scaled(holder, name, pen.widthF(), SizeKind::pen, scale, captureScale));
    return pen;
}

QFont scaledFont(QObject* holder, const char* name, QFont font, double scale, double captureScale) {
    if (font.pointSizeF() <= 0) return font;
    font.setPointSizeF(scaled(holder, name, font.pointSizeF(), SizeKind::font, scale, captureScale));
    return font;
}

QCPScatterStyle scaledScatter(QObject* holder, const QCPScatterStyle& style, double scale, double captureScale) {
    if (style.isNone()) return style;
    QCPScatterStyle s = style;
    s.setSize(scaled(holder, "scvScatter", style.size(), SizeKind::pen, scale, captureScale));
    s.setPen(scaledPen(holder, "scvScatterPen", style.pen(), scale, captureScale));
    return s;
}

// Sets every scaled size of the plot to its design size times `scale`; `captureScale` is the
// scale fonts seen for the first time were made at.
void scalePlot(QCustomPlot* plot, double scale, double captureScale) {
    for (QCPAxisRect* rect : plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(scaledFont(axis, "scvTickFont", axis->tickLabelFont(), scale, captureScale));
            axis->setLabelFont(scaledFont(axis, "scvLabelFont", axis->labelFont(), scale, captureScale));
            axis->setBasePen(scaledPen(axis, "scvBasePen", axis->basePen(), scale, captureScale));
            axis->setTickPen(scaledPen(axis, "scvTickPen", axis->tickPen(), scale, captureScale));
        }
    }
    if (plot->legend) {
        plot->legend->setFont(scaledFont(plot->legend, "scvFont", plot->legend->font(), scale, captureScale));
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = plot->legend->item(i))
                item->setFont(scaledFont(item, "scvFont", item->font(), scale, captureScale));
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setFont(scaledFont(title, "scvFont", title->font(), scale, captureScale));
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        p->setPen(scaledPen(p, "scvPen", p->pen(), scale, captureScale));
        if (auto* g = qobject_cast<QCPGraph*>(p))
            g->setScatterStyle(scaledScatter(g, g->scatterStyle(), scale, captureScale));
        else if (auto* c = qobject_cast<QCPCurve*>(p))
            c->setScatterStyle(scaledScatter(c, c->scatterStyle(), scale, captureScale));
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem* item = plot->item(i);
        if (auto* text = qobject_cast<QCPItemText*>(item)) {
            text->setFont(scaledFont(text, "scvFont", text->font(), scale, captureScale));
            text->setPen(scaledPen(text, "scvPen", text->pen(), scale, captureScale));
        } else if (auto* line = qobject_cast<QCPItemLine*>(item)) {
            line->setPen(scaledPen(line, "scvPen", line->pen(), scale, captureScale));
        } else if (auto* straight = qobject_cast<QCPItemStraightLine*>(item)) {
            straight->setPen(scaledPen(straight, "scvPen", straight->pen(), scale, captureScale));
        } else if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
            tracer->setPen(scaledPen(tracer, "scvPen", tracer->pen(), scale, captureScale));
            tracer->setSize(scaled(tracer, "scvSize", tracer->size(), SizeKind::pen, scale, captureScale));
        } else if (auto* rect = qobject_cast<QCPItemRect*>(item)) {
            rect->setPen(scaledPen(rect, "scvPen", rect->pen(), scale, captureScale));
        }
    }
    plot->setProperty("scvScale", scale);
}

// A logarithmic ticker whose decades read as powers of ten with superscript exponents (10³, 10⁻²)
// in every locale: QCustomPlot's "eb" format finds the exponent by the locale's exponent character
// and falls back to "1E+04" where that is not "e" (zh_CN). Labels off the decades keep the
// locale's number format.
class PowerTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override {
        if (tick > 0 && std::fabs(logBase() - 10.0) < 1e-12) {
            const double e = std::log10(tick);
            const long n = std::lround(e);
            if (std::fabs(e - static_cast<double>(n)) < 1e-9) return powerOfTenLabel(static_cast<int>(n));
        }
        return QCPAxisTickerLog::getTickLabel(tick, locale, formatChar == QLatin1Char('e') ? QLatin1Char('g') : formatChar,
                                              precision);
    }
};

// Log axes get the PowerTicker, whichever view made the axis (keeping its base and sub-ticks).
void usePowerTicker(QCPAxis* axis) {
    if (axis->scaleType() != QCPAxis::stLogarithmic) return;
    auto log = axis->ticker().dynamicCast<QCPAxisTickerLog>();
    if (!log || log.dynamicCast<PowerTicker>()) return;
    auto power = QSharedPointer<PowerTicker>::create();
    power->setLogBase(log->logBase());
    power->setSubTickCount(log->subTickCount());
    power->setTickCount(log->tickCount());
    axis->setTicker(power);
    axis->setNumberFormat(QStringLiteral("g"));
}

void usePowerTickers(QCustomPlot* plot) {
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) usePowerTicker(axis);
}

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
        for (QCPAxis* axis : rect->axes()) {
            styleAxis(axis, pal);
            usePowerTicker(axis);
        }
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
    // Eleven before a colour repeats: the record view shows ten chips. (None is the design's vermillion.)
    static const QColor colors[] = {QColor(0, 114, 178), QColor(0, 158, 115), QColor(86, 180, 233),
                                    QColor(204, 121, 167), QColor(230, 159, 0), QColor(120, 120, 120),
                                    QColor(160, 110, 60), QColor(110, 40, 140), QColor(70, 110, 20),
                                    QColor(175, 160, 0), QColor(150, 30, 45)};
    return colors[static_cast<size_t>(index) % std::size(colors)];
}

void setPlotScale(double scale) { gScale = scale; }
double plotScale() { return gScale; }

void captureScaleBase(QCustomPlot* plot) {
    const QVariant applied = plot->property("scvScale");
    const double at = applied.isValid() ? applied.toDouble() : 1.0;
    scalePlot(plot, at, at);
}

void applyPlotScale(QCustomPlot* plot) {
    // At the design scale a plot that was never scaled needs nothing (a slider step costs nothing).
    const QVariant applied = plot->property("scvScale");
    if (gScale == 1.0 && (!applied.isValid() || applied.toDouble() == 1.0)) return;
    scalePlot(plot, gScale, gScale);
}

namespace {
// `text` in lines no wider than `width`, broken where the language allows (between words, or
// between Chinese characters); one line when it fits.
QStringList wrappedLines(const QString& text, const QFont& font, int width) {
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(1, width));
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}
}  // namespace

// Those lines, broken after a comma first ("Cost per million tokens (USD),| owner's cost"), so a
// phrase is not split where a clause break would do.
QString wrappedText(const QString& text, const QFont& font, int width) {
    static const QRegularExpression comma(QStringLiteral("(?<=[,\u3001\uFF0C])\\s*"));
    const QFontMetrics fm(font);
    QStringList lines;
    for (const QString& clause : text.split(comma, Qt::SkipEmptyParts)) {
        if (!lines.isEmpty() && fm.horizontalAdvance(lines.last() + QLatin1Char(' ') + clause) <= width) {
            const bool latin = clause.front().unicode() < 0x2E80;
            lines.last() += (latin ? QStringLiteral(" ") : QString()) + clause;
        } else {
            lines << wrappedLines(clause, font, width);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void fitLinearTicks(QCPAxis* axis, int length, int fewest) {
    const QFontMetrics fm(axis->tickLabelFont());
    const QString widest = QString::number(std::max(std::fabs(axis->range().lower), std::fabs(axis->range().upper)), 'g', 4);
    const int label = fm.horizontalAdvance(widest) + fm.averageCharWidth();
    axis->ticker()->setTickCount(std::clamp(length / std::max(1, 4 * label), fewest, std::max(fewest, 6)));
}

QString powerOfTenLabel(int exponent) {
    static const char16_t kDigits[] = u"\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";
    QString label = QStringLiteral("10");
    if (exponent < 0) label += QChar(0x207B);  // superscript minus
    const QString digits = QString::number(std::abs(exponent));
    for (QChar d : digits) label += QChar(kDigits[d.digitValue()]);
    return label;
}

namespace {
// A legend entry's text laid out once per text and font (QCustomPlot's own entry measures it
// twice a replot, for the legend's layout and for the drawing, and lays it out again to draw it). The
// measure is QCustomPlot's: the text's bounding rectangle at the icon's height, not clipped.
struct LegendTextKey {
    QString text;
    QFont font;
    int iconHeight = 0;
    bool operator==(const LegendTextKey&) const = default;
};
size_t qHash(const LegendTextKey& k, size_t seed = 0) {
    return qHashMulti(seed, k.text, k.font, k.iconHeight);
}
struct LegendText {
    QRect rect;
    QStaticText layout;
};
const LegendText& legendText(const QFont& font, int iconHeight, const QString& text) {
    static QHash<LegendTextKey, LegendText> cache;
    LegendTextKey key{text, font, iconHeight};
    if (const auto it = cache.constFind(key); it != cache.constEnd()) return *it;
    if (cache.size() > 4096) cache.clear();  // entries of names no longer shown
    LegendText entry{QFontMetrics(font).boundingRect(0, 0, 0, iconHeight, Qt::TextDontClip, text), QStaticText(text)};
    entry.layout.setTextFormat(Qt::PlainText);
    entry.layout.setPerformanceHint(QStaticText::AggressiveCaching);
    entry.layout.prepare(QTransform(), font);
    return cache[std::move(key)] = std::move(entry);
}

// The plottable's own legend icon (protected in QCustomPlot, for its legend entry).
struct LegendIcon : QCPAbstractPlottable {
    using QCPAbstractPlottable::drawLegendIcon;
};

// A plottable's legend entry drawn as QCustomPlot's own (QCPPlottableLegendItem), its text measured
// once: on a slider step the legends' measuring was a sixth of the redraw.
class MeasuredLegendItem : public QCPPlottableLegendItem {
public:
    MeasuredLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable) : QCPPlottableLegendItem(legend, plottable) {}

protected:
    QSize minimumOuterSizeHint() const override {
        if (!mPlottable) return {};
        const QFont font = getFont();
        const QSize icon = mParentLegend->iconSize();
        const QRect text = legendText(font, icon.height(), mPlottable->name()).rect;
        return {icon.width() + mParentLegend->iconTextPadding() + text.width() + mMargins.left() + mMargins.right(),
                std::max(text.height(), icon.height()) + mMargins.top() + mMargins.bottom()};
    }

    void draw(QCPPainter* painter) override {
        if (!mPlottable) return;
        const QFont font = getFont();
        painter->setFont(font);
        painter->setPen(QPen(getTextColor()));
        const QSize icon = mParentLegend->iconSize();
        const LegendText& text = legendText(font, icon.height(), mPlottable->name());
        const QRect iconRect(mRect.topLeft(), icon);
        // Where QCustomPlot draws it: beside the icon, at the top of the entry.
        painter->drawStaticText(QPointF(mRect.x() + icon.width() + mParentLegend->iconTextPadding(), mRect.y()),
                                text.layout);
        painter->save();
        painter->setClipRect(iconRect, Qt::IntersectClip);
        (mPlottable->*(&LegendIcon::drawLegendIcon))(painter, iconRect);
        painter->restore();
        if (getIconBorderPen().style() != Qt::NoPen) {
            painter->setPen(getIconBorderPen());
            painter->setBrush(Qt::NoBrush);
            const int halfPen = static_cast<int>(std::ceil(painter->pen().widthF() * 0.5)) + 1;
            painter->setClipRect(mOuterRect.adjusted(-halfPen, -halfPen, halfPen, halfPen));
            painter->drawRect(iconRect);
        }
    }
};

// Every legend of the plot: its own and those placed in its layout.
std::vector<QCPLegend*> plotLegends(QCustomPlot* plot) {
    std::vector<QCPLegend*> legends;
    if (plot->legend) legends.push_back(plot->legend);
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true))
        if (auto* legend = qobject_cast<QCPLegend*>(e); legend && legend != plot->legend) legends.push_back(legend);
    return legends;
}
}  // namespace

QCPPlottableLegendItem* newLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable) {
    return new MeasuredLegendItem(legend, plottable);
}

void measureLegendTexts(QCustomPlot* plot) {
    for (QCPLegend* legend : plotLegends(plot)) {
        for (int i = 0; i < legend->elementCount(); ++i) {
            auto* old = qobject_cast<QCPPlottableLegendItem*>(legend->elementAt(i));
            if (!old || dynamic_cast<MeasuredLegendItem*>(old)) continue;
            auto* item = new MeasuredLegendItem(legend, old->plottable());
            item->setFont(old->font());
            item->setTextColor(old->textColor());
            item->setSelectedFont(old->selectedFont());
            item->setSelectedTextColor(old->selectedTextColor());
            item->setSelectable(old->selectable());
            item->setSelected(old->selected());
            item->setMargins(old->margins());
            item->setMinimumMargins(old->minimumMargins());
            item->setAutoMargins(old->autoMargins());
            item->setAntialiased(old->antialiased());
            item->setVisible(old->visible());
            item->setLayer(old->layer());
            for (const QByteArray& name : old->dynamicPropertyNames()) item->setProperty(name.constData(), old->property(name.constData()));
            int row = 0, column = 0;
            legend->indexToRowCol(i, row, column);
            legend->take(old);
            delete old;
            legend->addElement(row, column, item);
        }
    }
}

void requestReplot(QCustomPlot* plot) {
    usePowerTickers(plot);
    applyPlotScale(plot);
    measureLegendTexts(plot);
    plot->replot(gImmediate ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}
void setImmediateReplot(bool immediate) { gImmediate = immediate; }

void setExportCaption(std::function<QStringList(QCustomPlot*)> caption) { gCaption() = std::move(caption); }

QStringList exportCaption(QCustomPlot* plot) {
    QStringList lines;
    if (gCaption()) lines = gCaption()(plot);
    lines.removeAll(QString());
    return lines;
}

namespace {
// The caption's lines above the plot: the first (the chart's title) in bold.
void drawCaption(QPainter& painter, const QStringList& lines, const QFont& font, int width, int lineHeight,
                 const QColor& text) {
    painter.save();
    painter.setPen(text);
    for (int i = 0; i < lines.size(); ++i) {
        QFont f = font;
        f.setBold(i == 0);
        painter.setFont(f);
        painter.drawText(QRect(8, 4 + i * lineHeight, width - 16, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(f).elidedText(lines[i], Qt::ElideRight, width - 16));
    }
    painter.restore();
}
}  // namespace

bool exportPlot(QCustomPlot* plot, const QString& fileName, QString* error) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const QStringList caption = exportCaption(plot);
    const QFont font = plot->font();
    const int lineHeight = QFontMetrics(font).height() + 4;
    const int captionHeight = caption.isEmpty() ? 0 : static_cast<int>(caption.size()) * lineHeight + 8;
    const QColor text = plot->palette().color(QPalette::WindowText);
    const QBrush background = plot->palette().brush(QPalette::Base);
    const int w = plot->width(), h = plot->height();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        const double scale = 2.0;  // twice the on-screen resolution, for slides
        QImage image(static_cast<int>(w * scale), static_cast<int>((h + captionHeight) * scale), QImage::Format_ARGB32);
        image.fill(background.color());
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        drawCaption(painter, caption, font, w, lineHeight, text);
        painter.drawPixmap(QRectF(0, captionHeight, w, h), plot->toPixmap(w, h, scale), QRectF());
        painter.end();
        ok = image.save(fileName, "PNG");
    } else if (suffix == QLatin1String("pdf") || suffix == QLatin1String("svg")) {
        std::unique_ptr<QPaintDevice> device;
        if (suffix == QLatin1String("pdf")) {
            auto pdf = std::make_unique<QPdfWriter>(fileName);
            pdf->setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf->setPageSize(QPageSize(QSizeF(w, h + captionHeight), QPageSize::Point));
            pdf->setResolution(72);
            pdf->setTitle(caption.isEmpty() ? plot->objectName() : caption.join(QStringLiteral(" \u2014 ")));
            pdf->setCreator(QStringLiteral("Scoville"));
            device = std::move(pdf);
        } else {
            auto svg = std::make_unique<QSvgGenerator>();
            svg->setFileName(fileName);
            svg->setSize(QSize(w, h + captionHeight));
            svg->setViewBox(QRect(0, 0, w, h + captionHeight));
            svg->setTitle(caption.isEmpty() ? plot->objectName() : caption.join(QStringLiteral(" \u2014 ")));
            device = std::move(svg);
        }
        QCPPainter painter;
        ok = painter.begin(device.get());
        if (ok) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            painter.fillRect(QRect(0, 0, w, h + captionHeight), background);
            drawCaption(painter, caption, font, w, lineHeight, text);
            painter.translate(0, captionHeight);
            plot->toPainter(&painter, w, h);
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
