// The window on every screen: views tab instead of squeezing, panels come back at the widths they
// had, labels never run together or overprint, the charts say why they are empty, sliders land on
// round numbers, and the indicators agree with what they indicate.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <array>
#include <cmath>
#include <memory>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "app/sessioncontroller.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/physical/area.hpp"
#include "core/physical/tech.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/layerview.hpp"
#include "widgets/parameterpanel.hpp"
#include "widgets/physicalview.hpp"
#include "widgets/rooflineview.hpp"
#include "widgets/sensitivityview.hpp"
#include "widgets/viewgrid.hpp"

using namespace scoville;

namespace {

// A view taken out of its window to be shown at a size of its own. It holds the window's document, so
// it is deleted before the window: declared after it.
template <class View>
std::unique_ptr<View> detached(View* view) {
    view->setParent(nullptr);
    return std::unique_ptr<View>(view);
}

// Tick labels of an axis as drawn: [start, end] along the axis, in pixels, in tick order.
std::vector<std::pair<double, double>> tickLabelSpans(QCPAxis* axis) {
    const QFontMetricsF fm(axis->tickLabelFont());
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    std::vector<std::pair<double, double>> spans;
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i])) continue;  // generated beyond the range, not drawn
        const double at = axis->coordToPixel(ticks[i]);
        const double extent = axis->orientation() == Qt::Horizontal ? fm.horizontalAdvance(labels[i]) : fm.height();
        spans.emplace_back(at - extent / 2, at + extent / 2);
    }
    std::sort(spans.begin(), spans.end());
    return spans;
}

bool overlaps(const std::vector<std::pair<double, double>>& spans) {
    for (size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first < spans[i - 1].second) return true;
    return false;
}

double barTotal(const std::vector<QCPBars*>& segments, double key) {
    double sum = 0;
    for (QCPBars* b : segments)
        for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
            if (it->key == key) sum += it->value;
    return sum;
}

// Llama 3.1 405B at bf16 is ~810 GB of weights: it does not fit on one chip.
void makeTheModelNotFit(MainWindow& w) {
    DesignDocument* doc = w.document();
    auto* model = w.findChild<QComboBox*>(QStringLiteral("workload:model"));
    const int i = model->findData(QStringLiteral("llama-3.1-405b"));
    QVERIFY(i >= 0);
    model->setCurrentIndex(i);
    emit model->activated(i);
    Scenario s = doc->state().scenario;
    s.chips = 1;
    s.tp = 1;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
    doc->setScenario(s);
    QVERIFY(!doc->evaluation().ok());
}

}  // namespace

