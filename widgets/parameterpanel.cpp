#include "widgets/parameterpanel.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/physical/tech.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

bool directIntegerSlider(const ParamInfo& info) {
    return info.kind == ParamKind::integer && !info.log_scale && info.slider_max - info.slider_min <= 1000;
}

constexpr int kSliderSteps = 1000;

// The largest of 1, 2, 5 x 10^k not above x (x > 0).
double floor125(double x) {
    const double decade = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / decade;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * decade;
}

// Linear sliders snap to multiples of this.
double linearStep(const ParamInfo& info, bool fine) {
    const double span = info.slider_max - info.slider_min;
    if (!(span > 0)) return 0;
    const double step = floor125(span / (fine ? 500.0 : 50.0));
    return info.kind == ParamKind::integer ? std::max(1.0, std::round(step)) : step;
}

double roundTo(double value, double step) {
    if (!(step > 0)) return value;
    const double snapped = std::round(value / step) * step;
    // Decimals of the step, so 0.05 steps give 1.25 and not 1.2500000000000002.
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    const double scale = std::pow(10.0, decimals);
    return std::round(snapped * scale) / scale;
}

// Nearest member of the R''10 preferred-number series (ISO 497), geometrically.
double nearestPreferred(double value) {
    static constexpr double kSeries[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    const double m = value / decade;
    double best = kSeries[0];
    for (double c : kSeries)
        if (std::fabs(std::log(m / c)) < std::fabs(std::log(m / best))) best = c;
    return roundTo(best * decade, decade / 10);
}

// A slider that moves a tenth as fast while Shift is held during a drag.
class FineSlider : public QSlider {
public:
    using QSlider::QSlider;
    [[nodiscard]] bool fine() const { return fine_; }

protected:
    void mouseMoveEvent(QMouseEvent* event) override {
        if (isSliderDown() && (event->modifiers() & Qt::ShiftModifier)) {
            const double x = orientation() == Qt::Horizontal ? event->position().x() : event->position().y();
            if (!fine_) {
                fine_ = true;
                anchorPixel_ = x;
                anchorPosition_ = sliderPosition();
            }
            const int length = std::max(1, orientation() == Qt::Horizontal ? width() : height());
            const double perPixel = double(maximum() - minimum()) / length / kFineFactor;
            setSliderPosition(std::clamp(anchorPosition_ + static_cast<int>(std::lround((x - anchorPixel_) * perPixel)),
                                         minimum(), maximum()));
            event->accept();
            return;
        }
        fine_ = false;
        QSlider::mouseMoveEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent* event) override {
        QSlider::mouseReleaseEvent(event);
        fine_ = false;
    }

private:
    static constexpr double kFineFactor = 10;
    bool fine_ = false;
    double anchorPixel_ = 0;
    int anchorPosition_ = 0;
};

QString valueText(const ParamInfo& info, double value) {
    if (info.kind == ParamKind::choice) {
        const auto i = static_cast<size_t>(std::lround(value));
        return i < info.choices.size() ? qtext(info.choices[i]) : QString::number(value);
    }
    QString text = QString::number(value, 'g', 6);
    if (!info.unit.empty()) text += QLatin1Char(' ') + displayUnit(info.unit, value);
    return text;
}

}  // namespace

int ParameterPanel::sliderSteps(const ParamInfo& info) {
    if (directIntegerSlider(info)) return static_cast<int>(info.slider_max - info.slider_min);
    return kSliderSteps;
}

int ParameterPanel::toSlider(const ParamInfo& info, double value) {
    const double lo = info.slider_min, hi = info.slider_max;
    if (directIntegerSlider(info))
        return static_cast<int>(std::lround(std::clamp(value, lo, hi) - lo));
    double t = 0;
    if (info.log_scale && lo > 0) {
        const double v = std::clamp(value, lo, hi);
        t = std::log(v / lo) / std::log(hi / lo);
    } else if (hi > lo) {
        t = (std::clamp(value, lo, hi) - lo) / (hi - lo);
    }
    return static_cast<int>(std::lround(t * kSliderSteps));
}

