#include "core/perf/validation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/kernel.hpp"
#include "core/physical/design.hpp"

namespace scoville {

namespace {

std::vector<std::string_view> split(std::string_view line, char sep, size_t max_fields) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < max_fields) {
        const auto pos = line.find(sep);
        if (pos == std::string_view::npos) break;
        out.push_back(line.substr(0, pos));
        line.remove_prefix(pos + 1);
    }
    out.push_back(line);  // the last field (source) may contain the separator
    return out;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Result<std::vector<ValidationCase>> parse_validation_csv(std::string_view text, std::string_view origin) {
    const std::string where(origin);
    std::vector<ValidationCase> cases;
    bool header = false;
    int line_no = 0;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (!header) {
            if (line.substr(0, 10) != "case,kind,")
                return Error{where + ":" + std::to_string(line_no) + ": expected the header 'case,kind,...'"};
            header = true;
            continue;
        }
        const auto f = split(line, ',', 14);
        if (f.size() < 13)
            return Error{where + ":" + std::to_string(line_no) + ": expected 14 comma-separated fields"};
        ValidationCase c;
        c.id = f[0];
        c.kind = f[1];
        c.chip = f[2];
        c.model = f[4];
        c.precision = f[5];
        c.scenario = f[6];
        c.shape = f[9];
        c.metric = f[10];
        if (f.size() > 13) c.source = f[13];
        const auto bad = [&](const char* field) {
            return Error{where + ":" + std::to_string(line_no) + ": case '" + c.id + "': bad " + field};
        };
        if (!parse_number(f[3], c.chips) || c.chips < 1) return bad("chips");
        if (!parse_number(f[11], c.measured) || !(c.measured > 0) || !std::isfinite(c.measured)) return bad("value");
        if (c.kind == "serving") {
            if (!parse_number(f[7], c.input_len) || c.input_len < 1) return bad("input_len");
            if (!parse_number(f[8], c.output_len) || c.output_len < 1) return bad("output_len");
        } else if (c.kind != "gemm" && c.kind != "copy") {
            return bad("kind (serving, gemm or copy)");
        }
        cases.push_back(std::move(c));
    }
    if (!header) return Error{where + ": no header line"};
    return cases;
}

Result<ValidationResult> run_validation_case(const ValidationCase& c) {
    ValidationResult out;
    out.c = c;
    auto chip = load_chip(c.chip);
    if (!chip) return Error{"case '" + c.id + "': " + chip.error().message};
    if (c.kind == "copy") {
        constexpr double kBytes = 4.0 * 1024 * 1024 * 1024;
        auto k = copy_kernel(*chip, kBytes);
        if (!k) return Error{"case '" + c.id + "': " + k.error().message};
        out.predicted = k->achieved_tb_s;
        out.detail = "copy 4 GiB";
    } else {
        const auto p = parse_precision(c.precision);
        if (!p) return Error{"case '" + c.id + "': unknown precision '" + c.precision + "'"};
        if (c.kind == "gemm") {
            double dims[3] = {0, 0, 0};
            std::string_view s = c.shape;
            for (int i = 0; i < 3; ++i) {
                const auto x = s.find('x');
                if ((i < 2) == (x == std::string_view::npos) || !parse_number(s.substr(0, x), dims[i]))
                    return Error{"case '" + c.id + "': bad shape '" + c.shape + "' (expected MxNxK)"};
                if (x != std::string_view::npos) s.remove_prefix(x + 1);
            }
            auto k = gemm_kernel(*chip, dims[0], dims[1], dims[2], *p);
            if (!k) return Error{"case '" + c.id + "': " + k.error().message};
            out.predicted = k->achieved_tflops;
            out.detail = "gemm " + c.shape;
        } else {
            auto model = load_model(c.model);
            if (!model) return Error{"case '" + c.id + "': " + model.error().message};
            Scenario s;
            s.chips = c.chips;
            s.input_len = c.input_len;
            s.output_len = c.output_len;
            s.weight_precision = s.activation_precision = *p;
            s.kv_precision = (*p == Precision::fp8 || *p == Precision::fp4) ? Precision::fp8 : Precision::bf16;
            s.batch = 0;
            if (c.scenario == "server") {
                s.ttft_slo_s = 2.0;
                s.tpot_slo_s = 0.2;
            } else if (c.scenario != "offline") {
                return Error{"case '" + c.id + "': unknown scenario '" + c.scenario + "' (offline or server)"};
            }
            // A serving row's shape field may describe how it was measured, as space-separated
            // key=value: tp (fixed tensor-parallel degree), ep, in_cv and out_cv (the spread of the
            // request lengths, std / mean).
            int fixed_tp = 0;
            for (std::string_view rest = c.shape; !rest.empty();) {
                const auto sp = rest.find(' ');
                const std::string_view item = rest.substr(0, sp);
                rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
                if (item.empty()) continue;
                const auto eq = item.find('=');
                const std::string_view key = item.substr(0, eq);
                const std::string_view value = eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
                bool ok = false;
                if (key == "tp") ok = parse_number(value, fixed_tp) && fixed_tp >= 1 && c.chips % fixed_tp == 0;
                else if (key == "ep") ok = parse_number(value, s.ep) && s.ep >= 1;
                else if (key == "in_cv") ok = parse_number(value, s.input_len_cv) && s.input_len_cv >= 0;
                else if (key == "out_cv") ok = parse_number(value, s.output_len_cv) && s.output_len_cv >= 0;
                if (!ok)
                    return Error{"case '" + c.id + "': bad '" + std::string(item) +
                                 "' in '" + c.shape + "' (serving: tp=N dividing the chips, ep=M, in_cv=X, out_cv=Y)"};
            }
            if (s.ep > 1 && (fixed_tp == 0 || fixed_tp % s.ep != 0))
                return Error{"case '" + c.id + "': ep=" + std::to_string(s.ep) + " needs a tp=N that it divides"};
            bool any = false;
            std::string last_error;
            for (int tp = 1; tp <= c.chips; ++tp) {
                if (c.chips % tp != 0 || (fixed_tp > 0 && tp != fixed_tp)) continue;
                s.tp = tp;
                auto ev = evaluate_design(*chip, *model, s);
                if (!ev) {
                    last_error = ev.error().message;
                    continue;
                }
                const bool slo_missed = std::any_of(ev->warnings.begin(), ev->warnings.end(),
                                                    [](const std::string& w) { return w.rfind("slo:", 0) == 0; });
                if (slo_missed) continue;
                if (ev->serving.throughput_tokens_per_s > out.predicted) {
                    out.predicted = ev->serving.throughput_tokens_per_s;
                    out.detail = "tp " + std::to_string(tp) + (s.ep > 1 ? ", ep " + std::to_string(s.ep) : "") +
                                 ", batch " + std::to_string(ev->serving.batch) +
                                 ", replicas " + std::to_string(ev->serving.replicas);
                    any = true;
                }
            }
            if (!any)
                return Error{"case '" + c.id + "': no tensor-parallel degree fits" +
                             (last_error.empty() ? std::string() : " (" + last_error + ")")};
        }
    }
    out.error = (out.predicted - c.measured) / c.measured;
    return out;
}

}  // namespace scoville
