#pragma once
// The edit vocabulary of a design's history: every undoable change of a design — a chip
// parameter, the whole chip, a workload key, the baseline, the compared chips — is an Edit of
// (kind, key, old text, new text). The GUI's undo stack, the session file's journal and the
// `scoville session edit/undo/redo` commands all speak it, so one history survives a restart and
// is shared by the GUI and the command line. Text forms come from the registries: chip keys from
// core/hw/params, workload keys from core/workload/scenario_keys.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

enum class EditKind {
    chip,      // one chip parameter; key = dotted parameter key ("compute.clock_ghz")
    design,    // the whole chip replaced (a preset loaded, a file opened); key "*", values design JSON
    workload,  // the model (key "model", a library id) or a serving key ("batch", "tp", ...)
    baseline,  // the reference chip KPI deltas compare against; key "baseline", a chip id or ""
    compared,  // the chips shown beside the design; key "compared", ids joined by ","
};

std::string_view to_string(EditKind kind);
std::optional<EditKind> parse_edit_kind(std::string_view text);

inline constexpr std::string_view kWholeChipKey = "*";
inline constexpr std::string_view kModelKey = "model";
inline constexpr std::string_view kBaselineKey = "baseline";
inline constexpr std::string_view kComparedKey = "compared";
// Prefix of workload keys in a target name ("workload.batch", "workload.model").
inline constexpr std::string_view kWorkloadPrefix = "workload.";

// What a design's history changes, each part with a text form.
struct DesignValues {
    ChipSpec chip;
    std::string model_id;
    // The model's own description (model_to_json, one line) where it is not the library's model of that id
    // (one read from a file); empty where model_id names a library model.
    std::string model_json;
    Scenario scenario;
    std::string baseline_id;
    std::vector<std::string> compared_ids;
    friend bool operator==(const DesignValues&, const DesignValues&) = default;
};

struct Edit {
    EditKind kind = EditKind::chip;
    std::string key;
    std::string old_value;
    std::string new_value;
    friend bool operator==(const Edit&, const Edit&) = default;
};

// One undo step: the edits made together (one slider drag, one `session edit` command).
using EditStep = std::vector<Edit>;

// A target as users name it: "compute.clock_ghz", "workload.batch", "workload.model", "baseline",
// "compared". Unknown names are refused with the name and what is accepted.
struct EditTarget {
    EditKind kind = EditKind::chip;
    std::string key;
};
Result<EditTarget> parse_edit_target(std::string_view name);
// The inverse: "workload.batch" for (workload, "batch").
std::string edit_target_name(EditKind kind, std::string_view key);

// The text of one part of a design.
Result<std::string> edit_value(const DesignValues& values, EditKind kind, std::string_view key);
// Sets one part from text, checking the key and the value's kind and range; the message names
// the key. Does not check library ids (the caller knows the library) nor whole-chip consistency.
Status set_edit_value(DesignValues& values, EditKind kind, std::string_view key, std::string_view text);

// Applies a step: forward sets the new values in order, backward the old values in reverse order.
Status apply_step(DesignValues& values, const EditStep& step, bool forward);
// The edit setting `target` to `text` on `values` (old value filled in, new value normalised to the
// registry's text form); nullopt when it changes nothing.
Result<std::optional<Edit>> make_edit(const DesignValues& values, const EditTarget& target, std::string_view text);
// The edits that turn `from` into `to`: one per changed chip parameter (one design edit instead
// when the chip differs beyond its parameters: id, name, sources), then the model, the workload
// keys, the baseline and the compared chips.
EditStep diff_values(const DesignValues& from, const DesignValues& to);
// True when every edit of the step sets the value it already had (a drag back to its start).
bool is_noop(const EditStep& step);

// A plain-English line for logs and the command line: "Clock (compute.clock_ghz) 1.8 -> 2 GHz".
// The GUI describes edits itself, in the user's language.
std::string describe_edit(const Edit& edit);

// The model the values name: their own description where they carry one, else `library`'s model of that id.
Result<ModelSpec> design_model(const DesignValues& values,
                               const std::function<Result<ModelSpec>(std::string_view id)>& library);
// How a "model" edit's value reads: a library id as it is, a model's own description (JSON) as its name.
std::string model_edit_label(std::string_view text);
// A model of the design's own as a "model" edit holds it (model_to_json on one line), and the values that take it.
std::string own_model_text(const ModelSpec& model);
void set_own_model(DesignValues& values, const ModelSpec& model);

// "b200,tpu-v7" <-> {"b200", "tpu-v7"}; empty text = no chips.
std::string join_ids(const std::vector<std::string>& ids);
std::vector<std::string> split_ids(std::string_view text);

}  // namespace scoville
