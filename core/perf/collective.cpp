#include "core/perf/collective.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scoville {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// Links from a chip to one other chip of a mesh (a board of `domain` chips fully connected).
double mesh_links_per_peer(const NetworkRates& r) {
    return std::max(1.0, static_cast<double>(r.links) / std::max(1, r.domain - 1));
}

// Links a torus gives each of its dimensions (both directions together).
double torus_links_per_dim(const NetworkRates& r) {
    return std::max(1.0, static_cast<double>(r.links) / std::max(1, r.torus_dims));
}

double log2_ceil(int n) { return n <= 1 ? 0.0 : std::ceil(std::log2(static_cast<double>(n))); }

CollectiveCost best_of(std::initializer_list<CollectiveCost> options) {
    CollectiveCost best;
    best.time_s = kInf;
    for (const auto& c : options)
        if (c.time_s < best.time_s) best = c;
    return best;
}

// A ring all-reduce over the torus dimensions the group spans: reduce-scatter along each dimension
// in turn (the buffer shrinks by that dimension), then all-gather back.
CollectiveCost torus_ring(double bytes, int n, const NetworkRates& r) {
    int d[3] = {1, 1, 1};
    const int dims = torus_factors(n, r.torus_dims, d);
    const double bw = torus_links_per_dim(r) * r.link_bytes_s;
    CollectiveCost c{0, 0, CollectiveAlgo::ring};
    double b = bytes;
    for (int i = 0; i < dims; ++i) {
        if (d[i] <= 1) continue;
        const double moved = 2.0 * (d[i] - 1) / d[i] * b;
        c.sent_bytes += moved;
        c.time_s += moved / bw + 2.0 * (d[i] - 1) * r.alpha_s;
        b /= d[i];
    }
    return c;
}
}  // namespace

std::string_view to_string(CollectiveAlgo a) {
    switch (a) {
    case CollectiveAlgo::none: return "";
    case CollectiveAlgo::one_shot: return "one-shot";
    case CollectiveAlgo::two_shot: return "two-shot";
    case CollectiveAlgo::ring: return "ring";
    case CollectiveAlgo::tree: return "tree";
    case CollectiveAlgo::in_switch: return "in-switch";
    case CollectiveAlgo::direct: return "direct";
    case CollectiveAlgo::hierarchical: return "hierarchical";
    }
    return "";
}

std::optional<CollectiveAlgo> parse_allreduce_algo(std::string_view name) {
    for (CollectiveAlgo a : {CollectiveAlgo::one_shot, CollectiveAlgo::two_shot, CollectiveAlgo::ring, CollectiveAlgo::tree,
                             CollectiveAlgo::in_switch})
        if (to_string(a) == name) return a;
    return std::nullopt;
}

NetworkRates network_rates(const ChipSpec& chip) {
    NetworkRates r;
    r.topology = chip.link.topology;
    r.links = chip.link.count;
    // Data sheets quote link bandwidth both ways together; one direction carries half.
    r.link_bytes_s = chip.link.gb_s * 1e9 / 2.0 * chip.efficiency.network;
    r.engine_link_bytes_s = chip.link.gb_s * 1e9 / 2.0 * chip.efficiency.engine_network;
    r.domain = std::max(1, chip.link.domain);
    r.torus_dims = std::clamp(chip.link.torus_dims, 1, 3);
    r.switch_gain = chip.link.topology == Topology::switched ? std::max(1.0, chip.link.switch_reduction_gain) : 1.0;
    r.switch_min_chips = std::max(2, chip.link.switch_reduction_min_chips);
    r.alpha_s = chip.link.latency_us * 1e-6;
    r.peer_alpha_s = chip.link.peer_latency_us * 1e-6;
    r.nic_bytes_s = chip.scaleout_gb_s() * 1e9 * chip.efficiency.network;
    r.nic_alpha_s = chip.scaleout.latency_us * 1e-6;
    // A library call's fixed cost: its latency as nccl-tests measures it, less the launch, and the launch.
    r.library_s = (chip.link.library_latency_us + chip.efficiency.op_overhead_us) * 1e-6;
    r.library_window_bytes = chip.link.library_window_mb * 1e6;
    return r;
}

