#include "widgets/workloadbar.hpp"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>
#include <QWheelEvent>
#include <QWidgetAction>
#include <algorithm>

#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/modeleditor.hpp"
#include "widgets/servingform.hpp"

namespace scoville {
namespace {

// What an entry of the model list stands for (its data under kItemRole): a library model (its id as its
// data), the design's own model, or the items that load one from a file and edit the design's.
constexpr int kItemRole = Qt::UserRole + 1;
constexpr int kLibraryItem = 0, kOwnItem = 1, kLoadItem = 2, kEditItem = 3;

// A combo box whose closed face elides a text too long for it ("Qwen3-Next-80B…"); its list shows every text
// whole.
class ElidingComboBox : public QComboBox {
public:
    using QComboBox::QComboBox;

protected:
    void paintEvent(QPaintEvent*) override {
        QStylePainter p(this);
        QStyleOptionComboBox opt;
        initStyleOption(&opt);
        p.drawComplexControl(QStyle::CC_ComboBox, opt);
        const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, this);
        opt.currentText = fontMetrics().elidedText(opt.currentText, Qt::ElideRight, field.width());
        p.drawControl(QStyle::CE_ComboBoxLabel, opt);
    }
};

// A control with its label (the label's mnemonic focuses the control).
void addLabelled(QToolBar* bar, const QString& text, QWidget* control) {
    auto* l = new QLabel(text, bar);
    l->setBuddy(control);
    l->setContentsMargins(3, 0, 1, 0);
    bar->addWidget(l);
    bar->addWidget(control);
}

}  // namespace

WorkloadBar::WorkloadBar(DesignDocument* doc, QWidget* parent) : QToolBar(tr("Workload"), parent), doc_(doc) {
    setObjectName(QStringLiteral("workloadBar"));
    setFloatable(false);


    model_ = new ElidingComboBox(this);
    model_->setObjectName(QStringLiteral("workload:model"));
    model_->setToolTip(tr("Model: a preset of the library (resources/models), or one of the design's own read from a "
                          "file (a model file of the library's form, or the config.json of a Hugging Face model "
                          "repository), kept in the session"));
    for (const auto& m : doc_->library().models) model_->addItem(qtext(m.name), qtext(m.id));
    model_->insertSeparator(model_->count());
    model_->addItem(tr("Load Model File..."));
    model_->setItemData(model_->count() - 1, kLoadItem, kItemRole);
    model_->addItem(tr("Edit Model..."));
    model_->setItemData(model_->count() - 1, kEditItem, kItemRole);
    // As wide as 13 capitals, whatever the names the library and the session hold: a longer name is elided in
    // the bar (the list shows it whole), and the bar keeps every control on a 1366-pixel screen.
    model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    model_->setMinimumContentsLength(13);
    addLabelled(this, tr("&Model"), model_);
    connect(model_, &QComboBox::activated, this, [this](int i) {
        const int kind = model_->itemData(i, kItemRole).toInt();
        if (kind == kLoadItem) {
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Load Model File"), QString(),
                tr("Model files (*.json);;All files (*)"));
            if (!path.isEmpty()) loadModelFile(path);
        } else if (kind == kEditItem) {
            editModel();
        } else if (kind == kLibraryItem) {
            doc_->setModel(stext(model_->itemData(i).toString()));
        }
        sync();
    });

    batch_ = addSpin(QStringLiteral("workload:batch"), tr("&Batch"),
                     tr("Concurrent sequences per replica; auto = the largest batch that fits memory and meets the "
                        "latency limits"),
                     0, 65536);
    batch_->setSpecialValueText(tr("auto"));
    input_ = addSpin(QStringLiteral("workload:input_len"), tr("&In"), tr("Prompt tokens per request (the mean over the requests)"), 1, 1048576);
    output_ = addSpin(QStringLiteral("workload:output_len"), tr("&Out"), tr("Generated tokens per request (the mean over the requests)"), 1, 1048576);
    addSeparator();
    weights_ = addPrecision(QStringLiteral("workload:weight_precision"), tr("&Weights"), tr("Weight precision"));
    activations_ = addPrecision(QStringLiteral("workload:activation_precision"), tr("&Act"),
                                tr("Activation (GEMM compute) precision"));
    kv_ = addPrecision(QStringLiteral("workload:kv_precision"), tr("&KV"), tr("KV-cache precision"));
    addSeparator();
    chips_ = addSpin(QStringLiteral("workload:chips"), tr("&Chips"),
                     tr("Chips in the system; replicas = chips / (TP x DP x PP)"), 1, 65536);
    // 0 is auto: the split with the best throughput within the limits (the KPI strip shows it).
    tp_ = addSpin(QStringLiteral("workload:tp"), tr("&TP"),
                  tr("Tensor-parallel degree of attention and dense layers; auto = the best within the limits"), 0, 1024);
    dp_ = addSpin(QStringLiteral("workload:attention_dp"), tr("&DP"),
                  tr("Attention data-parallel ranks, each with its own requests, that the MoE layers span (DeepSeek and "
                     "Qwen3 deployments); auto = the best"),
                  0, 1024);
    pp_ = addSpin(QStringLiteral("workload:pp"), tr("&PP"), tr("Pipeline stages; auto = 1 unless the model only fits deeper"),
                  0, 1024);
    ep_ = addSpin(QStringLiteral("workload:ep"), tr("&EP"),
                  tr("Expert-parallel degree: chips the routed experts spread over (divides TP x DP); auto = the best"),
                  0, 1024);
    for (QSpinBox* s : {tp_, dp_, pp_, ep_}) s->setSpecialValueText(tr("auto"));
    // Typed counts without step arrows (the wheel and the arrow keys still step them): the bar
    // keeps every control on one row from a 1280 px window up, in English and in Chinese.
    for (QSpinBox* s : {input_, output_, chips_}) s->setButtonSymbols(QAbstractSpinBox::NoButtons);

    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & DesignDocument::WorkloadPart) sync();
    });
    sync();
}