double ParameterPanel::fromSlider(const ParamInfo& info, int position) {
    const double lo = info.slider_min, hi = info.slider_max;
    if (directIntegerSlider(info)) return lo + position;
    const double t = std::clamp(position, 0, kSliderSteps) / double(kSliderSteps);
    double v = (info.log_scale && lo > 0) ? lo * std::pow(hi / lo, t) : lo + t * (hi - lo);
    if (info.kind == ParamKind::integer) return std::round(v);
    // Round to what the spin box shows, so a slider never produces 1.8372619 GHz.
    const double scale = std::pow(10.0, decimalsFor(info));
    return std::clamp(std::round(v * scale) / scale, info.min, info.max);
}

double ParameterPanel::snapSliderValue(const ParamInfo& info, double value, bool fine) {
    if (info.kind == ParamKind::choice || !std::isfinite(value)) return value;
    double v = value;
    if (info.log_scale && info.slider_min > 0 && value > 0) {
        if (!fine) v = nearestPreferred(value);
        else if (info.kind != ParamKind::integer) v = roundTo(value, std::pow(10.0, std::floor(std::log10(value)) - 1));
    } else {
        v = roundTo(value, linearStep(info, fine));
    }
    if (info.kind == ParamKind::integer) v = std::round(v);
    return std::clamp(v, info.min, info.max);
}

int ParameterPanel::sliderSingleStep(const ParamInfo& info) {
    const double lo = info.slider_min, hi = info.slider_max;
    if (info.log_scale && lo > 0 && hi > lo)  // a tenth of a decade, the spacing of R''10
        return std::max(1, static_cast<int>(std::lround(kSliderSteps / (10 * std::log10(hi / lo)))));
    const double step = linearStep(info, false);
    if (directIntegerSlider(info)) return std::max(1, static_cast<int>(std::lround(step)));
    return hi > lo ? std::max(1, static_cast<int>(std::lround(step / (hi - lo) * kSliderSteps))) : 1;
}

int ParameterPanel::decimalsFor(const ParamInfo& info) {
    const double span = info.slider_max - info.slider_min;
    if (span <= 5) return 3;
    if (span <= 50) return 2;
    if (span <= 5000) return 1;
    return 0;
}