int torus_factors(int n, int dims, int out[3]) {
    dims = std::clamp(dims, 1, 3);
    out[0] = out[1] = out[2] = 1;
    int rest = std::max(1, n);
    for (int i = 0; i < dims; ++i) {
        const int left = dims - i;
        if (left == 1) {
            out[i] = rest;
            break;
        }
        // The divisor of `rest` nearest its left-th root (ties: the larger), so a 3-D torus holds 8
        // chips as 2 x 2 x 2 and a 2-D one as 4 x 2.
        const double root = std::pow(static_cast<double>(rest), 1.0 / left);
        int best = 1;
        for (int f = 1; f <= rest; ++f) {
            if (rest % f != 0) continue;
            if (std::fabs(f - root) < std::fabs(best - root) - 1e-9 ||
                (std::fabs(std::fabs(f - root) - std::fabs(best - root)) <= 1e-9 && f > best))
                best = f;
        }
        out[i] = best;
        rest /= best;
    }
    std::sort(out, out + 3, [](int a, int b) { return a > b; });
    return dims;
}

double all_peers_bytes_s(int n, const NetworkRates& r) {
    switch (r.topology) {
    case Topology::switched: return r.links * r.link_bytes_s;
    case Topology::mesh:
        return std::min(static_cast<double>(r.links), (n - 1) * mesh_links_per_peer(r)) * r.link_bytes_s;
    case Topology::torus: return r.links * r.link_bytes_s;
    }
    return r.links * r.link_bytes_s;
}

double engine_peers_bytes_s(int n, const NetworkRates& r) {
    // all_peers_bytes_s is linear in the per-link rate.
    const double all = all_peers_bytes_s(n, r);
    return r.engine_link_bytes_s > 0 && r.link_bytes_s > 0 ? all * (r.engine_link_bytes_s / r.link_bytes_s) : all;
}

double ring_bytes_s(int n, const NetworkRates& r) {
    switch (r.topology) {
    case Topology::switched: return r.links * r.link_bytes_s;
    // A bidirectional ring sends half the data each way, over the links to both neighbours.
    case Topology::mesh: return (n > 2 ? 2.0 : 1.0) * mesh_links_per_peer(r) * r.link_bytes_s;
    case Topology::torus: return torus_links_per_dim(r) * r.link_bytes_s;
    }
    return r.link_bytes_s;
}

CollectiveCost allreduce_with(CollectiveAlgo algo, double bytes, int n, const NetworkRates& r) {
    CollectiveCost c{kInf, 0, algo};
    if (n <= 1 || bytes <= 0) return {0, 0, CollectiveAlgo::none};
    const double direct_ok = r.topology != Topology::torus;
    switch (algo) {
    case CollectiveAlgo::one_shot: {
        const double bw_engine = engine_peers_bytes_s(n, r);
        if (!direct_ok || bw_engine <= 0) return c;
        c.sent_bytes = (n - 1.0) * bytes;
        c.time_s = c.sent_bytes / bw_engine + 2.0 * r.alpha_s + (n - 1) * r.peer_alpha_s;
        return c;
    }
    case CollectiveAlgo::two_shot: {
        const double bw_engine = engine_peers_bytes_s(n, r);
        if (!direct_ok || bw_engine <= 0) return c;
        c.sent_bytes = 2.0 * (n - 1) / n * bytes;
        c.time_s = c.sent_bytes / bw_engine + 4.0 * r.alpha_s + 2.0 * (n - 1) * r.peer_alpha_s;
        return c;
    }
    case CollectiveAlgo::ring:
        if (r.topology == Topology::torus) return torus_ring(bytes, n, r);
        if (ring_bytes_s(n, r) <= 0) return c;
        c.sent_bytes = 2.0 * (n - 1) / n * bytes;
        c.time_s = c.sent_bytes / ring_bytes_s(n, r) + 2.0 * (n - 1) * r.alpha_s;
        return c;
    case CollectiveAlgo::tree:
        if (ring_bytes_s(n, r) <= 0) return c;
        c.sent_bytes = 2.0 * bytes;
        c.time_s = c.sent_bytes / ring_bytes_s(n, r) + 2.0 * log2_ceil(n) * r.alpha_s;
        return c;
    case CollectiveAlgo::in_switch: {
        // The switch sums what each chip sends and multicasts the result: each chip sends and receives
        // the buffer once, whatever the group, so the time does not fall with n as the ring's bus
        // bandwidth term does. link.switch_reduction_gain is measured at 8 chips (NVLS bus bandwidth
        // over the ring's), which sets that time: 2 x 7/8 B / (bw x gain). Two chips gain nothing over
        // a direct exchange (each sends B either way); 4 chips would get 6/7 of the 8-chip gain, which the
        // library does not take by itself below link.switch_reduction_min_chips (library_option).
        const double bw_all = all_peers_bytes_s(n, r);
        if (!(r.switch_gain > 1.0) || bw_all <= 0) return c;
        c.sent_bytes = bytes;
        c.time_s = 2.0 * 7.0 / 8.0 * bytes / (bw_all * r.switch_gain) + 4.0 * r.alpha_s;
        return c;
    }
    default: return c;
    }
}