bool WorkloadBar::loadModelFile(const QString& path) {
    auto model = load_model(stext(path));
    if (!model) {
        emit doc_->editRefused(qtext(model.error().message));
        return false;
    }
    doc_->setOwnModel(*model);
    sync();
    return doc_->state().model_json == own_model_text(*model);
}

ModelEditor* WorkloadBar::editModel() {
    auto* editor = new ModelEditor(doc_->state().model, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        const ModelSpec edited = editor->model();
        if (!(edited == doc_->state().model)) doc_->setOwnModel(edited);
        sync();
    });
    editor->open();
    return editor;
}

QSpinBox* WorkloadBar::addSpin(const QString& name, const QString& text, const QString& tip, int min, int max) {
    auto* spin = new QSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setToolTip(tip);
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    addLabelled(this, text, spin);
    connect(spin, &QSpinBox::valueChanged, this, &WorkloadBar::commit);
    return spin;
}

QComboBox* WorkloadBar::addPrecision(const QString& name, const QString& text, const QString& tip) {
    auto* combo = new QComboBox(this);
    combo->setObjectName(name);
    combo->setToolTip(tip);
    for (Precision p : kAllPrecisions) combo->addItem(qtext(to_string(p)), static_cast<int>(p));
    addLabelled(this, text, combo);
    connect(combo, &QComboBox::activated, this, &WorkloadBar::commit);
    return combo;
}

void WorkloadBar::commit() {
    Scenario s = doc_->state().scenario;
    s.batch = batch_->value();
    s.input_len = input_->value();
    s.output_len = output_->value();
    s.weight_precision = static_cast<Precision>(weights_->currentData().toInt());
    s.activation_precision = static_cast<Precision>(activations_->currentData().toInt());
    s.kv_precision = static_cast<Precision>(kv_->currentData().toInt());
    s.chips = chips_->value();
    s.tp = tp_->value();
    s.attention_dp = dp_->value();
    s.pp = pp_->value();
    s.ep = ep_->value();
    doc_->setScenario(s);
}

