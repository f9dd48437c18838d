#pragma once
// Collectives as communication libraries run them: the alpha-beta cost of each algorithm on the
// chip's topology, and the cheapest one for the message size (as NCCL's and TensorRT-LLM's tuners
// pick). Groups larger than the scale-up domain go hierarchical over the scale-out NICs.
//
// Conventions: `bytes` is the buffer each chip holds (all-reduce) or sends in total (all-to-all,
// send/recv); times in seconds; bandwidths per chip, one direction, achieved (x efficiency.network).
#include <optional>
#include <string_view>

#include "core/hw/chip.hpp"

namespace scoville {

enum class CollectiveAlgo { none, one_shot, two_shot, ring, tree, in_switch, direct, hierarchical };
std::string_view to_string(CollectiveAlgo a);
// The all-reduce algorithm a name (as to_string writes it) stands for; nullopt for any other name.
std::optional<CollectiveAlgo> parse_allreduce_algo(std::string_view name);

struct NetworkRates {
    Topology topology = Topology::switched;
    int links = 0;               // scale-up links per chip
    double link_bytes_s = 0;     // one link, one direction, achieved by the vendor library
    double engine_link_bytes_s = 0;  // the same by an engine's own all-reduce kernels (one-shot, two-shot)
    int domain = 1;              // chips one scale-up domain holds
    int torus_dims = 1;
    double switch_gain = 1;      // in-switch reduction: all-reduce bandwidth over the ring's (1 = none)
    int switch_min_chips = 8;    // the fewest chips the library reduces in the switch for by its own choice
    double alpha_s = 0;          // per synchronisation step, scale-up
    double peer_alpha_s = 0;     // per peer and round of an engine's direct exchange (one-shot, two-shot)
    double nic_bytes_s = 0;      // all NICs of a chip, one direction, achieved
    double nic_alpha_s = 0;      // per step across the scale-out network
    double library_s = 0;        // the vendor library's fixed cost per call, its launch included
    double library_window_bytes = 0;  // bytes a chip sends before the library streams at full rate
    friend bool operator==(const NetworkRates&, const NetworkRates&) = default;
};

NetworkRates network_rates(const ChipSpec& chip);

struct CollectiveCost {
    double time_s = 0;
    double sent_bytes = 0;       // bytes this chip puts on its links
    CollectiveAlgo algo = CollectiveAlgo::none;
    bool library = false;        // run by the vendor library (its fixed cost per call and pipeline window)
};

// Per-chip bandwidth (one direction) a group of n chips inside one domain can use when every chip
// talks to every other at once (one-shot, two-shot, all-to-all), and along a ring.
double all_peers_bytes_s(int n, const NetworkRates& r);
double ring_bytes_s(int n, const NetworkRates& r);
// all_peers_bytes_s at the rate an engine's own all-reduce kernels reach (engine_link_bytes_s; the
// library's rate where that is not set).
double engine_peers_bytes_s(int n, const NetworkRates& r);

// Single algorithms inside one scale-up domain (n <= domain); time_s = +inf where the topology
// cannot run the algorithm (one-shot on a torus, in-switch without switch reduction).
//   one-shot:  every chip sends its whole buffer to every peer and sums locally: 2 steps and one
//              round of n-1 peers, (n-1) B / bw_all, at the engine kernels' rate (engine_peers_bytes_s)
//   two-shot:  reduce-scatter then all-gather, each one direct exchange: 4 steps and two rounds of
//              n-1 peers, 2 (n-1)/n B / bw_all, at the engine kernels' rate
//   ring:      2 (n-1) steps, 2 (n-1)/n B / bw_ring (torus: one bidirectional ring per dimension)
//   tree:      double binary tree: 2 log2(n) steps, 2 B / bw_ring
//   in-switch: the switch reduces in flight (NVLS): 4 steps; each chip sends and receives B once, at the
//              rate an 8-chip group measures: 2 x 7/8 B / (bw_all x link.switch_reduction_gain), any n
CollectiveCost allreduce_with(CollectiveAlgo algo, double bytes, int n, const NetworkRates& r);

// An all-reduce as a serving engine runs it: inside a switched or fully meshed domain the faster of its
// own one-shot kernel and the vendor library (TensorRT-LLM's automatic strategy, vLLM's custom
// all-reduce falling back to NCCL); over a torus the cheapest of ring and tree. n > domain:
// reduce-scatter inside each domain, all-reduce of bytes/domain across domains over the NICs (ring or
// tree), all-gather inside.
CollectiveCost all_reduce(double bytes, int n, const NetworkRates& r);

// As the vendor library (NCCL, RCCL) runs an all-reduce: one fixed cost per call (library_s) in place of
// the per-step latencies inside the scale-up domain, and there a pipeline that streams at full rate only
// once the bytes a chip sends pass its window: the data time counts 1 + W / (sent + W) times. `algo`
// none = the library's own choice, the fastest of ring, tree, in-switch (NVLS) and, over a full mesh,
// rings along every link (a two-shot exchange's traffic). Groups beyond the domain go hierarchical, the
// scale-out steps keeping their latency. time_s = +inf where the topology cannot run `algo`.
CollectiveCost library_all_reduce(double bytes, int n, const NetworkRates& r,
                                  CollectiveAlgo algo = CollectiveAlgo::none);
// The library pipeline's factor on a data time when each chip sends `sent_bytes`: 1 + W / (sent + W)
// (W = library_window_bytes; 1 without a window).
double library_window_factor(double sent_bytes, const NetworkRates& r);
// `sent_bytes` leave each chip, spread evenly over the other n - 1 (expert dispatch and combine).
// Switch and mesh: direct puts; torus: each byte crosses the mean hop count. Past the domain the
// share for other domains goes over the NICs at the same time.
CollectiveCost all_to_all(double sent_bytes, int n, const NetworkRates& r);
// An all-gather or a reduce-scatter as the vendor library (NCCL, RCCL) runs it: `sent_bytes` leave each
// chip (its share, to each of the n - 1 others), the exchange of all_to_all with one library call's
// fixed cost (library_s) in place of the per-step latencies inside the domain, and there the data time
// through the library's pipeline window.
CollectiveCost library_all_gather(double sent_bytes, int n, const NetworkRates& r);
// One transfer to a neighbour (pipeline stages); across domains when `cross_domain`.
CollectiveCost send_recv(double bytes, bool cross_domain, const NetworkRates& r);

// How a group of n chips splits over torus dimensions (largest first, product n, at most dims
// factors); used by the torus ring and all-to-all.
int torus_factors(int n, int dims, int out[3]);

}  // namespace scoville