class TestScreens : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleScreensTest"));
        QSettings().clear();
    }
    void init() { QSettings().clear(); }

    // A plot needs about 440 x 300 px with its legend, axis titles and tick labels: four fit as a
    // grid on a large window; a laptop window gets two tabbed panes, a small one one set of tabs.
    void viewsTabBelowTheirReadableSize() {
        MainWindow w;
        ViewGrid* grid = w.viewGrid();
        QVERIFY(grid);
        QCOMPARE(grid->arrangementFor(QSize(880, 600)), std::make_pair(2, 2));
        QCOMPARE(grid->arrangementFor(QSize(879, 600)), std::make_pair(1, 2));
        QCOMPARE(grid->arrangementFor(QSize(880, 599)), std::make_pair(2, 1));
        QCOMPARE(grid->arrangementFor(QSize(960, 400)), std::make_pair(2, 1));
        QCOMPARE(grid->arrangementFor(QSize(600, 400)), std::make_pair(1, 1));

        w.resize(1900, 1200);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(grid->columns() * grid->rows(), 4);
        QVERIFY(grid->findChildren<QTabWidget*>().isEmpty());
        auto* physical = w.findChild<PhysicalView*>(QStringLiteral("physicalView"));
        QVERIFY(physical->isVisible());

        // A laptop-sized window: fewer cells, each a tab widget sharing the four views.
        w.resize(900, 650);
        QTRY_VERIFY(grid->columns() * grid->rows() < 4);
        QCOMPARE(std::make_pair(grid->columns(), grid->rows()), grid->arrangementFor(grid->size()));
        const auto tabs = grid->findChildren<QTabWidget*>(QStringLiteral("viewGridTabs"));
        QCOMPARE(int(tabs.size()), grid->columns() * grid->rows());
        int pages = 0;
        for (QTabWidget* t : tabs) pages += t->count();
        QCOMPARE(pages, 4);
        // A lesson or a click asks for a view: its tab comes to the front.
        for (QWidget* view : {static_cast<QWidget*>(physical), w.findChild<QWidget*>(QStringLiteral("compareView"))}) {
            grid->reveal(view);
            QVERIFY(view->isVisible());
        }

        // Short and narrow: one set of four tabs; large again: the grid, every view shown.
        std::array<ViewGrid::View, 4> views;
        for (int i = 0; i < 4; ++i) views[size_t(i)] = {new QWidget, QStringLiteral("v%1").arg(i)};
        ViewGrid small(views, QSize(440, 300));
        small.resize(600, 400);
        small.show();
        QVERIFY(QTest::qWaitForWindowExposed(&small));
        QCOMPARE(small.columns() * small.rows(), 1);
        const auto one = small.findChildren<QTabWidget*>(QStringLiteral("viewGridTabs"));
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.front()->count(), 4);
        QVERIFY(views[0].widget->isVisible() && !views[3].widget->isVisible());
        small.reveal(views[3].widget);
        QVERIFY(views[3].widget->isVisible() && !views[0].widget->isVisible());
        small.resize(1000, 700);
        QTRY_COMPARE(small.columns() * small.rows(), 4);
        for (const auto& v : views) QVERIFY(v.widget->isVisible());
    }

    // The decode chart is the second axis rect; its highlight is drawn over it, not over prefill.
    void aDecodeLayerIsHighlightedOnTheDecodeChart() {
        MainWindow w;
        w.resize(1900, 1200);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* view = w.findChild<LayerView*>(QStringLiteral("layerView"));
        w.document()->setSelection({Phase::decode, 5, -1});
        view->plot()->replot();
        QCPItemRect* decode = view->highlight(Phase::decode);
        QVERIFY(decode->visible());
        QVERIFY(!view->highlight(Phase::prefill)->visible());
        QCPAxisRect* rect = view->plot()->axisRects().last();
        QCOMPARE(decode->topLeft->pixelPosition().y(), double(rect->top()));
        QCOMPARE(decode->bottomRight->pixelPosition().y(), double(rect->top() + rect->height()));
        // Layer 5 spans 4.5 to 5.5 on the layer axis.
        QCOMPARE(decode->topLeft->pixelPosition().x(), rect->axis(QCPAxis::atBottom)->coordToPixel(4.5));
    }

    // Die area does not depend on the workload: with a model that does not fit, the area chart
    // shows the same die area the design had when it did; power and cost say why they are empty.
    void areaStaysWhenTheModelDoesNotFit() {
        MainWindow w;
        w.resize(1900, 1200);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DesignDocument* doc = w.document();
        QVERIFY(doc->evaluation().ok());
        const double dieArea = doc->evaluation()->physical.die_area_mm2;
        auto* view = w.findChild<PhysicalView*>(QStringLiteral("physicalView"));
        QVERIFY(std::abs(barTotal(view->segments(0), 1) - dieArea) < 1e-6 * dieArea);
        makeTheModelNotFit(w);
        QVERIFY(std::abs(barTotal(view->segments(0), 1) - dieArea) < 1e-6 * dieArea);
        QVERIFY(!view->note(0)->visible());
        QVERIFY(view->note(1)->visible());
        QVERIFY(view->noteText(1).contains(QStringLiteral("does not run")));
        // The roofline keeps its axes and says why it is empty.
        auto* roofline = w.findChild<RooflineView*>(QStringLiteral("rooflineView"));
        roofline->plot()->replot();
        QVERIFY(roofline->plot()->axisRect()->height() > 100);
        QVERIFY(!overlaps(tickLabelSpans(roofline->plot()->yAxis)));
        QVERIFY(!overlaps(tickLabelSpans(roofline->plot()->xAxis)));
        // With nothing to list, no legend box is drawn over the axes.
        QVERIFY(!roofline->plot()->legend->visible());
        // The layer chart has no layers to show: no legend, the reason instead.
        auto* layers = w.findChild<LayerView*>(QStringLiteral("layerView"));
        QVERIFY(!layers->plot()->legend->visible());
        QVERIFY(layers->note()->visible());
        QVERIFY(layers->note()->text().replace(QLatin1Char('\n'), QLatin1Char(' ')).contains(QStringLiteral("does not run")));
        QVERIFY(layers->note()->realVisibility());  // no hidden chart above it
        // The notes are wrapped to their chart's width and cut to its height (the last line kept
        // elided), at this size and in a window of 1366 x 768, where the charts are narrow.
        for (const QSize size : {QSize(1900, 1200), QSize(1366, 768)}) {
            w.resize(size);
            QTest::qWait(50);
            view->plot()->replot();
            for (int c : {1, 2}) {
                QCPItemText* note = view->note(c);
                QVERIFY(note->visible());
                QVERIFY(view->noteText(c).contains(QStringLiteral("does not run on the design")));
                const QStringList lines = note->text().split(QLatin1Char('\n'));
                QVERIFY2(view->noteText(c).startsWith(lines.first()) || lines.first().endsWith(QChar(0x2026)),
                         qPrintable(lines.first()));
                const QFontMetrics fm(note->font());
                const QCPAxisRect* rect = view->plot()->axisRects().at(c);
                QVERIFY(lines.size() * fm.lineSpacing() <= std::max(rect->height(), fm.lineSpacing()));
                for (const QString& line : lines)
                    QVERIFY2(fm.horizontalAdvance(line) <= rect->width(),
                             qPrintable(QStringLiteral("%1 > %2: %3").arg(fm.horizontalAdvance(line)).arg(rect->width()).arg(line)));
            }
            // The layer chart's note follows its width too (its tab to the front where views are tabs).
            w.viewGrid()->reveal(layers);
            QTest::qWait(20);
            QVERIFY(layers->isVisible());
            {
                const QFontMetrics fm(layers->note()->font());
                for (const QString& line : layers->note()->text().split(QLatin1Char('\n')))
                    QVERIFY2(fm.horizontalAdvance(line) <= layers->plot()->width(), qPrintable(line));
            }
        }
    }

    // The exported chart carries its legend: every component, and the limit line by name.
    void areaAndPowerChartsCarryTheirLegends() {
        MainWindow w;
        auto* view = w.findChild<PhysicalView*>(QStringLiteral("physicalView"));
        QCPLegend* area = view->legend(0);
        QCOMPARE(area->itemCount(), int(view->segments(0).size()) + 1);
        auto* reticle = qobject_cast<QCPPlottableLegendItem*>(area->item(area->itemCount() - 1));
        QVERIFY(reticle);
        QCOMPARE(reticle->plottable()->name(), QStringLiteral("reticle limit 858 mm\u00B2"));
        QCOMPARE(reticle->plottable()->pen().style(), Qt::DashLine);
        QCPLegend* power = view->legend(1);
        auto* tdp = qobject_cast<QCPPlottableLegendItem*>(power->item(power->itemCount() - 1));
        QVERIFY(tdp->plottable()->name().startsWith(QStringLiteral("TDP ")));
        // The legends are in the plot's own layout, so PNG, PDF and SVG exports draw them.
        QVERIFY(area->layout() == view->plot()->plotLayout());
    }

    // In the pane the physical view gets on a 1366 x 768 screen (476 x 363 px) every legend keeps the
    // height its rows need (below the charts they did not fit it, and each row's text was cut).
    // In the grid's smallest cell (a 1633 x 900 window's, 458 x 297), with no power or cost to show,
    // each chart keeps a share of the height: the cost chart's empty legend once capped its row at
    // its margins, 4 px, and the chart's note ran over the power chart's title.
    void emptyChartsKeepTheirShareOfThePane() {
        MainWindow w;
        makeTheModelNotFit(w);
        const auto view = detached(w.findChild<PhysicalView*>(QStringLiteral("physicalView")));
        view->resize(458, 297);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        view->plot()->replot();
        QCOMPARE(view->legend(2)->itemCount(), 0);
        for (int chart = 0; chart < 3; ++chart) {
            const QRect rect = view->plot()->axisRects().at(chart)->rect();
            const QFontMetrics fm(view->note(chart)->font());
            QVERIFY2(rect.height() >= fm.lineSpacing(), qPrintable(QStringLiteral("chart %1: %2 px").arg(chart).arg(rect.height())));
            if (chart > 0)
                QVERIFY(view->note(chart)->text().split(QLatin1Char('\n')).size() * fm.lineSpacing() <= rect.height());
        }
    }

    void legendsKeepTheirRowsInALaptopPane() {
        MainWindow w;
        const auto view = detached(w.findChild<PhysicalView*>(QStringLiteral("physicalView")));
        view->resize(476, 363);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        view->plot()->replot();
        for (int chart = 0; chart < 3; ++chart) {
            QCPLegend* legend = view->legend(chart);
            QVERIFY2(legend->outerRect().height() >= legend->minimumOuterSizeHint().height(),
                     qPrintable(QStringLiteral("chart %1: %2 px of %3").arg(chart)
                                    .arg(legend->outerRect().height()).arg(legend->minimumOuterSizeHint().height())));
        }
    }

    // A report draws the chart of a view that is never shown at its own size: fitted to that size,
    // each legend sits inside the drawing and clear of its chart (laid out for the hidden view's
    // size instead, the legends were squeezed into the charts).
    void aHiddenViewFitsItsLegendsToTheReportsSize() {
        MainWindow w;
        // As the report makes it: a view of the document that is never shown.
        PhysicalView view(w.document());
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(560, 360);
        QCoreApplication::processEvents();
        QVERIFY(!view.isVisible());
        QVERIFY(view.legend(0)->itemCount() > 6);  // the area chart's components, beside it in two columns
        // The report's chart (reportwriter.cpp): 64 % of the page's text width by 230 units, x 1.15.
        const QSize size(683, 264);
        view.fitTo(size);
        view.plot()->toPixmap(size.width(), size.height());
        const QRect drawing = QRect(QPoint(0, 0), size).adjusted(-2, -2, 2, 2);  // the layout rounds
        for (int chart = 0; chart < 3; ++chart) {
            const QRect legend = view.legend(chart)->outerRect();
            const QRect rect = view.plot()->axisRects().at(chart)->rect();
            const QString where = QStringLiteral("chart %1: legend %2x%3 at %4,%5, its hint %6 high; chart %7 high")
                                      .arg(chart).arg(legend.width()).arg(legend.height()).arg(legend.x())
                                      .arg(legend.y()).arg(view.legend(chart)->minimumOuterSizeHint().height())
                                      .arg(rect.height());
            QVERIFY2(drawing.contains(legend), qPrintable(where));
            QVERIFY2(!legend.intersects(rect), qPrintable(where));
            QVERIFY2(legend.height() >= view.legend(chart)->minimumOuterSizeHint().height(), qPrintable(where));
            QVERIFY2(rect.height() > 20, qPrintable(where));
        }
    }

    // In a 1280 x 720 and a 1366 x 768 window the value axes' titles ("Cost per million tokens
    // (USD), owner's cost" is wider than its chart there) wrap within their charts: none runs into
    // the legend beside it (the cost title ran under the last entry, "power").
    void axisTitlesClearTheLegends_data() {
        QTest::addColumn<QSize>("window");
        QTest::newRow("1280x720") << QSize(1280, 720);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void axisTitlesClearTheLegends() {
        QFETCH(QSize, window);
        MainWindow w;
        w.resize(window);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* view = w.findChild<PhysicalView*>(QStringLiteral("physicalView"));
        w.viewGrid()->reveal(view);
        QTRY_VERIFY(view->isVisible());
        view->plot()->replot();
        QVERIFY(view->plot()->width() < 600);  // the pane of a laptop screen, where the titles do not fit one line
        for (int chart = 0; chart < 3; ++chart) {
            QCPAxisRect* rect = view->plot()->axisRects().at(chart);
            QCPAxis* axis = rect->axis(QCPAxis::atBottom);
            // The title as QCustomPlot draws it: centred under the chart, in the margin below it.
            const QRect text = QFontMetrics(axis->labelFont()).boundingRect(QRect(), Qt::TextDontClip, axis->label());
            const QRect title(rect->left() + (rect->width() - text.width()) / 2, rect->bottom(), text.width(),
                              rect->outerRect().bottom() - rect->bottom());
            QVERIFY2(text.width() <= rect->width(), qPrintable(axis->label()));
            for (int other = 0; other < 3; ++other) {
                QCPLegend* legend = view->legend(other);
                for (int i = 0; i < legend->itemCount(); ++i) {
                    QCPAbstractLegendItem* item = legend->item(i);
                    if (!item) continue;
                    QVERIFY2(!title.intersects(item->outerRect()),
                             qPrintable(QStringLiteral("chart %1's title \"%2\" runs into legend %3's item %4")
                                            .arg(chart).arg(axis->label()).arg(other).arg(i)));
                }
            }
        }
    }

    // At the width the physical view gets beside two docks on a 1366 px screen (about 330 px),
    // the power axis's numbers do not run together; nor do the roofline's at a small size.
    void tickLabelsDoNotOverlap() {
        MainWindow w;
        const auto physical = detached(w.findChild<PhysicalView*>(QStringLiteral("physicalView")));
        const auto roofline = detached(w.findChild<RooflineView*>(QStringLiteral("rooflineView")));
        for (const QSize size : {QSize(330, 300), QSize(440, 270), QSize(900, 500)}) {
            physical->resize(size);
            physical->show();
            QVERIFY(QTest::qWaitForWindowExposed(physical.get()));
            physical->plot()->replot();
            physical->plot()->replot();  // the second with the tick counts the first layout asked for
            for (int chart = 0; chart < 2; ++chart) {
                QCPAxis* axis = physical->plot()->axisRects().at(chart)->axis(QCPAxis::atBottom);
                const auto spans = tickLabelSpans(axis);
                QVERIFY2(spans.size() >= 2, qPrintable(QString::number(spans.size())));
                QVERIFY2(!overlaps(spans), qPrintable(QStringLiteral("chart %1 at %2 px").arg(chart).arg(size.width())));
            }
            roofline->resize(size);
            roofline->show();
            QVERIFY(QTest::qWaitForWindowExposed(roofline.get()));
            roofline->plot()->replot();
            QVERIFY(!overlaps(tickLabelSpans(roofline->plot()->yAxis)));
        }
        // The sensitivity tornado's axis, beside the keys' names and the table: at a 1366 px window's
        // view (about 950 x 400) it had seven labels in 140 px, "-0.75-0.5-0.25" run together.
        auto* found = w.findChild<SensitivityView*>(QStringLiteral("sensitivityView"));
        QVERIFY(found);
        const auto sensitivity = detached(found);
        for (const QSize size : {QSize(950, 400), QSize(1400, 600)}) {
            sensitivity->resize(size);
            sensitivity->show();
            QVERIFY(QTest::qWaitForWindowExposed(sensitivity.get()));
            QTRY_VERIFY_WITH_TIMEOUT(sensitivity->sensitivity() && !sensitivity->isComputing(), 20000);
            sensitivity->plot()->replot();
            sensitivity->plot()->replot();
            const auto spans = tickLabelSpans(sensitivity->plot()->xAxis);
            QVERIFY2(spans.size() >= 2, qPrintable(QString::number(spans.size())));
            QVERIFY2(!overlaps(spans), qPrintable(QStringLiteral("%1 px: %2 labels")
                                                      .arg(sensitivity->plot()->axisRect()->width())
                                                      .arg(spans.size())));
            // Its title, centred under the axis, stays inside the chart (it ran off its right edge).
            QCPAxis* axis = sensitivity->plot()->xAxis;
            const int centre = sensitivity->plot()->axisRect()->rect().center().x();
            const int room = 2 * std::min(centre, sensitivity->plot()->width() - centre);
            const QFontMetrics fm(axis->labelFont());
            for (const QString& line : axis->label().split(QLatin1Char('\n')))
                QVERIFY2(fm.horizontalAdvance(line) <= room, qPrintable(QStringLiteral("\"%1\" in %2 px").arg(line).arg(room)));
        }
    }

    // Ceiling labels never overprint each other (SRAM and HBM slopes are close) and stay inside.
    void rooflineCeilingLabelsDoNotOverlap() {
        MainWindow w;
        const auto roofline = detached(w.findChild<RooflineView*>(QStringLiteral("rooflineView")));
        for (const QSize size : {QSize(440, 270), QSize(700, 450)}) {
            roofline->resize(size);
            roofline->show();
            QVERIFY(QTest::qWaitForWindowExposed(roofline.get()));
            roofline->plot()->replot();
            std::vector<QRectF> rects;
            for (QCPItemText* t : roofline->ceilingLabels())
                rects.emplace_back(t->topLeft->pixelPosition(), t->bottomRight->pixelPosition());
            QVERIFY(rects.size() >= 2);
            const QRectF inside(roofline->plot()->axisRect()->rect());
            for (size_t i = 0; i < rects.size(); ++i) {
                QVERIFY2(inside.adjusted(-2, -2, 2, 2).contains(rects[i]), qPrintable(roofline->ceilingLabels()[i]->text()));
                for (size_t j = i + 1; j < rects.size(); ++j)
                    QVERIFY2(!rects[i].intersects(rects[j]),
                             qPrintable(roofline->ceilingLabels()[i]->text() + QStringLiteral(" / ") +
                                        roofline->ceilingLabels()[j]->text()));
            }
        }
    }

    // Ceiling labels ("FP8/INT8 2.29 PFLOP/s") never sit over a reference chip's ridge diamond or
    // one of the design's op points, for the default design and for MI300X. In a 440 x 270 pane
    // the roof labels' first places (right end, by the ridge) both hold a ridge diamond (B200's at
    // about 600 FLOP/byte for the default design), so the label must move along the roof.
    void rooflineCeilingLabelsClearThePoints_data() {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QSize>("size");
        for (const char* chip : {"", "mi300x"})
            for (const QSize size : {QSize(440, 270), QSize(700, 450), QSize(1000, 640)})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2x%3").arg(*chip ? chip : "default").arg(size.width()).arg(size.height())))
                    << QString::fromLatin1(chip) << size;
    }
    void rooflineCeilingLabelsClearThePoints() {
        QFETCH(QString, chip);
        QFETCH(QSize, size);
        MainWindow w;
        DesignDocument* doc = w.document();
        if (!chip.isEmpty()) {
            const auto spec = load_chip(chip.toStdString());
            QVERIFY(spec.ok());
            QVERIFY(doc->setDesign(spec.value()).ok());
        }
        const auto roofline = detached(w.findChild<RooflineView*>(QStringLiteral("rooflineView")));
        roofline->resize(size);
        roofline->show();
        QVERIFY(QTest::qWaitForWindowExposed(roofline.get()));
        roofline->plot()->replot();
        QCustomPlot* plot = roofline->plot();
        auto pixel = [&](double x, double y) { return QPointF(plot->xAxis->coordToPixel(x), plot->yAxis->coordToPixel(y)); };
        const auto refs = roofline->referencePoints();
        QCOMPARE(int(refs.size()), int(doc->state().reference_ids.size()));  // b200, gb200, tpu-v7, tpu-v6e, h200
        QVERIFY(!roofline->points().empty());
        QVERIFY(roofline->ceilingLabels().size() >= 2);
        for (QCPItemText* t : roofline->ceilingLabels()) {
            const QRectF r(t->topLeft->pixelPosition(), t->bottomRight->pixelPosition());
            for (const QPointF& ref : refs)
                QVERIFY2(!r.contains(pixel(ref.x(), ref.y())),
                         qPrintable(QStringLiteral("\"%1\" covers the ridge point at %2 FLOP/byte, %3 TFLOP/s")
                                        .arg(t->text()).arg(ref.x()).arg(ref.y())));
            for (const auto& p : roofline->points())
                QVERIFY2(!r.contains(pixel(p.intensity, p.tflops)),
                         qPrintable(QStringLiteral("\"%1\" covers the op %2").arg(t->text(), qtext(p.op.name))));
        }
    }

    void slidersLandOnRoundNumbers() {
        const ParamInfo& clock = *find_param("compute.clock_ghz");  // linear, 0.3 to 3.0 GHz
        // 2.7 GHz / 50 = 0.054: the 1-2-5 step below is 0.05 GHz; fine (Shift): 0.0054 -> 0.005.
        QCOMPARE(ParameterPanel::snapSliderValue(clock, 1.237, false), 1.25);
        QCOMPARE(ParameterPanel::snapSliderValue(clock, 1.237, true), 1.235);
        const ParamInfo& sram = *find_param("sram.mb");  // linear, 0 to 1024 MB
        // 1024 / 50 = 20.5 -> 20 MB steps; fine: 2.05 -> 2 MB.
        QCOMPARE(ParameterPanel::snapSliderValue(sram, 743.4, false), 740.0);
        QCOMPARE(ParameterPanel::snapSliderValue(sram, 743.4, true), 744.0);
        const ParamInfo& cores = *find_param("compute.cores");  // log, 1 to 1024
        // R''10: 27 lies between 25 and 30, nearer 25 geometrically (27/25 = 1.08 < 30/27 = 1.11).
        QCOMPARE(ParameterPanel::snapSliderValue(cores, 27, false), 25.0);
        QCOMPARE(ParameterPanel::snapSliderValue(cores, 27, true), 27.0);  // counts stay whole
        QCOMPARE(ParameterPanel::snapSliderValue(cores, 8, false), 8.0);
        QCOMPARE(ParameterPanel::snapSliderValue(cores, 132, true), 132.0);  // H100's 132 SMs, by Shift
        const ParamInfo& units = *find_param("econ.units");  // log, real
        QCOMPARE(ParameterPanel::snapSliderValue(units, 437'000, false), 400'000.0);
        QCOMPARE(ParameterPanel::snapSliderValue(units, 437'000, true), 440'000.0);  // two digits
        const ParamInfo& tdp = *find_param("power.tdp_w");  // 50 to 2500 W: 2450 / 50 = 49 -> 20 W
        QCOMPARE(ParameterPanel::snapSliderValue(tdp, 1237, false), 1240.0);

        // One arrow press moves one snapping step: 0.05 GHz is 0.05 / 2.7 x 1000 = 18.5 -> 19 positions.
        QCOMPARE(ParameterPanel::sliderSingleStep(clock), 19);
        // Log: a tenth of a decade, 1000 / (10 x log10(1024)) = 33.2 -> 33 positions.
        QCOMPARE(ParameterPanel::sliderSingleStep(cores), 33);
    }

    // A drag sets snapped values; with Shift held it moves a tenth as far for the same distance.
    void shiftDragsFinely() {
        MainWindow w;
        w.resize(1900, 1200);
        w.show();
        w.findChild<QDockWidget*>(QStringLiteral("parameterDock"))->show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* slider = w.findChild<QSlider*>(QStringLiteral("param:sram.mb:slider"));
        QVERIFY(slider && slider->isVisible());
        auto drag = [&](int pixels, Qt::KeyboardModifiers mods) {
            const QStyleOptionSlider opt = [&] {
                QStyleOptionSlider o;
                o.initFrom(slider);
                o.orientation = slider->orientation();
                o.minimum = slider->minimum();
                o.maximum = slider->maximum();
                o.sliderPosition = slider->sliderPosition();
                o.sliderValue = slider->value();
                return o;
            }();
            const QPoint handle =
                slider->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider).center();
            const int before = slider->value();
            QMouseEvent press(QEvent::MouseButtonPress, handle, slider->mapToGlobal(handle), Qt::LeftButton, Qt::LeftButton, mods);
            QApplication::sendEvent(slider, &press);
            for (int dx = 1; dx <= pixels; ++dx) {
                const QPoint p = handle + QPoint(dx, 0);
                QMouseEvent move(QEvent::MouseMove, p, slider->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, mods);
                QApplication::sendEvent(slider, &move);
            }
            const QPoint end = handle + QPoint(pixels, 0);
            QMouseEvent release(QEvent::MouseButtonRelease, end, slider->mapToGlobal(end), Qt::LeftButton, Qt::NoButton, mods);
            QApplication::sendEvent(slider, &release);
            return slider->value() - before;
        };
        w.document()->setParam("sram.mb", 100);
        const int coarse = drag(40, Qt::NoModifier);
        const double afterCoarse = w.document()->chip().sram.mb;
        // Snapped to the 20 MB step.
        QCOMPARE(std::fmod(afterCoarse, 20.0), 0.0);
        w.document()->setParam("sram.mb", 100);
        const int fine = drag(40, Qt::ShiftModifier);
        QVERIFY2(coarse > 0 && fine > 0, qPrintable(QStringLiteral("%1 %2").arg(coarse).arg(fine)));
        QVERIFY2(std::abs(fine * 10 - coarse) <= coarse / 5 + 10, qPrintable(QStringLiteral("%1 %2").arg(coarse).arg(fine)));
        // Fine steps are 2 MB.
        QCOMPARE(std::fmod(w.document()->chip().sram.mb, 2.0), 0.0);
    }

    // A change that rounds to 0.0 % is shown without a sign and in the neutral colour.
    void aZeroChangeIsNeutral() {
        QCOMPARE(formatDelta(100.04, 100), QStringLiteral("0.0 %"));  // +0.04 % rounds to 0.0
        QCOMPARE(formatDelta(99.96, 100), QStringLiteral("0.0 %"));
        QCOMPARE(formatDelta(100.06, 100), QStringLiteral("+0.1 %"));
        QVERIFY(deltaShownAsZero(100.04, 100));
        QVERIFY(!deltaShownAsZero(100.06, 100));

        MainWindow w;
        w.resize(1800, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DesignDocument* doc = w.document();
        // The design is the baseline chip, with electricity a hair dearer: $/M tokens rises by far
        // less than 0.05 % (power is a few percent of the chip-hour).
        QVERIFY(doc->loadPreset("b200"));
        doc->setBaseline("b200");
        QVERIFY(doc->setParam("econ.power_usd_per_kwh", doc->chip().econ.power_usd_per_kwh * 1.001));
        const double v = doc->evaluation()->physical.cost_per_million_tokens_usd;
        const double b = doc->baselineEvaluation()->value().physical.cost_per_million_tokens_usd;
        QVERIFY(v > b);
        QVERIFY(deltaShownAsZero(v, b));
        auto* delta = w.findChild<QLabel*>(QStringLiteral("kpi:cost_per_million_tokens:delta"));
        QCOMPARE(delta->text().left(5), QStringLiteral("0.0 %"));
        QCOMPARE(delta->palette().color(QPalette::WindowText), QLabel().palette().color(QPalette::WindowText));
    }

    // Panel widths come back as they were, for this screen size; the explain panel is never a strip.
    void dockWidthsSurviveARestart() {
        {
            MainWindow w;
            w.resize(1800, 1000);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto* params = w.findChild<QDockWidget*>(QStringLiteral("parameterDock"));
            auto* explain = w.findChild<QDockWidget*>(QStringLiteral("explainDock"));
            explain->show();
            explain->raise();
            QTRY_VERIFY(explain->width() > 0 && explain->isVisible());
            QTest::qWait(50);  // the dock layout runs before a resize of its docks takes
            w.resizeDocks({params}, {360}, Qt::Horizontal);
            w.resizeDocks({explain}, {430}, Qt::Horizontal);
            QTRY_COMPARE(params->width(), 360);
            QTRY_COMPARE(explain->width(), 430);
            w.close();
        }
        QVERIFY(QSettings().contains(QStringLiteral("mainWindow/") + MainWindow().screenBucket() + QStringLiteral("/state")));
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto* params = again.findChild<QDockWidget*>(QStringLiteral("parameterDock"));
        auto* explain = again.findChild<QDockWidget*>(QStringLiteral("explainDock"));
        QVERIFY(explain->isVisible());
        QTRY_COMPARE(params->width(), 360);
        QTRY_COMPARE(explain->width(), 430);

        // Squeezed as far as it goes, the explain text still has room for a line of words, and the
        // parameter filter for its hint.
        again.resizeDocks({explain}, {10}, Qt::Horizontal);
        again.resizeDocks({params}, {10}, Qt::Horizontal);
        QTRY_VERIFY(explain->width() >= explain->fontMetrics().averageCharWidth() * 32);
        auto* search = again.findChild<QLineEdit*>(QStringLiteral("paramSearch"));
        QVERIFY(search->width() >= search->fontMetrics().horizontalAdvance(search->placeholderText()));
    }

    // Ctrl+H brings the history to the front even when Explain shares its place; again hides it.
    void ctrlHRaisesTheHistory() {
        MainWindow w;
        w.resize(1800, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* session = w.findChild<QDockWidget*>(QStringLiteral("sessionDock"));
        auto* explain = w.findChild<QDockWidget*>(QStringLiteral("explainDock"));
        explain->show();
        session->show();
        explain->raise();
        QTRY_VERIFY(!explain->visibleRegion().isEmpty());
        auto* action = w.findChild<QAction*>(QStringLiteral("actionToggleSession"));
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
        action->trigger();
        QTRY_VERIFY(!session->visibleRegion().isEmpty());
        QVERIFY(explain->visibleRegion().isEmpty());
        QVERIFY(action->isChecked());
        action->trigger();
        QTRY_VERIFY(session->isHidden());
    }

    // A write the session file refuses shows "Not saved" on the indicator and in the status bar;
    // once it is written, neither says so: never "Saved" beside "Not saved: ...".
    void theSaveIndicatorAgreesWithTheStatusBar() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.scoville"));
        MainWindow w;
        w.resize(1800, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openSessionFile(file, false));
        auto* indicator = w.findChild<QToolButton*>(QStringLiteral("saveState"));
        QCOMPARE(indicator->text(), QStringLiteral("Saved"));
        auto notSavedInStatus = [&] { return w.statusBar()->currentMessage().startsWith(QStringLiteral("Not saved")); };
        {
            // Another program holds the write lock longer than the session's 2 s busy timeout.
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(w.document()->setParam("compute.clock_ghz", w.document()->chip().compute.clock_ghz + 0.2));
            QCOMPARE(indicator->text(), QStringLiteral("Not saved"));
            QVERIFY(notSavedInStatus());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        w.sessionController()->flush();
        QCOMPARE(indicator->text(), QStringLiteral("Saved"));
        QVERIFY2(!notSavedInStatus(), qPrintable(w.statusBar()->currentMessage()));
    }
};

QTEST_MAIN(TestScreens)
#include "test_screens.moc"