void WorkloadBar::sync() {
    const DesignState& st = doc_->state();
    const Scenario& s = st.scenario;
    const QSignalBlocker b0(model_), b2(batch_), b3(input_), b4(output_), b5(weights_), b6(activations_),
        b7(kv_), b8(chips_), b9(tp_), b10(pp_), b11(ep_), b12(dp_);
    // The design's own model, where it has one, is listed between the library's and the load item.
    int own = -1;
    for (int i = 0; i < model_->count(); ++i)
        if (model_->itemData(i, kItemRole).toInt() == kOwnItem) own = i;
    if (st.model_json.empty()) {
        if (own >= 0) model_->removeItem(own);
        model_->setCurrentIndex(model_->findData(qtext(st.model.id)));
    } else {
        const QString text = modelLabel(st);
        if (own < 0) {
            own = model_->count() - 2;  // before the load and edit items
            model_->insertItem(own, text);
            model_->setItemData(own, kOwnItem, kItemRole);
        }
        model_->setItemText(own, text);
        model_->setItemData(own, qtext(st.model.source), Qt::ToolTipRole);
        model_->setCurrentIndex(own);
    }
    batch_->setValue(s.batch);
    input_->setValue(s.input_len);
    output_->setValue(s.output_len);
    weights_->setCurrentIndex(weights_->findData(static_cast<int>(s.weight_precision)));
    activations_->setCurrentIndex(activations_->findData(static_cast<int>(s.activation_precision)));
    kv_->setCurrentIndex(kv_->findData(static_cast<int>(s.kv_precision)));
    chips_->setValue(s.chips);
    tp_->setValue(s.tp);
    dp_->setValue(s.attention_dp);
    pp_->setValue(s.pp);
    ep_->setValue(s.ep);
    // Expert parallelism changes nothing on a dense model: greyed out there, unless it holds a degree to set back.
    if (const WorkloadKey* ep = find_workload_key("ep")) ep_->setEnabled(workload_key_applies(*ep, s, st.model) || workload_key_holds_value(*ep, s));
}

