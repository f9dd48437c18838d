#include "widgets/explainpanel.hpp"

#include <cmath>

#include <algorithm>

#include <QScrollBar>

#include "core/perf/accuracy.hpp"
#include "core/perf/collective.hpp"
#include "core/perf/roofline.hpp"
#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

QString boundName(Bound b) {
    switch (b) {
    case Bound::compute: return ExplainPanel::tr("Compute-bound");
    case Bound::memory: return ExplainPanel::tr("Memory-bound");
    case Bound::network: return ExplainPanel::tr("Network-bound");
    }
    return {};
}

// "doubling the MACs": what was doubled, as the sentence names it.
QString doubling(Resource r) {
    switch (r) {
    case Resource::macs: return ExplainPanel::tr("doubling the MACs");
    case Resource::vector: return ExplainPanel::tr("doubling the vector lanes");
    case Resource::hbm_bandwidth: return ExplainPanel::tr("doubling off-chip memory bandwidth");
    case Resource::sram: return ExplainPanel::tr("doubling SRAM");
    case Resource::link_bandwidth: return ExplainPanel::tr("doubling link bandwidth");
    }
    return {};
}

// Changes smaller than this read as "changes nothing".
constexpr double kNoChange = 0.005;

// The sentence of what would move the layer: the largest cut first, then what changes nothing.
QString movesSentence(const LayerMoves& m) {
    std::vector<ResourceMove> moves = m.moves;
    std::stable_sort(moves.begin(), moves.end(),
                     [](const ResourceMove& a, const ResourceMove& b) { return a.layer_change < b.layer_change; });
    QStringList parts;
    QStringList nothing;
    for (const ResourceMove& r : moves) {
        if (std::fabs(r.layer_change) < kNoChange) {
            nothing << doubling(r.resource);
        } else if (r.layer_change < 0) {
            parts << ExplainPanel::tr("%1 cuts this layer by %2 (the step by %3)")
                         .arg(doubling(r.resource), ExplainPanel::percent(r.layer_change),
                              ExplainPanel::percent(r.step_change));
        } else {
            parts << ExplainPanel::tr("%1 slows this layer by %2 (the clock falls to stay within the TDP)")
                         .arg(doubling(r.resource), ExplainPanel::percent(r.layer_change));
        }
    }
    if (!nothing.isEmpty()) parts << ExplainPanel::tr("%1 changes nothing").arg(nothing.join(ExplainPanel::tr(", ")));
    return parts.join(QStringLiteral("; "));
}