namespace {
// An algorithm as the library's own choice weighs it: in-switch reduction only for groups of
// link.switch_reduction_min_chips chips or more, none of its cost below (an algorithm asked for by name
// runs whatever the group: allreduce_with).
CollectiveCost library_option(CollectiveAlgo a, double bytes, int n, const NetworkRates& r) {
    if (a == CollectiveAlgo::in_switch && n < r.switch_min_chips) return {kInf, 0, a};
    return allreduce_with(a, bytes, n, r);
}

// What a serving engine runs inside one domain (see all_reduce).
CollectiveCost engine_in_domain(double bytes, int n, const NetworkRates& r) {
    if (r.topology == Topology::torus)
        return best_of({allreduce_with(CollectiveAlgo::ring, bytes, n, r), allreduce_with(CollectiveAlgo::tree, bytes, n, r)});
    // TensorRT-LLM's strategy table, tuned by timing each kernel, goes from its one-shot kernel
    // straight to NCCL on 2-8 GPUs (aiconfigurator's timings sit on one or the other at every size).
    const CollectiveCost own = allreduce_with(CollectiveAlgo::one_shot, bytes, n, r);
    if (own.time_s <= r.library_s) return own;  // the library's fixed cost alone is no faster
    const CollectiveCost lib = library_all_reduce(bytes, n, r);
    return lib.time_s < own.time_s ? lib : own;
}

// The cheapest of every algorithm inside one domain, at rates without per-step latency: the library's
// part of a call across domains (its fixed cost is counted once per call).
CollectiveCost library_in_domain(double bytes, int n, const NetworkRates& r) {
    return best_of({allreduce_with(CollectiveAlgo::one_shot, bytes, n, r), allreduce_with(CollectiveAlgo::two_shot, bytes, n, r),
                    allreduce_with(CollectiveAlgo::ring, bytes, n, r), allreduce_with(CollectiveAlgo::tree, bytes, n, r),
                    library_option(CollectiveAlgo::in_switch, bytes, n, r)});
}

// n > domain: `inner` inside each domain of r.domain chips, then each chip's 1/domain share of the
// buffer across the domains over its own NICs (ring or tree).
CollectiveCost across_domains(double bytes, int n, const NetworkRates& r, const CollectiveCost& inner) {
    if (!(r.nic_bytes_s > 0)) return {kInf, 0, CollectiveAlgo::hierarchical};
    const int d = r.domain;
    const int m = (n + d - 1) / d;
    const double share = bytes / d;
    const double ring_out = 2.0 * (m - 1) / m * share / r.nic_bytes_s + 2.0 * (m - 1) * r.nic_alpha_s;
    const double tree_out = 2.0 * share / r.nic_bytes_s + 2.0 * log2_ceil(m) * r.nic_alpha_s;
    CollectiveCost c;
    c.algo = CollectiveAlgo::hierarchical;
    c.time_s = inner.time_s + std::min(ring_out, tree_out);
    c.sent_bytes = inner.sent_bytes + (ring_out <= tree_out ? 2.0 * (m - 1) / m * share : 2.0 * share);
    return c;
}
}  // namespace

CollectiveCost all_reduce(double bytes, int n, const NetworkRates& r) {
    if (n <= 1 || bytes <= 0) return {0, 0, CollectiveAlgo::none};
    if (n <= r.domain) return engine_in_domain(bytes, n, r);
    return across_domains(bytes, n, r, r.domain > 1 ? engine_in_domain(bytes, r.domain, r) : CollectiveCost{});
}

double library_window_factor(double sent_bytes, const NetworkRates& r) {
    const double w = r.library_window_bytes;
    return w > 0 ? 1.0 + w / (sent_bytes + w) : 1.0;
}