namespace {
// A form that scrolls: the wheel over a field it has not been clicked into scrolls the form instead
// of changing the field's value.
class FormScroll : public QScrollArea {
public:
    using QScrollArea::QScrollArea;
    void guardFields() {
        if (!widget()) return;
        for (QWidget* field : widget()->findChildren<QWidget*>()) {
            if (!qobject_cast<QAbstractSpinBox*>(field) && !qobject_cast<QComboBox*>(field)) continue;
            field->setFocusPolicy(Qt::StrongFocus);
            field->installEventFilter(this);
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* field = qobject_cast<QWidget*>(watched);
        if (event->type() == QEvent::Wheel && field && !field->hasFocus()) {
            // Scrolled here, not re-sent: Qt would deliver a re-sent wheel event to the field again.
            const auto* wheel = static_cast<QWheelEvent*>(event);
            QScrollBar* bar = verticalScrollBar();
            const QPoint pixels = wheel->pixelDelta();
            // A notch is 120 eighths of a degree; a fine wheel sends fractions of one.
            const int by = !pixels.isNull() ? pixels.y()
                                            : qRound(wheel->angleDelta().y() / 120.0 * QApplication::wheelScrollLines() *
                                                     bar->singleStep());
            bar->setValue(bar->value() - by);
            return true;
        }
        return QScrollArea::eventFilter(watched, event);
    }
};
}  // namespace

LatencyBar::LatencyBar(DesignDocument* doc, QWidget* parent)
    : QToolBar(tr("Request mix and latency limits"), parent), doc_(doc) {
    setObjectName(QStringLiteral("latencyBar"));
    setFloatable(false);
    // One spin box of the request mix or the limits; a special text marks 0 (no limit).
    auto add = [this](const char* name, const QString& text, const QString& suffix, double max, int decimals,
                      double step, const QString& zero, const QString& tip) {
        auto* spin = new QDoubleSpinBox(this);
        spin->setObjectName(QString::fromLatin1(name));
        spin->setRange(0, max);
        spin->setDecimals(decimals);
        spin->setSingleStep(step);
        spin->setSuffix(suffix);
        spin->setSpecialValueText(zero);
        spin->setToolTip(tip);
        spin->setKeyboardTracking(false);
        addLabelled(this, text, spin);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LatencyBar::commit);
        return spin;
    };
    inputCv_ = add("workload:input_len_cv", tr("Spread: in \u00b1"), QString(), 10, 2, 0.05, QString(),
                   tr("Spread of prompt lengths over the requests: standard deviation / mean; In is the "
                      "mean (0: every prompt has the mean length; MLPerf OpenOrca: 0.77)"));
    outputCvTip_ = tr("Spread of output lengths over the requests: standard deviation / mean; Out is the "
                      "mean (0: every output alike). Long outputs hold their batch slot longer, so the mean "
                      "decode context and the KV per slot grow with 1 + spread\u00b2 (MLPerf OpenOrca: 0.79)");
    outputCv_ = add("workload:output_len_cv", tr("out \u00b1"), QString(), 10, 2, 0.05, QString(), outputCvTip_);
    addSeparator();
    ttft_ = add("workload:ttft_slo", tr("TTFT p99 \u2264"), tr(" s"), 3600, 2, 1, tr("none"),
                tr("p99 time-to-first-token limit: with batch auto, the server runs at the highest rate whose p99 "
                   "TTFT (slot wait, queue for step room and the prompt's own steps) meets it (MLPerf Inference "
                   "Llama-2-70B server: 2 s); none = no limit (offline)"));
    tpot_ = add("workload:tpot_slo", tr("TPOT p99 \u2264"), tr(" ms"), 100000, 1, 1, tr("none"),
                tr("p99 time-per-output-token limit: with batch auto, the server runs at the highest rate whose p99 "
                   "TPOT meets it (MLPerf Inference Llama-2-70B server: 200 ms); none = no limit (offline)"));
    addSeparator();
    // The engine's settings in a drop-down form: the toolbar stays one row at 1366 px.
    auto* engine = new QToolButton(this);
    engine->setObjectName(QStringLiteral("servingEngineButton"));
    engine->setText(tr("&Engine"));
    engine->setToolTip(tr("Serving engine: token budget, batch limit, KV allocation, host time, speculative decoding, "
                          "expert balance, communication overlap, prefill/decode disaggregation"));
    engine->setPopupMode(QToolButton::InstantPopup);
    engine->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(engine);
    menu->setObjectName(QStringLiteral("servingEngineMenu"));
    auto* action = new QWidgetAction(menu);
    // The form is taller than a 768-px screen: it scrolls inside a box that fits the screen the
    // menu opens on.
    auto* scroll = new FormScroll(menu);
    scroll->setObjectName(QStringLiteral("servingEngineScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidgetResizable(true);
    auto* form = new ServingForm(doc_, scroll);
    scroll->setWidget(form);
    scroll->guardFields();  // the form builds its fields once, here
    action->setDefaultWidget(scroll);
    menu->addAction(action);
    connect(menu, &QMenu::aboutToShow, scroll, [engine, scroll, form] {
        const QScreen* screen = engine->screen();
        const QSize want = form->sizeHint();
        // Room below the button (the menu opens there), less a margin for the menu's own frame.
        const int below = engine->mapToGlobal(QPoint(0, engine->height())).y();
        const int room = screen ? screen->availableGeometry().bottom() - below - 16 : want.height();
        const int height = std::max(120, std::min(want.height(), room));
        const int bar = height < want.height() ? scroll->verticalScrollBar()->sizeHint().width() : 0;
        scroll->setFixedSize(want.width() + bar, height);
    });
    engine->setMenu(menu);
    addWidget(engine);
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & DesignDocument::WorkloadPart) sync();
    });
    sync();
}

void LatencyBar::commit() {
    Scenario s = doc_->state().scenario;
    s.ttft_slo_s = ttft_->value() > 0 ? std::optional<double>(ttft_->value()) : std::nullopt;
    s.tpot_slo_s = tpot_->value() > 0 ? std::optional<double>(tpot_->value() / 1000.0) : std::nullopt;
    s.input_len_cv = inputCv_->value();
    // With measured quantiles the field shows their spread and is not edited: the scenario's own cv stays.
    if (s.output_len_quantiles.size() < 2) s.output_len_cv = outputCv_->value();
    doc_->setScenario(s);
}

