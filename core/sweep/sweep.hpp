#pragma once
// Design-space sweeps: a grid over chip, economics and workload keys, evaluated in parallel
// (OpenMP), with constraints on results and a Pareto front over objectives from the result
// registry. Rows come out in grid order whatever the thread count, so shards (contiguous slices of
// the grid) concatenate to the whole.
#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/hw/params.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/result_keys.hpp"
#include "core/util/result.hpp"
#include "core/util/tr.hpp"
#include "core/workload/model.hpp"
#include "core/workload/model_keys.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {

// A key a sweep, a sensitivity or a goal seek can vary: a chip parameter (economics included,
// "econ.utilisation"), a numeric workload key written "workload.KEY" ("workload.input_len"), or a key of the
// model's architecture written "model.KEY" ("model.moe.experts", core/workload/model_keys.hpp).
struct SweepKey {
    std::string key;                        // as the user wrote it
    const ParamInfo* chip = nullptr;        // chip and economics keys
    const WorkloadKey* workload = nullptr;  // workload keys
    const ModelKey* model = nullptr;        // model keys
    [[nodiscard]] bool is_chip() const { return chip != nullptr; }
    [[nodiscard]] bool integer() const;     // whole numbers only (counts, choices)
    [[nodiscard]] double min() const;       // valid range, inclusive
    [[nodiscard]] double max() const;
    [[nodiscard]] double slider_min() const;  // a useful range (the GUI's slider)
    [[nodiscard]] double slider_max() const;
    [[nodiscard]] bool log_scale() const;
    [[nodiscard]] std::string_view label() const;
    [[nodiscard]] std::string_view unit() const;
    // The value on a design; the text of a choice value ("hbm3e").
    [[nodiscard]] double get(const ChipSpec& chip, const ModelSpec& model, const Scenario& s) const;
    [[nodiscard]] std::string value_text(double v) const;
    // Sets the value, checking it against the key's range; the message names the key. (A model key's value
    // may leave a model that is no model: validate_model says so.)
    Status set(ChipSpec& chip, ModelSpec& model, Scenario& s, double v) const;
};
Result<SweepKey> resolve_sweep_key(std::string_view key);

// One axis of the grid.
struct Axis {
    SweepKey key;
    std::vector<double> values;  // in order; choices by index
};
// "KEY=START:STOP:STEPS" (linear, both ends included), "KEY=START:STOP:STEPS:log" (geometric) or
// "KEY=V1,V2,..." (a list; choices by name). Whole-number keys round to whole numbers and drop the
// repeats. Refused with a message naming the problem: unknown key, steps <= 0, an empty range
// (start = stop with more than one step), log over values <= 0, a value outside the key's range.
Result<Axis> parse_axis(std::string_view text);

// A condition a point must meet: "die_area_mm2<=800", "ttft_p99_s<=2", "fits_reticle" (no die
// larger than the lithography reticle) or "fits_memory" (every off-chip memory site on the dies' edge and
// within what its type's fastest and largest parts give: no "hbm:" warning).
struct Constraint {
    enum class Op { le, ge, lt, gt, fits_reticle, fits_memory };
    const ResultKey* key = nullptr;  // null for fits_reticle and fits_memory
    Op op = Op::le;
    double value = 0;
    std::string text;  // as written, for messages and files
    [[nodiscard]] bool met(const Evaluation& ev) const;
};
Result<Constraint> parse_constraint(std::string_view text);

struct SweepSpec {
    ChipSpec chip;        // the design the axes vary
    ModelSpec model;
    Scenario scenario;
    Companions companions;
    std::vector<Axis> axes;
    std::vector<const ResultKey*> objectives;  // at least one
    std::vector<Constraint> constraints;
};

// The points of the grid; the last axis varies fastest.
uint64_t point_count(const SweepSpec& spec);

// The workload axes that cannot change the result of any point (WorkloadKey::applies: the acceptance without
// draft tokens, an MoE setting on a dense model): where the key does not apply at any combination of the other
// axes' values (every combination up to 256 of them, else their ends), one warning each, naming the key and
// saying where it applies. Its points all give the same result.
std::vector<Message> inert_axes(const SweepSpec& spec);
// Axis value indices of a point.
void point_indices(const SweepSpec& spec, uint64_t point, std::span<size_t> out);

// A contiguous slice of the grid: shard `index` (0-based) of `count` covers points
// [index x P / count, (index + 1) x P / count). Job arrays (Slurm, Kubernetes indexed Jobs) run
// one shard per task; their parts concatenate, in shard order, to the whole grid.
struct Shard {
    uint64_t index = 0, count = 1;
    [[nodiscard]] uint64_t begin(uint64_t points) const;
    [[nodiscard]] uint64_t end(uint64_t points) const;
};
inline constexpr uint64_t kMaxShards = 1000000000;
// "I/N" with 0 <= I < N <= kMaxShards.
Result<Shard> parse_shard(std::string_view text);