// The collective's algorithm and its alpha-beta cost with the chip's numbers plugged in.
QString collectiveCost(const OpResult& op, const NetworkRates& r) {
    const int n = op.group;
    const double b = op.buffer_bytes;
    const double a = r.alpha_s;
    const QString alpha = formatSeconds(a);
    const QString n1 = QString::number(n - 1);
    const QString ns = QString::number(n);
    const std::string_view algo = op.algorithm;
    // A direct exchange runs at the engine kernels' rate, or at the library's when the library runs it.
    const QString direct_bw = formatBytesPerSecond(op.library ? all_peers_bytes_s(n, r) : engine_peers_bytes_s(n, r));
    QString f;
    if (op.collective == "all-gather" || op.collective == "reduce-scatter") {
        // The engines call the vendor library for the MoE layer's token exchange across attention ranks.
        const double s = op.network_bytes;
        if (algo == "hierarchical")
            return ExplainPanel::tr("%1 in the vendor library (NCCL, RCCL) over %2 chips, more than the scale-up domain of %3: "
                                    "inside each domain over the links, across domains over the NICs at %4 per chip, + %5 "
                                    "per call")
                .arg(qtext(op.collective), ns, QString::number(r.domain), formatBytesPerSecond(r.nic_bytes_s),
                     formatSeconds(r.library_s));
        return ExplainPanel::tr("%1 in the vendor library (NCCL, RCCL), each chip's share to every peer: latency per call + "
                                "bytes sent / bw × (1 + W / (sent + W)) = %2 + %3 / %4 × (1 + %5 / (%3 + %5))")
            .arg(qtext(op.collective), formatSeconds(r.library_s), formatBytes(s), formatBytesPerSecond(all_peers_bytes_s(n, r)),
                 formatBytes(r.library_window_bytes));
    }
    if (algo == "one-shot")
        f = ExplainPanel::tr("one-shot (each chip sends its buffer to every peer and sums locally): (n−1)·B / bw + 2α + "
                             "(n−1)·αₚ = %1 × %2 / %3 + 2 × %4 + %1 × %5")
                .arg(n1, formatBytes(b), direct_bw, alpha, formatSeconds(r.peer_alpha_s));
    else if (algo == "two-shot")
        f = ExplainPanel::tr("two-shot (reduce-scatter, then all-gather): 2(n−1)/n·B / bw + 4α + 2(n−1)·αₚ = 2 × %1/%2 × %3 / "
                             "%4 + 4 × %5 + 2 × %1 × %6")
                .arg(n1, ns, formatBytes(b), direct_bw, alpha, formatSeconds(r.peer_alpha_s));
    else if (algo == "ring")
        f = ExplainPanel::tr("ring: 2(n−1)/n·B / bw + 2(n−1)α = 2 × %1/%2 × %3 / %4 + %5 × %6")
                .arg(n1, ns, formatBytes(b), formatBytesPerSecond(ring_bytes_s(n, r)), QString::number(2 * (n - 1)),
                     alpha);
    else if (algo == "tree")
        f = ExplainPanel::tr("tree: 2·B / bw + 2⌈log₂ n⌉α = 2 × %1 / %2 + %3 × %4")
                .arg(formatBytes(b), formatBytesPerSecond(ring_bytes_s(n, r)),
                     QString::number(2 * std::ceil(std::log2(n))), alpha);
    else if (algo == "in-switch")
        f = ExplainPanel::tr("in-switch (the switch sums in flight): 2(n−1)/n·B / (bw × gain) + 4α = 2 × %1/%2 × %3 / "
                             "(%4 × %5) + 4 × %6")
                .arg(n1, ns, formatBytes(b), formatBytesPerSecond(all_peers_bytes_s(n, r)),
                     QString::number(r.switch_gain, 'g', 3), alpha);
    else if (algo == "direct" && op.collective == "send/recv")
        f = ExplainPanel::tr("send/recv: B / bw + α over the links to the next stage");
    else if (algo == "direct")
        f = ExplainPanel::tr("all-to-all, direct puts: bytes sent / bw + 2α = %1 / %2 + 2 × %3")
                .arg(formatBytes(op.network_bytes), formatBytesPerSecond(all_peers_bytes_s(n, r)), alpha);
    else if (algo == "hierarchical")
        f = ExplainPanel::tr("hierarchical over %1 chips, more than the scale-up domain of %2: inside each domain over "
                             "the links, across domains over the NICs at %3 per chip (α %4)")
                .arg(ns, QString::number(r.domain), formatBytesPerSecond(r.nic_bytes_s), formatSeconds(r.nic_alpha_s));
    if (op.library && algo == "hierarchical")
        return f + ExplainPanel::tr(", in the vendor library (NCCL, RCCL: past the engine's all-reduce limit, or faster than "
                                    "its one-shot kernel): + %1 per call")
                       .arg(formatSeconds(r.library_s));
    if (op.library) {
        // Past the engine's workspace the vendor library runs it: no per-step latencies inside the domain,
        // one fixed cost per call, and the data time through the library's pipeline window.
        const double w = r.library_window_bytes, s = op.network_bytes;
        const double data = std::max(0.0, op.network_s - r.library_s) / library_window_factor(s, r);
        return ExplainPanel::tr("%1 in the vendor library (NCCL, RCCL: past the engine's all-reduce limit, or faster than "
                                "its one-shot kernel): latency per call + data time × (1 + W / (sent + W)) = %2 + %3 × (1 + %4 / "
                                "(%5 + %4)) — the fastest of ring, tree, in-switch and a two-shot exchange at this size")
            .arg(qtext(algo), formatSeconds(r.library_s), formatSeconds(data), formatBytes(w), formatBytes(s));
    }
    if (op.collective == "all-reduce" && algo == "one-shot")
        f += ExplainPanel::tr(" — the engine's own kernel, faster than the vendor library at this size");
    else if (op.collective == "all-reduce" && algo != "hierarchical")
        f += ExplainPanel::tr(" — the cheaper of ring and tree at this size");
    return f;
}

}  // namespace

ExplainPanel::ExplainPanel(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent) {
    setObjectName(QStringLiteral("explainPanel"));
    setOpenLinks(false);
    // Laying out a page of text takes several ms of a 16 ms frame, so while a slider moves the
    // text waits until the value rests for 150 ms (it is read, not watched); the plots follow
    // every step.
    throttle_.setSingleShot(true);
    throttle_.setInterval(150);
    // Not while a drag's evaluation is behind its value: the page would pair an earlier value's evaluation with
    // the design as it is now (and keep the moves worked out from it for this state). The evaluation of the
    // last value comes, and with it the refresh.
    connect(&throttle_, &QTimer::timeout, this, [this] {
        if (isDirty() && isVisible() && !doc_->evaluationBehind()) refreshNow();
    });
    connect(doc_, &DesignDocument::evaluationChanged, this, [this] {
        markDirty();
        throttle_.start();  // restarts: refreshed once the value rests
    });
    refreshOn(&DesignDocument::selectionChanged);
    movesPool_.setMaxThreadCount(1);
    refreshNow();
}

ExplainPanel::~ExplainPanel() {
    movesPool_.clear();
    movesPool_.waitForDone();
}

QString ExplainPanel::percent(double change) {
    const double p = std::fabs(change) * 100;
    return tr("%1 %").arg(QString::number(p, 'f', p < 10 ? 1 : 0));
}

