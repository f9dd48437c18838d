#include "core/sweep/roadmap_chart.hpp"

#include "core/physical/design.hpp"
#include "core/sweep/ranges.hpp"

namespace scoville {

std::string_view to_string(RoadmapStatus s) {
    switch (s) {
    case RoadmapStatus::shipping: return "shipping";
    case RoadmapStatus::announced: return "announced";
    case RoadmapStatus::estimated: return "estimated";
    }
    return "shipping";
}

std::vector<RoadmapPoint> roadmap_points(const std::vector<RoadmapEntry>& entries,
                                         const std::function<Result<ChipSpec>(std::string_view)>& chip) {
    std::vector<RoadmapPoint> out;
    for (const RoadmapEntry& e : entries) {
        RoadmapPoint base;
        base.line = e.vendor;
        base.name = e.name;
        base.year = e.year;
        base.status = e.confidence == "C" ? RoadmapStatus::announced : RoadmapStatus::shipping;
        base.confidence = e.confidence;
        base.source = e.source;
        base.headline = e.headline;
        base.announced = e.announced;
        bool any = false;
        for (const std::string& id : e.chip_ids) {
            auto spec = chip ? chip(id) : Result<ChipSpec>(Error{"no chip library"});
            if (!spec) continue;
            RoadmapPoint p = base;
            p.chip_id = id;
            if (e.chip_ids.size() > 1 && !spec->name.empty()) p.name = spec->name;
            if (spec->confidence == "estimate") {
                p.status = RoadmapStatus::estimated;
                p.confidence = spec->confidence;
            }
            out.push_back(std::move(p));
            any = true;
        }
        if (!any) out.push_back(std::move(base));
    }
    return out;
}

RoadmapValue roadmap_value(const RoadmapPoint& point, const ResultKey& key, const Result<Evaluation>* evaluation,
                           const Ranges* ranges) {
    RoadmapValue v;
    if (point.chip_id.empty() && !evaluation) {
        for (const auto& [k, figure] : point.announced) {
            if (k != key.key) continue;
            v.source = RoadmapValueSource::announced;
            v.value = figure;
            return v;
        }
        v.reason = RoadmapNoValue::not_modelled;
        v.why = point.announced.empty() ? "not modelled: no chip spec and no announced figures"
                                        : "not modelled: no chip spec, and this figure was not announced";
        return v;
    }
    if (!evaluation) {
        v.reason = RoadmapNoValue::not_evaluated;
        v.why = "not evaluated yet";
        return v;
    }
    if (!*evaluation) {
        v.reason = RoadmapNoValue::does_not_run;
        v.why = evaluation->error().message;
        return v;
    }
    const auto value = key.value(evaluation->value());
    if (!value) {
        v.reason = RoadmapNoValue::does_not_apply;
        v.why = "does not apply to this chip";
        return v;
    }
    v.source = RoadmapValueSource::model;
    v.value = *value;
    if (const ResultRange* r = ranges ? ranges->find(key.key) : nullptr; r && r->high > r->low) {
        v.low = r->low;
        v.high = r->high;
    }
    return v;
}

std::vector<RoadmapEvaluation> evaluate_roadmap_chips(const std::vector<ChipSpec>& chips, const ModelSpec& model,
                                                      const Scenario& scenario, const Companions& companions,
                                                      bool ranges) {
    std::vector<RoadmapEvaluation> out;
    out.reserve(chips.size());
    for (const ChipSpec& chip : chips) {
        RoadmapEvaluation r;
        r.chip_id = chip.id;
        r.evaluation = evaluate_design(chip, model, scenario, companions);
        if (ranges && r.evaluation) {
            if (auto rr = result_ranges(DesignPoint{chip, model, scenario, companions})) r.ranges = std::move(rr.value());
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace scoville