ParameterPanel::ParameterPanel(DesignDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("parameterPanel"));
    keyRunIdle_.setSingleShot(true);
    keyRunIdle_.setInterval(800);  // longer than the keyboard auto-repeat delay (250-660 ms)
    connect(&keyRunIdle_, &QTimer::timeout, doc_, &DesignDocument::finishInteraction);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    auto* presetRow = new QHBoxLayout;
    auto* presetLabel = new QLabel(tr("Start from"), this);
    presetCombo_ = new QComboBox(this);
    presetCombo_->setObjectName(QStringLiteral("presetCombo"));
    presetCombo_->setToolTip(tr("Load a reference chip's parameters as the design (undoable); "
                                "\"reset\" buttons return to its values."));
    presetCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    presetCombo_->setMinimumContentsLength(12);
    presetLabel->setBuddy(presetCombo_);
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(presetCombo_, 1);
    outer->addLayout(presetRow);

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("paramSearch"));
    search_->setPlaceholderText(tr("Filter: name, key or basis"));
    search_->setClearButtonEnabled(true);
    // The panel is never narrower than its filter's hint (with the clear button beside it).
    search_->setMinimumWidth(search_->fontMetrics().horizontalAdvance(search_->placeholderText()) + 40);
    outer->addWidget(search_);
    // What the italic names mean (syncRow sets them).
    auto* italicNote = new QLabel(tr("<i>Italic</i>: an estimated value, not a published figure; "
                                     "hover a parameter for its basis"),
                                  this);
    italicNote->setObjectName(QStringLiteral("paramItalicNote"));
    italicNote->setWordWrap(true);
    italicNote->setTextFormat(Qt::RichText);
    italicNote->setForegroundRole(QPalette::PlaceholderText);
    QFont small = italicNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    italicNote->setFont(small);
    outer->addWidget(italicNote);
    connect(search_, &QLineEdit::textChanged, this, &ParameterPanel::setFilter);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("parameterScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    const auto params = chip_params();
    rows_.resize(params.size());
    QGroupBox* group = nullptr;
    QVBoxLayout* groupLayout = nullptr;
    std::string_view groupName;
    for (size_t i = 0; i < params.size(); ++i) {
        // Parameters arrive in display order; a group starts where its name first appears.
        if (!group || params[i].group != groupName) {
            groupName = params[i].group;
            group = nullptr;
            for (QGroupBox* g : groups_)
                if (g->objectName() == QStringLiteral("paramGroup:") + qtext(groupName)) group = g;
            if (!group) {
                group = new QGroupBox(chipParamText(groupName), content);
                group->setObjectName(QStringLiteral("paramGroup:") + qtext(groupName));
                new QVBoxLayout(group);
                group->layout()->setContentsMargins(6, 4, 6, 4);
                group->layout()->setSpacing(2);
                contentLayout->addWidget(group);
                groups_.push_back(group);
            }
            groupLayout = static_cast<QVBoxLayout*>(group->layout());
        }
        rows_[i].info = &params[i];
        rows_[i].group = group;
        buildRow(rows_[i], group);
        groupLayout->addWidget(rows_[i].container);
    }
    contentLayout->addStretch(1);

    syncPresets();
    connect(presetCombo_, &QComboBox::activated, this, [this](int index) {
        const std::string id = stext(presetCombo_->itemData(index).toString());
        if (!doc_->loadPreset(id)) syncPresets();
    });
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & DesignDocument::ChipPart) {
            syncPresets();
            syncFromDocument();
        }
    });
    syncFromDocument();
}