// The most points one run evaluates; larger grids must be sharded.
inline constexpr uint64_t kMaxPointsPerRun = 1000000000;

// Checks the spec before a run: axes, objectives, the grid's size against kMaxPointsPerRun (the
// message suggests --shard), and that the base design evaluates at all.
Status check_sweep(const SweepSpec& spec, const Shard& shard = {});

enum class PointStatus : uint8_t {
    ok,        // evaluated, meets every constraint
    violates,  // evaluated, misses a constraint (the first one missed is the note)
    failed,    // does not evaluate (model does not fit, ...): the note is the reason
};

// "ok", "violates", "failed": the status column of sweep files and sessions.
std::string_view to_string(PointStatus s);
std::optional<PointStatus> parse_point_status(std::string_view text);

// A vector whose new elements are left uninitialised (default-initialised): a sweep's result
// columns are written whole by the threads that evaluate their rows, so their memory is first
// touched in parallel rather than by one thread zeroing it beforehand.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
    UninitializedAllocator() = default;
    template <class U>
    UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
template <class T>
using Column = std::vector<T, UninitializedAllocator<T>>;

// The rows of one run, in grid order.
struct SweepRows {
    std::vector<std::string> axis_keys;
    std::vector<std::string> objective_keys;
    std::vector<Better> better;    // per objective
    Column<uint64_t> point;        // grid index of each row
    Column<double> axes;           // row-major, axis_keys.size() per row
    Column<double> objectives;     // row-major, objective_keys.size() per row; NaN where not applicable
    Column<PointStatus> status;
    std::vector<std::string> note;   // the constraint missed or the error; "" when ok
    uint64_t grid_points = 0;        // points in the whole grid (a shard holds some of them)

    [[nodiscard]] size_t size() const { return point.size(); }
    [[nodiscard]] double axis(size_t row, size_t a) const { return axes[row * axis_keys.size() + a]; }
    [[nodiscard]] double objective(size_t row, size_t o) const { return objectives[row * objective_keys.size() + o]; }
    // Appends another part's rows (same keys and grid); rows stay sorted by point, a point in two
    // parts is refused.
    Status append(const SweepRows& part);
};

struct SweepProgress {
    std::atomic<uint64_t> done{0};   // points evaluated so far
    std::atomic<bool> cancel{false}; // set from any thread to stop the run
};

struct SweepOptions {
    int threads = 0;                    // 0: OpenMP's default (OMP_NUM_THREADS or the cores)
    SweepProgress* progress = nullptr;  // optional
};

// Evaluates the shard's points. Each point is the whole design evaluation (performance, TDP cap,
// area, power, cost), exactly what `eval` gives for that design; a sweep that varies only chip keys
// reuses each thread's lowered steps (EvalWorkspace) between points. Cancelled: an error saying so.
Result<SweepRows> run_sweep(const SweepSpec& spec, const Shard& shard = {}, const SweepOptions& options = {});

// Indices of the rows not dominated by any other, over the given objective columns (all of them
// when empty) and their better directions; only rows with status ok take part. Exact: a row is
// on the front when no other row is at least as good in every objective and better in one.
// Identical rows are all kept. In row order.
std::vector<size_t> pareto_front(const SweepRows& rows, std::span<const size_t> objective_columns = {});
// The same over plain points (one vector of values per point).
std::vector<size_t> pareto_front(std::span<const std::vector<double>> points, std::span<const Better> better);

// How a sweep was asked for, as the command line takes it: "--vary A --vary B --objective K
// --constraint 'C'". Sessions store it beside the rows; the GUI's Sweep view reads it back.
std::string sweep_spec_text(std::span<const std::string> axes, std::span<const std::string> objectives,
                            std::span<const std::string> constraints);

// CSV: a header "KEY,...,OBJECTIVE,...,status,point,grid_points" then one row per point. Values
// with full precision (shortest exact decimal); choices by name; a missing objective is empty;
// status is ok, violates or failed, the note follows it after ": " (quoted where it has a comma);
// point is the row's index in the grid and grid_points the grid's size, so the parts of a sharded
// sweep show when one is missing.
std::string sweep_csv_header(const SweepRows& rows);
std::string sweep_csv_rows(const SweepRows& rows, size_t first = 0, size_t count = SIZE_MAX);
Result<SweepRows> parse_sweep_csv(std::string_view text, std::string_view origin);

}  // namespace scoville