void LatencyBar::sync() {
    const Scenario& s = doc_->state().scenario;
    const QSignalBlocker b0(ttft_), b1(tpot_), b2(inputCv_), b3(outputCv_);
    inputCv_->setValue(s.input_len_cv);
    // Measured output quantiles stand in place of the spread: the field shows theirs, read-only.
    const bool measured = s.output_len_quantiles.size() >= 2;
    outputCv_->setValue(s.output_spread());
    outputCv_->setEnabled(!measured);
    outputCv_->setToolTip(measured ? tr("The output lengths follow their measured quantiles (Engine → Request "
                                        "lengths): this is their spread. Clear them there to set a spread here.")
                                   : outputCvTip_);
    ttft_->setValue(s.ttft_slo_s.value_or(0.0));
    tpot_->setValue(s.tpot_slo_s.value_or(0.0) * 1000.0);
}

CompareBar::CompareBar(DesignDocument* doc, QWidget* parent) : QToolBar(tr("Compare"), parent), doc_(doc) {
    setObjectName(QStringLiteral("compareBar"));
    setFloatable(false);
    baseline_ = new QComboBox(this);
    baseline_->setObjectName(QStringLiteral("baselineCombo"));
    baseline_->setToolTip(tr("Reference chip the KPI deltas and the Compare view are relative to"));
    for (const auto& c : doc_->library().chips)
        baseline_->addItem(qtext(c.name), qtext(c.id));
    addLabelled(this, tr("Base&line"), baseline_);
    connect(baseline_, &QComboBox::activated, this,
            [this](int i) { doc_->setBaseline(stext(baseline_->itemData(i).toString())); });

    references_ = new QToolButton(this);
    references_->setObjectName(QStringLiteral("referencesButton"));
    references_->setText(tr("Compare with"));
    references_->setToolTip(tr("Reference chips shown beside the design"));
    references_->setPopupMode(QToolButton::InstantPopup);
    references_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(references_);
    menu->setObjectName(QStringLiteral("referencesMenu"));
    for (const auto& c : doc_->library().chips) {
        QAction* a = menu->addAction(qtext(c.name));
        a->setObjectName(QStringLiteral("reference:") + qtext(c.id));
        a->setData(qtext(c.id));
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, [this, id = c.id](bool on) {
            std::vector<std::string> ids = doc_->state().reference_ids;
            auto it = std::find(ids.begin(), ids.end(), id);
            if (on && it == ids.end()) ids.push_back(id);
            if (!on && it != ids.end()) ids.erase(it);
            doc_->setReferences(ids);
        });
    }
    references_->setMenu(menu);
    addWidget(references_);
    addSeparator();

    phase_ = new QComboBox(this);
    phase_->setObjectName(QStringLiteral("workload:phase"));
    phase_->setToolTip(tr("Phase shown in the roofline and layer views"));
    phase_->addItem(tr("both"), static_cast<int>(PhaseSelect::both));
    phase_->addItem(tr("prefill"), static_cast<int>(PhaseSelect::prefill));
    phase_->addItem(tr("decode"), static_cast<int>(PhaseSelect::decode));
    addLabelled(this, tr("S&how phase"), phase_);
    connect(phase_, &QComboBox::activated, this,
            [this](int i) { doc_->setPhase(static_cast<PhaseSelect>(phase_->itemData(i).toInt())); });
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & (DesignDocument::BaselinePart | DesignDocument::ReferencesPart | DesignDocument::PhasePart)) sync();
    });
    sync();
}

void CompareBar::sync() {
    const DesignState& st = doc_->state();
    const QSignalBlocker b(baseline_), bp(phase_);
    phase_->setCurrentIndex(phase_->findData(static_cast<int>(st.phase)));
    baseline_->setCurrentIndex(baseline_->findData(qtext(st.baseline_id)));
    for (QAction* a : references_->menu()->actions()) {
        const std::string id = stext(a->data().toString());
        a->setChecked(std::find(st.reference_ids.begin(), st.reference_ids.end(), id) != st.reference_ids.end());
    }
    references_->setText(tr("Compare with (%1)").arg(st.reference_ids.size()));
}

}  // namespace scoville