void ParameterPanel::buildRow(Row& row, QWidget* parent) {
    const ParamInfo& info = *row.info;
    const QString key = qtext(info.key);
    row.container = new QWidget(parent);
    row.container->setObjectName(QStringLiteral("param:") + key);
    auto* v = new QVBoxLayout(row.container);
    v->setContentsMargins(0, 2, 0, 2);
    v->setSpacing(1);
    QString labelText = chipParamText(info.label);
    if (!info.unit.empty()) labelText += QStringLiteral(" (") + displayUnit(info.unit) + QLatin1Char(')');
    row.label = new QLabel(labelText, row.container);
    row.label->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":label"));
    v->addWidget(row.label);

    QString tip = chipParamText(info.description) + QStringLiteral("\n\n") + tr("Key: %1").arg(key);
    if (info.kind != ParamKind::choice)
        tip += QLatin1Char('\n') + tr("Valid range: %1 to %2").arg(valueText(info, info.min), valueText(info, info.max));
    row.container->setToolTip(tip);

    auto* h = new QHBoxLayout;
    h->setSpacing(4);
    v->addLayout(h);
    QWidget* focusTarget = nullptr;
    if (info.kind == ParamKind::choice) {
        row.combo = new QComboBox(row.container);
        row.combo->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":combo"));
        for (auto c : info.choices) row.combo->addItem(qtext(c));
        row.combo->setToolTip(tip);
        h->addWidget(row.combo, 1);
        connect(row.combo, &QComboBox::activated, this, [this, &row](int index) { edit(row, index, false); });
        focusTarget = row.combo;
    } else {
        auto* slider = new FineSlider(Qt::Horizontal, row.container);
        row.slider = slider;
        row.slider->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":slider"));
        row.slider->setRange(0, sliderSteps(info));
        row.slider->setSingleStep(sliderSingleStep(info));
        row.slider->setPageStep(std::max(2 * sliderSingleStep(info), sliderSteps(info) / 20));
        row.slider->setToolTip(tip);
        row.slider->setFocusPolicy(Qt::StrongFocus);
        h->addWidget(row.slider, 1);
        // A drag is one undo step, ended by the release; so is a run of arrow-key, page or wheel
        // steps, ended by a pause (keyRunIdle_).
        connect(row.slider, &QSlider::valueChanged, this, [this, &row, slider](int pos) {
            if (!row.slider->isSliderDown()) keyRunIdle_.start();
            const bool fine = slider->fine() || (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier);
            const double value = snapSliderValue(*row.info, fromSlider(*row.info, pos), fine);
            // A step that snaps back to the value shown changes nothing (and records nothing).
            if (value != row.shown) edit(row, value, true);
        });
        connect(row.slider, &QSlider::sliderPressed, this, [this] { doc_->beginDrag(); });
        connect(row.slider, &QSlider::sliderReleased, this, [this] { doc_->finishInteraction(); });

        const double span = info.slider_max - info.slider_min;
        if (info.kind == ParamKind::integer) {
            row.intSpin = new QSpinBox(row.container);
            row.intSpin->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":spin"));
            row.intSpin->setRange(static_cast<int>(std::max(info.min, -2e9)), static_cast<int>(std::min(info.max, 2e9)));
            row.intSpin->setKeyboardTracking(false);
            row.intSpin->setAccelerated(true);
            row.intSpin->setToolTip(tip);
            row.intSpin->setMinimumWidth(row.intSpin->fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 24);
            h->addWidget(row.intSpin);
            connect(row.intSpin, &QSpinBox::valueChanged, this, [this, &row](int value) {
                keyRunIdle_.start();  // arrow presses in a run are one step, as on the slider
                edit(row, value, true);
            });
        } else {
            row.realSpin = new QDoubleSpinBox(row.container);
            row.realSpin->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":spin"));
            row.realSpin->setDecimals(decimalsFor(info));
            row.realSpin->setRange(info.min, info.max);
            row.realSpin->setSingleStep(span > 0 ? std::pow(10.0, std::floor(std::log10(span / 50))) : 0.1);
            row.realSpin->setKeyboardTracking(false);
            row.realSpin->setAccelerated(true);
            row.realSpin->setToolTip(tip);
            row.realSpin->setMinimumWidth(row.realSpin->fontMetrics().horizontalAdvance(QStringLiteral("0000.000")) + 24);
            h->addWidget(row.realSpin);
            connect(row.realSpin, &QDoubleSpinBox::valueChanged, this, [this, &row](double value) {
                keyRunIdle_.start();
                edit(row, value, true);
            });
        }
        focusTarget = row.slider;
    }
    row.label->setBuddy(focusTarget);
    row.reset = new QToolButton(row.container);
    row.reset->setObjectName(QStringLiteral("param:") + key + QStringLiteral(":reset"));
    row.reset->setText(QStringLiteral("\u21BA"));
    row.reset->setAutoRaise(true);
    row.reset->setFocusPolicy(Qt::StrongFocus);
    h->addWidget(row.reset);
    connect(row.reset, &QToolButton::clicked, this, [this, &row] { doc_->resetParam(std::string(row.info->key)); });
}

void ParameterPanel::edit(const Row& row, double value, bool continuing) {
    if (!doc_->setParam(std::string(row.info->key), value, continuing)) {
        // Refused: show the design's value again (the document reported why).
        for (auto& r : rows_)
            if (&r == &row) syncRow(r, true);
    }
}

void ParameterPanel::syncPresets() {
    const QSignalBlocker block(presetCombo_);
    const auto& lib = doc_->library();
    if (presetCombo_->count() != static_cast<int>(lib.chips.size())) {
        presetCombo_->clear();
        for (const auto& c : lib.chips)
            presetCombo_->addItem(qtext(c.name), qtext(c.id));
    }
    presetCombo_->setCurrentIndex(presetCombo_->findData(qtext(doc_->state().preset_id)));
}

void ParameterPanel::syncFromDocument() {
    for (auto& row : rows_) syncRow(row, false);
}