void ExplainPanel::refresh() {
    const auto& result = doc_->evaluation();
    moves_.reset();
    if (!result.ok()) {
        shown_.clear();
        setHtml(tr("<p><b>No result:</b> %1</p>").arg(errorText(result.error()).toHtmlEscaped()));
        return;
    }
    const Evaluation& ev = result.value();
    LayerSelection sel = doc_->selection();
    const PhaseResult* phase = sel.phase == Phase::prefill ? &ev.prefill : &ev.decode;
    bool automatic = false;
    if (sel.layer < 0 || static_cast<size_t>(sel.layer) >= phase->layer_count()) {
        automatic = true;
        phase = &ev.decode;
        sel.phase = Phase::decode;
        sel.layer = -1;
        double slowest = -1;
        for (size_t i = 0; i < phase->layer_count(); ++i) {
            if (phase->layer(i).time_s > slowest) {
                slowest = phase->layer(i).time_s;
                sel.layer = static_cast<int>(i);
            }
        }
    }
    if (sel.layer < 0) {
        shown_.clear();
        setHtml(tr("<p>The evaluation has no layers.</p>"));
        return;
    }
    const LayerTemplate& layer = phase->layer(static_cast<size_t>(sel.layer));
    const double peakMemory = ev.memory_tb_s;
    const DramType dram = doc_->state().chip.hbm.generation;
    const NetworkRates net = network_rates(doc_->state().chip);
    const ChipRates rates = chip_rates(doc_->state().chip);
    explained_ = sel;
    QString html;
    html += tr("<h3>%1 layer %2 (%3)%4</h3>")
                .arg(sel.phase == Phase::prefill ? tr("Prefill") : tr("Decode"))
                .arg(sel.layer)
                .arg(trCore("Model", layer.kind), automatic ? tr(" — the slowest; click a layer in the Layers view to choose")
                                             : QString());
    // First what bounds the layer and which ops cause it, then what would move it.
    const LayerCause cause = layer_cause(layer);
    QStringList culprits;
    for (size_t i : cause.ops) {
        if (culprits.size() == 3) {
            culprits << tr("%n more", nullptr, static_cast<int>(cause.ops.size()) - 3);
            break;
        }
        culprits << qtext(layer.ops[i].name);
    }
    html += (cause.ops.size() == 1 ? tr("<p><b>%1</b>: %2 takes %3 of %4.</p>") : tr("<p><b>%1</b>: %2 take %3 of %4.</p>"))
                .arg(boundName(cause.bound), culprits.join(tr(", ")), formatSeconds(cause.ops_s),
                     formatSeconds(cause.layer_s));
    // What would move it: worked out here for a design that evaluates fast, else on movesPool_, on what the
    // evaluation chose (fixed_scenario).
    const QString movesBasis =
        !ev.serving.disaggregated ? tr("the model again, each resource doubled at the same batch and parallelism")
        : ev.serving.parallelism_auto
            ? tr("the model again, each resource doubled at the same split and decode batch, each pool's "
                 "parallelism chosen again")
            : tr("the model again, each resource doubled at the same split, decode batch and parallelism");
    const DesignState& state = doc_->state();
    const auto layerIndex = static_cast<size_t>(sel.layer);
    if (!computed_ || !computed_->matches(state, sel.phase, layerIndex)) {
        if (doc_->lastEvaluationMs() <= inlineMovesMs_) {
            requested_.reset();  // one still running for an earlier state stops, and is dropped when it returns
            movesRequest_->fetch_add(1, std::memory_order_relaxed);
            computed_ = MovesFor{state, sel.phase, layerIndex,
                                 what_moves(state.chip, state.model, state.scenario, ev, sel.phase, layerIndex,
                                            doc_->library().evaluate)};
        } else if (!requested_ || !requested_->matches(state, sel.phase, layerIndex)) {
            requested_ = MovesFor{state, sel.phase, layerIndex, Error{"not worked out"}};
            movesPool_.clear();  // one waiting for an earlier state is not needed
            const int request = movesRequest_->fetch_add(1, std::memory_order_relaxed) + 1;
            runInBackground<Result<LayerMoves>>(
                &movesPool_, this,
                [chip = state.chip, model = state.model, scenario = state.scenario, ev, phase = sel.phase, layerIndex,
                 evaluate = doc_->library().evaluate, latest = movesRequest_, request] {
                    // A later request stops this one at its next evaluation (a few whole evaluations of a slow
                    // design): its moves would not be shown, and the later one waits for the thread.
                    const EvaluateFn unless_stale = [&](const ChipSpec& c, const ModelSpec& m,
                                                        const Scenario& s) -> Result<Evaluation> {
                        if (latest->load(std::memory_order_relaxed) != request)
                            return Error{"moves: a later state's are worked out"};
                        return evaluate(c, m, s);
                    };
                    return what_moves(chip, model, scenario, ev, phase, layerIndex, unless_stale);
                },
                [this, request](Result<LayerMoves>& moves) {
                    // A later state's are on the way.
                    if (request != movesRequest_->load(std::memory_order_relaxed) || !requested_) return;
                    computed_ = std::move(*requested_);
                    computed_->moves = std::move(moves);
                    requested_.reset();
                    keepScroll_ = true;  // the reader stays where they are on the page
                    refreshIfVisible();
                    keepScroll_ = false;
                });
        }
    }
    if (computed_ && computed_->matches(state, sel.phase, layerIndex)) {
        if (const auto& moves = computed_->moves) {
            moves_ = *moves;
            html += tr("<p><i>What would move it</i> (%1): %2.</p>").arg(movesBasis, movesSentence(*moves));
        } else {
            html += tr("<p><i>What would move it</i> could not be worked out: %1</p>")
                        .arg(errorText(moves.error()).toHtmlEscaped());
        }
    } else {
        html += tr("<p><i>What would move it</i> (%1): being worked out.</p>").arg(movesBasis);
    }
    // How the system serves: the steady step, the latencies and the deployment, before the layer.
    const ServingResult& sv = ev.serving;
    // The engine's host time, and the share of it a server spends streaming tokens to its clients.
    const Scenario& scenario = doc_->state().scenario;
    QString hostText;
    if (sv.host_s_per_step > 0) {
        const double streamed = sv.host_stream_s_per_step;
        hostText = streamed > 0 ? tr(" (host %1, %2 of it streaming tokens to the clients)")
                                      .arg(formatSeconds(sv.host_s_per_step), formatSeconds(streamed))
                                : tr(" (host %1)").arg(formatSeconds(sv.host_s_per_step));
    }
    html += tr("<p><b>Serving</b> (%1): %2 per replica (%3 replicas%4). A step runs %5 decodes and, on average, %6 "
               "prompt tokens; it takes %7%8 on average; %9 tokens/s.<br>TTFT p50 %10, p99 %11; TPOT p50 %12, p99 %13.</p>")
                .arg(sv.server           ? tr("server, the highest rate within the p99 limits")
                     : sv.disaggregated ? tr("offline, the slower pool runs flat out")
                                        : tr("offline, as many requests in flight as fit"),
                     tr("batch %1").arg(sv.batch), QString::number(sv.replicas),
                     sv.parallelism_auto ? tr(", parallelism chosen") : QString(),
                     formatNumber(sv.decode_tokens_per_step, 0), formatNumber(sv.prefill_tokens_per_step, 0),
                     formatSeconds(sv.step_s),
                     hostText,
                     formatSi(sv.throughput_tokens_per_s))
                .arg(formatSeconds(sv.ttft_p50_s), formatSeconds(sv.ttft_p99_s), formatSeconds(sv.tpot_p50_s),
                     formatSeconds(sv.tpot_p99_s));
    // Over pipeline stages: what the slowest stage adds to the steady step (the decode step's layers below show the
    // stages' sum), and the engine's loop, which every rank runs once per micro-batch over all the requests it holds.
    if (const PhaseResult& d = ev.decode; d.pipeline_wait_s > 0)
        html += tr("<p><b>Pipeline</b>: the slowest stage (%1 layers) sets the pace; each micro-batch waits its turn "
                   "there, %2 a step beyond the stages' sum.</p>")
                    .arg(QString::number(d.slowest_stage_layers), formatSeconds(d.pipeline_wait_s));
    if (const int pp = sv.parallelism.pp; pp > 1 && sv.host_s_per_step > 0) {
        if (scenario.loop_walks_held_requests())
            html += tr("<p><b>Engine loop</b>: every stage's chip waits for %1 loop iterations a step, one per "
                       "micro-batch, each walking the %2 requests a rank holds (%3 of the host time per request walks "
                       "them all): %4 of host work a step.</p>")
                        .arg(QString::number(pp), formatNumber(sv.held_per_rank(), 0),
                             QString::number(scenario.host_active_share, 'g', 3), formatSeconds(sv.host_s_per_step));
        else
            html += tr("<p><b>Engine loop</b>: every stage's chip waits for %1 loop iterations a step, one per "
                       "micro-batch, each over the requests it steps: %2 of host work a step.</p>")
                        .arg(QString::number(pp), formatSeconds(sv.host_s_per_step));
    }
    // How far predictions of this kind of workload have been from hardware.
    if (const MeasuredAccuracy* a = find_accuracy(builtin_measured_accuracy(), workload_class(doc_->state().model, scenario)))
        html += tr("<p><b>Measured accuracy</b>: %1</p>").arg(accuracyText(*a).toHtmlEscaped());
    if (const MeasuredAccuracy* a = find_reference_chip_accuracy(builtin_chip_accuracy(), doc_->state().chip))
        html += tr("<p><b>Measured on this chip</b>: %1</p>").arg(chipAccuracyText(*a, qtext(doc_->state().chip.name)).toHtmlEscaped());
    if (const LengthQuantiles& q = scenario.output_len_quantiles; sv.server && q.size() >= 2)
        html += tr("<p>The output lengths follow %1 measured quantiles (%2 tokens at %3 % up to %4 at %5 %), scaled "
                   "to the mean output of %6, in place of a lognormal: they set the TPOT percentiles.</p>")
                    .arg(QString::number(q.size()), formatNumber(q.front().tokens, 0), QString::number(q.front().p * 100, 'g', 4),
                         formatNumber(q.back().tokens, 0), QString::number(q.back().p * 100, 'g', 4),
                         formatNumber(scenario.output_len, 0));
    if (sv.prompt_steps_per_step > 0)
        html += tr("<p>Prompts run in steps of their own, which every decode waits for: a prompt step of %1 tokens "
                   "takes %2, and %3 of them run per decode step of %4, so a step averages %5.</p>")
                    .arg(formatNumber(sv.prompt_tokens_per_prompt_step, 0), formatSeconds(sv.prompt_step_s),
                         formatNumber(sv.prompt_steps_per_step, 3), formatSeconds(sv.decode_step_s),
                         formatSeconds(sv.step_s));
    const bool own_chunks = sv.chunk_steps_share > 0 && sv.parallelism.dp > 1 && !scenario.attention_dp_balance;
    if (sv.chunk_steps_share > 0 && sv.plain_prompt_tokens_per_step > 0)
        html += tr("<p>Prompts arrive whole, not a little in every step: %1 % of the steps carry %2 prompt tokens and "
                   "take %3; the others carry a chunk fewer, %4 tokens, in %5. A step averages %6: a step's time is not "
                   "linear in its tokens (its token rows fill the matrix units' tiles, and its fixed costs are paid "
                   "once), so the mean step is the mean of the two.</p>")
                    .arg(formatNumber(sv.chunk_steps_share * 100, 1), formatNumber(sv.chunk_tokens_per_step, 0),
                         formatSeconds(sv.chunk_step_s), formatNumber(sv.plain_prompt_tokens_per_step, 0),
                         formatSeconds(sv.plain_step_s), formatSeconds(sv.step_s));
    else if (sv.chunk_steps_share > 0)
        html += tr("<p>Prompts arrive whole, not a little in every step: %1 % of the steps carry a prompt chunk of %2 "
                   "tokens and take %3; the others decode alone in %4. A step averages %5: a step's time is not linear "
                   "in its tokens (a chunk's compute adds to the decodes' weight and KV reads where it cannot hide "
                   "under them), so the mean step is the mean of the two.</p>")
                    .arg(formatNumber(sv.chunk_steps_share * 100, 1), formatNumber(sv.chunk_tokens_per_step, 0),
                         formatSeconds(sv.chunk_step_s), formatSeconds(sv.plain_step_s), formatSeconds(sv.step_s));
    // Whether the layer shown is that mean, op by op (blend_steps marks each op it averages).
    const bool blended = std::any_of(layer.ops.begin(), layer.ops.end(), [](const OpResult& op) { return op.mean_share > 0; });
    if (blended)
        html += tr("<p>The layers below are that mean step, op by op: each op's time is the mean of its times in the "
                   "two steps (the chunk's prompt attention counts in its share of the steps).</p>");
    if (own_chunks)
        html += tr("<p>The %1 attention data-parallel ranks schedule their own prompts, and every rank waits for the "
                   "slowest at the MoE layers: a step carries a chunk wherever any rank runs one, %2 chunks in such "
                   "a step on average. Each rank alone carries one in %3 % of the steps; ranks that take their chunks "
                   "together (Engine: Aligned prompt chunks) would make only those steps long; measured runs of "
                   "uniform requests lie between the two, and the results' ranges take the ranks together as their "
                   "other end. The ranks run different ops in one step, so the layers below are each chip's mean "
                   "work: the step of the mean tokens, which takes less than the mean step.</p>")
                    .arg(QString::number(sv.parallelism.dp), formatNumber(sv.chunk_ranks, 2),
                         formatNumber(sv.chunk_share_per_rank * 100, 1));
    if (sv.disaggregated)
        html += tr("<p>Disaggregated: prefill on %1 × %2, decode on %3 × %4; each prompt's KV (%5) moves in %6.</p>")
                    .arg(QString::number(sv.prefill_pool.chips), qtext(sv.prefill_pool.chip),
                         QString::number(sv.decode_pool.chips), qtext(sv.decode_pool.chip),
                         formatBytes(sv.kv_transfer_gb_per_request * 1e9),
                         formatSeconds(sv.kv_transfer_s)) +
                (sv.decode_pool.fed_below_limit()
                     ? tr("<p>The decode pool holds %1 requests a replica, what the served rate keeps there (rate × "
                          "output tokens × TPOT); it would take up to %2.</p>")
                           .arg(QString::number(sv.decode_pool.batch), QString::number(sv.decode_pool.batch_limit))
                     : QString());
    html += tr("<p>%1 tokens per step, batch %2, context %3. Layer time %4, %5-bound.</p>")
                .arg(formatNumber(phase->tokens, 0), formatNumber(phase->batch, 0), formatNumber(phase->context, 0),
                     formatSeconds(layer.time_s), boundText(layer.bound));
    for (const OpResult& op : layer.ops) {
        const auto p = static_cast<size_t>(op.precision);
        const double peak = ev.peak_tflops[p];
        html += tr("<hr><p><b>%1</b> (%2, %3): <b>%4</b>, %5-bound</p><p style='margin-left:12px'>")
                    .arg(qtext(op.name), opKindText(op.kind), qtext(to_string(op.precision)),
                         formatSeconds(op.time_s), boundText(op.bound));
        if (op.m > 0)
            html += tr("FLOPs = 2·M·N·K = 2 × %1 × %2 × %3 = %4<br>")
                        .arg(formatNumber(op.m), formatNumber(op.n), formatNumber(op.k), formatSi(op.flops));
        else if (op.flops > 0)
            html += tr("FLOPs = %1<br>").arg(formatSi(op.flops));
        // An attention op's floors and what follows its stream (attention_floors), once for the lines below.
        const AttentionFloors floors = op.kind == OpKind::attention ? attention_floors(op, rates) : AttentionFloors{};
        if (op.flops > 0 && op.compute_s > 0) {
            const double achieved = op.flops / op.compute_s;  // FLOP/s
            // An attention op whose compute is one of its floors: one (request, KV head) pair alone over its
            // context, or its thread blocks' own work.
            const auto binds = [&](double floor) { return floor > 0 && std::fabs(op.compute_s - floor) <= 1e-9 * op.compute_s; };
            if (binds(floors.alone_s)) {
                html += tr("compute = one (request, KV head) pair alone over %1 tokens × this op's share = %2 × %3 = <b>%4</b><br>")
                            .arg(formatNumber(op.pair_keys, 0), formatSeconds(floors.pair_alone_s),
                                 QString::number(op.pair_share, 'g', 3), formatSeconds(op.compute_s));
            } else if (floors.fallback_keys > 0 && binds(floors.fallback_s)) {
                // The engine's fallback kernel: its blocks walk their keys, then merge a split context's blocks.
                const double walked = floors.fallback_keys, merge = floors.fallback_merge_s;
                if (merge > 0)
                    html += tr("compute = the engine's fallback kernel (too few (request, KV head) pairs for its grouped "
                               "kernel): (keys a block walks × time per key + merge) × this op's share = (%1 × %2 + %3) × %4 = "
                               "<b>%5</b><br>")
                                .arg(formatNumber(walked, 0), formatSeconds(rates.attention_fallback_token_s),
                                     formatSeconds(merge), QString::number(op.pair_share, 'g', 3), formatSeconds(op.compute_s));
                else
                    html += tr("compute = the engine's fallback kernel (too few (request, KV head) pairs for its grouped "
                               "kernel): keys a block walks × time per key × this op's share = %1 × %2 × %3 = <b>%4</b><br>")
                                .arg(formatNumber(walked, 0), formatSeconds(rates.attention_fallback_token_s),
                                     QString::number(op.pair_share, 'g', 3), formatSeconds(op.compute_s));
            } else if (op.prompt_token_heads <= 0 && binds(floors.blocks_s)) {
                // The first wave's blocks run within the call's fixed time (efficiency.attention_wave_blocks), this
                // op's share of them.
                html += tr("compute = ((request, KV head) pairs × thread blocks a pair − blocks of the first wave) × time per "
                           "block = (%1 × %2 − %3) × %4 = <b>%5</b><br>")
                            .arg(formatNumber(op.attention_pairs, 1), formatNumber(floors.splits, 0),
                                 formatNumber(op.pair_share * floors.wave_blocks, 1), formatSeconds(floors.block_s),
                                 formatSeconds(op.compute_s));
                // A block's pair time is set for 128-wide heads: other widths scale its width share.
                if (const double widened = pair_width_factor(op, rates); widened != 1.0)
                    html += tr("(the pair's time in a block, set for 128-wide heads, × %1 for %2-wide heads)<br>")
                                .arg(QString::number(widened, 'g', 3), formatNumber(op.head_width * kAttentionHeadDimMeasured, 0));
                // Times measured on a chip hold at its calibration point: say so where this design moved from it.
                const ChipSpec& chip = doc_->state().chip;
                const int at_cores = chip.calibration_cores();
                const double at_clock = chip.calibration_clock_ghz();
                if (at_cores != chip.compute.cores || at_clock != chip.compute.clock_ghz)
                    html += tr("(the block times as measured at %1 cores and %2 GHz, scaled to this design's %3 cores and "
                               "%4 GHz)<br>")
                                .arg(QString::number(at_cores), QString::number(at_clock, 'g', 4),
                                     QString::number(chip.compute.cores), QString::number(chip.compute.clock_ghz, 'g', 4));
            } else if (op.kind == OpKind::gemm || op.kind == OpKind::attention) {
                // The efficiency the engine applied, recovered from its own numbers.
                const double eff = peak > 0 && op.utilisation > 0 ? achieved / (peak * 1e12 * op.utilisation) : 0;
                html += tr("compute = FLOPs / (peak × efficiency × utilisation) = %1 / (%2 × %3 × %4) = <b>%5</b><br>")
                            .arg(formatSi(op.flops), formatSi(peak * 1e12, QStringLiteral("FLOP/s")),
                                 QString::number(eff, 'f', 2), QString::number(op.utilisation, 'f', 2),
                                 formatSeconds(op.compute_s));
                // How the matrix units' tiles hold a GEMM (tile_utilisation), by the chip's dataflow.
                if (op.kind == OpKind::gemm && op.utilisation < 0.9995 * op.row_share) {
                    if (rates.weight_stationary)
                        html += tr("(weight-stationary arrays: its K = %1 and N = %2 in weight tiles of %3 × %4, held while "
                                   "its %5 rows stream through %6 at a time, each tile taking at least the %3 cycles of "
                                   "its load)<br>")
                                    .arg(formatNumber(op.k, 0), formatNumber(op.n, 0), QString::number(rates.mac_rows),
                                         QString::number(rates.mac_cols), formatNumber(op.m, 0),
                                         QString::number(rates.row_tile));
                    else
                        html += tr("(output-stationary arrays: its %1 rows and N = %2 in output tiles of %3 × %4)<br>")
                                    .arg(formatNumber(op.m, 0), formatNumber(op.n, 0), QString::number(rates.mac_rows),
                                         QString::number(rates.mac_cols));
                }
                // A grouped expert GEMM's experts fill whole tiles (expert_row_share).
                if (op.grouped && op.row_share < 0.9995)
                    html += tr("(the utilisation holds × %1 for the experts' part-empty last tiles: %2 tokens per expert "
                               "in tiles of up to %3, workload key moe_tile_tokens)<br>")
                                .arg(QString::number(op.row_share, 'f', 3), formatNumber(op.m, 0),
                                     QString::number(doc_->state().scenario.moe_tile_tokens));
            } else if (op.prompt && rates.prefill_score_s > 0) {
                // A prompt-attention softmax the chip times per score (efficiency.prefill_softmax_ps, scaled from its
                // calibration point).
                html += tr("compute = scores × softmax time per score = %1 × %2 ps = <b>%3</b><br>")
                            .arg(formatSi(op.flops / kSoftmaxFlopsPerScore), QString::number(rates.prefill_score_s * 1e12, 'g', 3),
                                 formatSeconds(op.compute_s));
            } else {
                html += tr("compute = FLOPs / vector throughput = %1 / %2 = <b>%3</b><br>")
                            .arg(formatSi(op.flops), formatSi(achieved, QStringLiteral("FLOP/s")), formatSeconds(op.compute_s));
            }
        }
        // A prompt-attention kernel whose thread blocks leave cores idle (prompt_blocks).
        if (const PromptBlocks blocks = prompt_blocks(op, rates); blocks.busy < 0.995)
            html += tr("thread blocks: %1 (prompt, query head) pairs × %2 blocks of %3 query tokens on %4 cores, busy "
                       "%5 % of the kernel's time: its matmuls and softmax take 1 / %6 as long (in the compute above)<br>")
                        .arg(formatNumber(op.prompt_pairs, 0), formatNumber(blocks.per_pair, 0),
                             formatNumber(rates.prefill_tile_tokens, 0), QString::number(rates.cores),
                             QString::number(100.0 * blocks.busy, 'f', 0), QString::number(blocks.busy, 'f', 2));
        // Bytes kept per request beside the activations: an attention op's KV cache, or a linear-attention layer's
        // state (its convolution, recurrent step and chunked delta rule read and write it).
        if (op.bytes() > 0 && op.memory_s > 0)
            html += (op.kind == OpKind::attention || op.kv_bytes <= 0
                         ? tr("memory = bytes / bandwidth = (weights %1 in %2 + activations %3 + KV %4) / %5 = <b>%6</b> "
                              "(%8 peak %7)<br>")
                         : tr("memory = bytes / bandwidth = (weights %1 in %2 + activations %3 + linear-attention state "
                              "%4) / %5 = <b>%6</b> (%8 peak %7)<br>"))
                        .arg(formatBytes(op.weight_bytes), memLevelText(op.weight_level, dram),
                             formatBytes(op.activation_bytes), formatBytes(op.kv_bytes),
                             formatBytesPerSecond(op.bytes() / op.memory_s), formatSeconds(op.memory_s),
                             formatBytesPerSecond(peakMemory * 1e12), dramText(dram));
        if (op.network_bytes > 0) {
            html += tr("network = %1 of %2 over %3 chips, %4 sent per chip = <b>%5</b><br>")
                        .arg(qtext(op.collective), formatBytes(op.buffer_bytes), QString::number(op.group),
                             formatBytes(op.network_bytes), formatSeconds(op.network_s));
            const QString cost = collectiveCost(op, net);
            if (!cost.isEmpty()) html += QStringLiteral("&nbsp;&nbsp;") + cost + QStringLiteral("<br>");
        }
        // An attention call's fixed time part by part (attention_call_cost): a decode call's launch, its own cost
        // and its query heads a block; a prompt call's own cost and its two launches.
        const AttentionCallCost call = op.kind == OpKind::attention && op.attention_calls == 1
                                           ? attention_call_cost(op, rates)
                                           : AttentionCallCost{};
        if (call.heads > 0 && call.head_s > 0 && call.rope_s > 0) {
            html += tr("fixed per-op overhead = launch + call + query heads a block × time per head + RoPE pass = "
                       "%1 + %2 + %3 × %4 + %5 = %6<br>")
                        .arg(formatSeconds(rates.overhead_s), formatSeconds(call.call_s), formatNumber(call.heads, 0),
                             formatSeconds(call.head_s), formatSeconds(call.rope_s), formatSeconds(op.overhead_s));
        } else if (call.heads > 0 && call.head_s > 0) {
            html += tr("fixed per-op overhead = launch + call + query heads a block × time per head = %1 + %2 + %3 × %4 = %5<br>")
                        .arg(formatSeconds(rates.overhead_s), formatSeconds(call.call_s), formatNumber(call.heads, 0),
                             formatSeconds(call.head_s), formatSeconds(op.overhead_s));
        } else if (call.launches > 0) {
            html += tr("fixed per-op overhead = prompt call + 2 launches = %1 + 2 × %2 = %3<br>")
                        .arg(formatSeconds(call.call_s), formatSeconds(call.launch_s), formatSeconds(op.overhead_s));
        } else if (op.overhead_s > 0) {
            html += tr("fixed per-op overhead %1<br>").arg(formatSeconds(op.overhead_s));
        }
        // Hopper's 16-bit decode kernel runs a split pair's chain after the KV stream, the FP8 one a split pair's
        // merge (AttentionFloors::tail_s).
        if (op.tail_s > 0) {
            if (floors.chain_follows)
                html += tr("after the stream = one (request, KV head) pair's split chain over %1 tokens × this op's share = %2 × "
                           "%3 = %4<br>")
                            .arg(formatNumber(op.pair_keys, 0), formatSeconds(floors.pair_alone_s),
                                 QString::number(op.pair_share, 'g', 3), formatSeconds(op.tail_s));
            else
                html += tr("after the stream = the merge of a (request, KV head) pair split over %1 thread blocks × this op's "
                           "share = %2 × %3 = %4<br>")
                            .arg(formatNumber(floors.splits, 0), formatSeconds(floors.merge_s),
                                 QString::number(op.pair_share, 'g', 3), formatSeconds(op.tail_s));
        }
        const double sharpness = ridge_exponent_of(op, rates);
        // The ridge's terms beyond compute and memory, in the lines below.
        const bool ridgeLine = op.compute_s > 0 && op.memory_s > 0 && sharpness < 1000;
        const QString withNetwork = op.network_s > 0 ? tr(" with network") : QString();
        const QString plusOverhead = op.overhead_s > 0 ? tr(" + overhead") : QString();
        const QString afterStream = op.tail_s > 0 ? tr(" + after the stream") : QString();
        if (op.mean_share > 0) {
            // The mean of a step of decodes alone and a step with a prompt chunk (blend_steps): each line above is
            // a mean of the two, and so is the time, not the ridge of the means.
            html += tr("time = the mean over the steps (the lines above are means too) = %1 % × %2 (decodes alone) + "
                       "%3 % × %4 (with a prompt chunk) = <b>%5</b><br>")
                        .arg(formatNumber((1.0 - op.mean_share) * 100, 1), formatSeconds(op.first_step_s),
                             formatNumber(op.mean_share * 100, 1), formatSeconds(op.second_step_s),
                             formatSeconds(op.time_s));
            if (ridgeLine)
                html += tr("in each step, time = (compute<sup>p</sup> + memory<sup>p</sup>)<sup>1/p</sup>%1%2%3 (p = %4, "
                           "ridge sharpness: near the ridge neither overlaps the other fully)<br>")
                            .arg(withNetwork, plusOverhead, afterStream, QString::number(sharpness, 'g', 3));
        } else if (ridgeLine) {
            html += tr("time = (compute<sup>p</sup> + memory<sup>p</sup>)<sup>1/p</sup>%1%2%5 = <b>%3</b> "
                       "(p = %4, ridge sharpness: near the ridge neither overlaps the other fully)<br>")
                        .arg(withNetwork, plusOverhead, formatSeconds(op.time_s), QString::number(sharpness, 'g', 3),
                             afterStream);
        }
        const double ridge = peakMemory > 0 ? peak / peakMemory : 0;
        if (op.bytes() > 0 && ridge > 0)
            html += tr("intensity %1 FLOP/byte vs ridge point %2 FLOP/byte (peak / %3 bandwidth).<br>")
                        .arg(QString::number(op.intensity(), 'g', 3), QString::number(ridge, 'g', 3), dramText(dram));
        html += QStringLiteral("</p>");
    }
    if (html != shown_) {
        shown_ = html;
        const int scrolled = verticalScrollBar()->value();
        setHtml(html);
        if (keepScroll_) verticalScrollBar()->setValue(scrolled);
    }
}

}  // namespace scoville