CollectiveCost library_all_reduce(double bytes, int n, const NetworkRates& r, CollectiveAlgo algo) {
    if (n <= 1 || bytes <= 0) return {0, 0, CollectiveAlgo::none};
    NetworkRates lib = r;
    lib.alpha_s = lib.peer_alpha_s = 0;  // the call's fixed cost replaces the per-step latencies inside the domain
    lib.engine_link_bytes_s = r.link_bytes_s;  // its direct exchanges run at the library's rate
    if (n > r.domain) {
        CollectiveCost c = algo == CollectiveAlgo::none
                               ? across_domains(bytes, n, lib, r.domain > 1 ? library_in_domain(bytes, r.domain, lib) : CollectiveCost{})
                               : CollectiveCost{kInf, 0, algo};
        c.time_s += r.library_s;
        c.library = true;
        return c;
    }
    auto through_window = [&](CollectiveCost c) {
        if (std::isfinite(c.time_s)) c.time_s *= library_window_factor(c.sent_bytes, r);
        return c;
    };
    CollectiveCost c{kInf, 0, algo};
    if (algo != CollectiveAlgo::none) {
        c = through_window(allreduce_with(algo, bytes, n, lib));
    } else {
        for (CollectiveAlgo a : {CollectiveAlgo::ring, CollectiveAlgo::tree, CollectiveAlgo::in_switch, CollectiveAlgo::two_shot})
            if (CollectiveCost t = through_window(library_option(a, bytes, n, lib)); t.time_s < c.time_s) c = t;
    }
    c.time_s += r.library_s;
    c.library = true;
    return c;
}

namespace {
CollectiveCost in_domain_all_to_all(double sent, int n, const NetworkRates& r) {
    CollectiveCost c{0, sent, CollectiveAlgo::direct};
    if (n <= 1 || sent <= 0) return {0, 0, CollectiveAlgo::none};
    if (r.topology == Topology::torus) {
        // Each byte crosses the mean hop count to a random other chip; all links carry traffic.
        int d[3] = {1, 1, 1};
        const int dims = torus_factors(n, r.torus_dims, d);
        double hops = 0, steps = 0;
        for (int i = 0; i < dims; ++i) {
            hops += std::floor(d[i] * d[i] / 4.0) / d[i];  // mean ring distance over all positions
            steps += std::ceil(d[i] / 2.0);
        }
        hops *= static_cast<double>(n) / (n - 1);  // over the other chips only
        const double bw = r.links * r.link_bytes_s;
        c.time_s = bw > 0 ? sent * hops / bw + steps * r.alpha_s : kInf;
        return c;
    }
    const double bw = all_peers_bytes_s(n, r);
    c.time_s = bw > 0 ? sent / bw + 2.0 * r.alpha_s : kInf;
    return c;
}
}  // namespace

CollectiveCost all_to_all(double sent_bytes, int n, const NetworkRates& r) {
    if (n <= 1 || sent_bytes <= 0) return {0, 0, CollectiveAlgo::none};
    if (n <= r.domain) return in_domain_all_to_all(sent_bytes, n, r);
    const int d = r.domain;
    const double out_share = static_cast<double>(n - d) / (n - 1);
    CollectiveCost inner = in_domain_all_to_all(sent_bytes * (1.0 - out_share), d, r);
    const double out =
        r.nic_bytes_s > 0 ? sent_bytes * out_share / r.nic_bytes_s + 2.0 * r.nic_alpha_s : kInf;
    return {std::max(inner.time_s, out), sent_bytes, CollectiveAlgo::hierarchical};
}

CollectiveCost library_all_gather(double sent_bytes, int n, const NetworkRates& r) {
    if (n <= 1 || sent_bytes <= 0) return {0, 0, CollectiveAlgo::none};
    NetworkRates lib = r;
    lib.alpha_s = lib.peer_alpha_s = 0;
    CollectiveCost c = all_to_all(sent_bytes, n, lib);
    if (n <= r.domain && std::isfinite(c.time_s)) c.time_s *= library_window_factor(sent_bytes, r);
    c.time_s += r.library_s;
    c.library = true;
    return c;
}

CollectiveCost send_recv(double bytes, bool cross_domain, const NetworkRates& r) {
    if (bytes <= 0) return {0, 0, CollectiveAlgo::none};
    if (cross_domain)
        return {r.nic_bytes_s > 0 ? bytes / r.nic_bytes_s + r.nic_alpha_s : kInf, bytes, CollectiveAlgo::direct};
    double bw = r.link_bytes_s;
    if (r.topology == Topology::switched) bw *= r.links;
    else if (r.topology == Topology::mesh) bw *= mesh_links_per_peer(r);
    else bw *= torus_links_per_dim(r) / 2.0;  // the links towards one neighbour
    return {bw > 0 ? bytes / bw + r.alpha_s : kInf, bytes, CollectiveAlgo::direct};
}

}  // namespace scoville