void ParameterPanel::syncRow(Row& row, bool force) {
    const ParamInfo& info = *row.info;
    const double value = info.get(doc_->chip());
    const double preset = info.get(doc_->state().preset);
    row.reset->setEnabled(value != preset);
    if (!row.initialised || preset != row.preset) {
        row.preset = preset;
        row.reset->setToolTip(tr("Reset to %1 (the value of %2)")
                                  .arg(valueText(info, preset), qtext(doc_->state().preset_id)));
    }
    syncZeroText(row, value);
    if (row.initialised && !force && value == row.shown) return;
    row.shown = value;
    row.initialised = true;
    if (row.combo) {
        const QSignalBlocker b(row.combo);
        row.combo->setCurrentIndex(static_cast<int>(std::lround(value)));
        return;
    }
    {
        const QSignalBlocker b(row.slider);
        // While the user drags, the slider already sits where the value came from; otherwise it
        // moves to the (snapped) value, so arrow-key steps start from it.
        if (!row.slider->isSliderDown()) row.slider->setValue(toSlider(info, value));
    }
    if (row.intSpin) {
        const QSignalBlocker b(row.intSpin);
        row.intSpin->setValue(static_cast<int>(std::lround(value)));
    } else {
        const QSignalBlocker b(row.realSpin);
        row.realSpin->setValue(value);
    }
    const auto& est = doc_->chip().estimated;
    const bool estimated = std::find(est.begin(), est.end(), std::string(info.key)) != est.end();
    if (row.label->font().italic() != estimated) {
        QFont f = row.label->font();
        f.setItalic(estimated);
        row.label->setFont(f);
    }
}

// A key left at 0 that stands for another value (the tech library's, the SRAM style's, or a key it follows)
// reads "auto" and that value in its spin box, and its tooltip says where the value comes from; the
// followed value can move while this key stays 0, so this runs on every change of the chip.
void ParameterPanel::syncZeroText(Row& row, double value) {
    QAbstractSpinBox* spin = row.realSpin ? static_cast<QAbstractSpinBox*>(row.realSpin) : row.intSpin;
    if (!spin) return;
    QString text, number, from;
    if (value == 0) {
        if (const auto& tech = default_tech()) {
            if (const auto behind = value_behind_zero(doc_->chip(), tech->params, row.info->key)) {
                number = QString::number(behind->value, 'g', 4);
                text = autoValueText(behind->value);
                from = qtext(behind->from);
            }
        }
    }
    if (text == row.zeroText) return;
    row.zeroText = text;
    if (row.realSpin) row.realSpin->setSpecialValueText(text);
    else row.intSpin->setSpecialValueText(text);
    QString tip = row.container->toolTip();
    if (const qsizetype cut = tip.indexOf(QStringLiteral("\n\u2192 ")); cut >= 0) tip.truncate(cut);
    if (!text.isEmpty()) tip += QStringLiteral("\n\u2192 ") + tr("Left at 0: %1, from %2").arg(number, from);
    for (QWidget* w : {static_cast<QWidget*>(row.container), static_cast<QWidget*>(row.slider), static_cast<QWidget*>(spin)})
        if (w) w->setToolTip(tip);
}

void ParameterPanel::showMatching(const QString& text) {
    search_->setText(text);  // filters through textChanged
    search_->setFocus();
}

void ParameterPanel::setFilter(const QString& text) {
    const QString needle = text.trimmed();
    for (auto& row : rows_) {
        const ParamInfo& info = *row.info;
        const bool match = needle.isEmpty() || qtext(info.label).contains(needle, Qt::CaseInsensitive) ||
                           qtext(info.key).contains(needle, Qt::CaseInsensitive) ||
                           qtext(info.group).contains(needle, Qt::CaseInsensitive) ||
                           qtext(info.description).contains(needle, Qt::CaseInsensitive);
        row.container->setVisible(match);
    }
    for (QGroupBox* g : groups_) {
        bool any = false;
        for (const auto& row : rows_)
            if (row.group == g && !row.container->isHidden()) any = true;
        g->setVisible(any);
    }
}

}  // namespace scoville
