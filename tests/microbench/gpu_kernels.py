#!/usr/bin/env python3
"""Steady-state rate, board power and clock of GEMMs and copies on one NVIDIA GPU.

Measures what the chip files' efficiency and power keys stand for, on the card as it is found
(no clock, power-limit or mode is changed):
  - GEMMs through cuBLAS (PyTorch): bf16 and FP8 E4M3 (per-tensor scales, bf16 out), M x N x K;
  - device-to-device copies from 1 MiB to 2 GiB a buffer (on-chip cache, then HBM);
  - for the kernels marked 'loop', the board's energy counter over seconds of back-to-back
    calls (CUDA graphs, at most two queued), so the average power is exact over the window,
    with the SM clock, temperature and clock-event reasons sampled every 10 ms.

Usage: python3 tests/microbench/gpu_kernels.py OUTDIR [--transient | --bursts | --duty]
Writes OUTDIR/kernels.csv (one row a kernel), OUTDIR/samples.csv (every NVML sample of the loops)
and OUTDIR/env.json (card, driver, library versions, limits).
"""
import csv
import json
import math
import os
import sys
import threading
import time

import pynvml
import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(OUT, exist_ok=True)
WARM_S = float(os.environ.get("WARM_S", "1.5"))
STEADY_S = float(os.environ.get("STEADY_S", "3.0"))

pynvml.nvmlInit()
H = pynvml.nvmlDeviceGetHandleByIndex(0)
DEV = torch.device("cuda")


def nv(fn, *a, default=None):
    try:
        return fn(*a)
    except Exception:  # an NVML query the driver does not answer
        return default


def event_reasons():
    f = getattr(pynvml, "nvmlDeviceGetCurrentClocksEventReasons", None) or getattr(
        pynvml, "nvmlDeviceGetCurrentClocksThrottleReasons")
    return nv(f, H, default=-1)


def instant_power_mw():
    fid = getattr(pynvml, "NVML_FI_DEV_POWER_INSTANT", None)
    if fid is None:
        return None
    try:
        v = pynvml.nvmlDeviceGetFieldValues(H, [fid])[0]
        return v.value.uiVal if v.nvmlReturn == 0 else None
    except Exception:
        return None


def energy_mj():
    return nv(pynvml.nvmlDeviceGetTotalEnergyConsumption, H)


def env_info():
    props = torch.cuda.get_device_properties(0)
    info = {
        "name": props.name,
        "sm_count": props.multi_processor_count,
        "memory_bytes": props.total_memory,
        "l2_bytes": getattr(props, "L2_cache_size", None),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "driver": nv(pynvml.nvmlSystemGetDriverVersion),
        "power_limit_mw": nv(pynvml.nvmlDeviceGetEnforcedPowerLimit, H),
        "power_default_limit_mw": nv(pynvml.nvmlDeviceGetPowerManagementDefaultLimit, H),
        "sm_clock_max_mhz": nv(pynvml.nvmlDeviceGetMaxClockInfo, H, pynvml.NVML_CLOCK_SM),
        "mem_clock_max_mhz": nv(pynvml.nvmlDeviceGetMaxClockInfo, H, pynvml.NVML_CLOCK_MEM),
        "sm_clock_app_mhz": nv(pynvml.nvmlDeviceGetApplicationsClock, H, pynvml.NVML_CLOCK_SM),
        "nvml_memory_total": nv(lambda: pynvml.nvmlDeviceGetMemoryInfo(H).total),
        "energy_counter": energy_mj() is not None,
        "instant_power": instant_power_mw() is not None,
    }
    try:
        from importlib.metadata import version
        info["cublas"] = version("nvidia-cublas")
    except Exception:
        info["cublas"] = None
    return info


class Sampler:
    """NVML every period_s (10 ms) on a thread while a loop runs."""

    def __init__(self, label, rows, period_s=0.01):
        self.label, self.rows, self.stop, self.period_s = label, rows, threading.Event(), period_s
        self.t = threading.Thread(target=self.run, daemon=True)

    def run(self):
        t0 = time.time()
        while not self.stop.is_set():
            self.rows.append({
                "kernel": self.label, "t_s": round(time.time() - t0, 4),
                "power_mw": nv(pynvml.nvmlDeviceGetPowerUsage, H),
                "instant_mw": instant_power_mw(),
                "sm_mhz": nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_SM),
                "mem_mhz": nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_MEM),
                "temp_c": nv(pynvml.nvmlDeviceGetTemperature, H, pynvml.NVML_TEMPERATURE_GPU),
                "reasons": event_reasons(),
            })
            time.sleep(self.period_s)

    def __enter__(self):
        self.t.start()
        return self

    def __exit__(self, *a):
        self.stop.set()
        self.t.join()


def time_eager(fn, calls=10):
    for _ in range(3):
        fn()
    s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    s.record()
    for _ in range(calls):
        fn()
    e.record()
    e.synchronize()
    return s.elapsed_time(e) / 1e3 / calls


def make_graph(fn, calls):
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        for _ in range(3):
            fn()
    torch.cuda.current_stream().wait_stream(side)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for _ in range(calls):
            fn()
    return g


def replay_for(g, seconds):
    """Replays g back to back for about `seconds`, never more than two graphs queued."""
    evs = [torch.cuda.Event(), torch.cuda.Event()]
    k, end = 0, time.time() + seconds
    while time.time() < end:
        if k >= 2:
            evs[k % 2].synchronize()
        g.replay()
        evs[k % 2].record()
        k += 1
    return k


def measure(row, fn, loop, samples):
    """Times fn (median of graph replays) and, for a loop, its steady power."""
    t1 = time_eager(fn)
    calls = max(1, min(4000, math.ceil(0.01 / max(t1, 1e-7))))  # a graph of ~10 ms
    g = make_graph(fn, calls)
    times = []
    for _ in range(7):
        s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        s.record()
        g.replay()
        e.record()
        e.synchronize()
        times.append(s.elapsed_time(e) / 1e3 / calls)
    times.sort()
    t = times[len(times) // 2]
    row.update(calls_per_graph=calls, time_us=round(t * 1e6, 3))
    if loop:
        with Sampler(row["kernel"], samples) as smp:
            replay_for(g, WARM_S)
            torch.cuda.synchronize()
            n0 = len(samples)
            s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            e0, h0 = energy_mj(), time.time()
            s.record()
            k = replay_for(g, STEADY_S)
            e.record()
            e.synchronize()
            e1, h1 = energy_mj(), time.time()
            steady = samples[n0:]
        gpu_s = s.elapsed_time(e) / 1e3
        row.update(loop_time_us=round(gpu_s / (k * calls) * 1e6, 3), loop_s=round(gpu_s, 3))
        if e0 is not None and e1 is not None:
            row["power_w_energy"] = round((e1 - e0) / 1e3 / (h1 - h0), 1)

        def mean(key):
            v = [x[key] for x in steady if x[key] is not None]
            return sum(v) / len(v) if v else None
        p, ip = mean("power_mw"), mean("instant_mw")
        row["power_w_nvml"] = round(p / 1e3, 1) if p else None
        row["power_w_instant"] = round(ip / 1e3, 1) if ip else None
        clk = [x["sm_mhz"] for x in steady if x["sm_mhz"]]
        if clk:
            row.update(sm_mhz_mean=round(sum(clk) / len(clk)), sm_mhz_min=min(clk), sm_mhz_max=max(clk))
        mem = [x["mem_mhz"] for x in steady if x["mem_mhz"]]
        if mem:
            row["mem_mhz_mean"] = round(sum(mem) / len(mem))
        tc = [x["temp_c"] for x in steady if x["temp_c"] is not None]
        if tc:
            row["temp_c_mean"] = round(sum(tc) / len(tc), 1)
        r = 0
        for x in steady:
            if x["reasons"] and x["reasons"] > 0:
                r |= x["reasons"]
        row["event_reasons"] = hex(r)
    del g
    torch.cuda.synchronize()
    return row


def gemm_case(prec, m, n, k):
    a = torch.randn(m, k, device=DEV, dtype=torch.bfloat16)
    w = torch.randn(n, k, device=DEV, dtype=torch.bfloat16)  # (N, K): y = x . w^T, as a Linear layer
    if prec == "bf16":
        wt = w.t()
        return (lambda: torch.matmul(a, wt)), (a, w)
    a8 = a.to(torch.float8_e4m3fn)
    w8 = w.to(torch.float8_e4m3fn)
    one = torch.ones((), device=DEV, dtype=torch.float32)
    wt8 = w8.t()
    return (lambda: torch._scaled_mm(a8, wt8, scale_a=one, scale_b=one, out_dtype=torch.bfloat16)), (a8, w8)


def main():
    info = env_info()
    with open(os.path.join(OUT, "env.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info))
    rows, samples = [], []

    # Idle: the card's power with nothing queued (after start-up, before any load).
    time.sleep(1.0)
    with Sampler("idle", samples):
        e0, h0 = energy_mj(), time.time()
        time.sleep(3.0)
        e1, h1 = energy_mj(), time.time()
    idle = [x for x in samples if x["kernel"] == "idle"]
    rows.append({"kernel": "idle", "kind": "idle",
                 "power_w_energy": round((e1 - e0) / 1e3 / (h1 - h0), 1) if e0 is not None else None,
                 "sm_mhz_mean": round(sum(x["sm_mhz"] for x in idle) / len(idle)) if idle else None})

    # Copies: on-chip cache to HBM. Bytes counted read + written.
    for mib in [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 128, 512, 2048]:
        n = mib * 1024 * 1024 // 2
        src = torch.randn(n, device=DEV, dtype=torch.bfloat16)
        dst = torch.empty_like(src)
        row = {"kernel": f"copy-{mib}mib", "kind": "copy", "bytes": 2 * 2 * n}
        measure(row, lambda: dst.copy_(src), loop=mib in (2048, 16), samples=samples)
        row["tb_s"] = round(row["bytes"] / (row["time_us"] * 1e-6) / 1e12, 4)
        if "loop_time_us" in row:
            row["loop_tb_s"] = round(row["bytes"] / (row["loop_time_us"] * 1e-6) / 1e12, 4)
        rows.append(row)
        print(row, flush=True)
        del src, dst

    # GEMMs: N = K = 8192 over M (steady power for each), then a Llama-3-70B layer's shapes at TP 1.
    sweep = [(p, m, 8192, 8192, True) for p in ("bf16", "fp8")
             for m in (1, 16, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384)]
    for p in ("bf16", "fp8"):
        for (n, k) in ((10240, 8192), (8192, 8192), (57344, 8192), (8192, 28672)):
            for m in (1, 8, 32, 64, 128, 256, 384, 512, 768, 1024, 2048, 4096, 8192):
                if (n, k) != (8192, 8192):
                    sweep.append((p, m, n, k, False))
    for (p, m, n, k, loop) in sweep:
        row = {"kernel": f"gemm-{p}-{m}x{n}x{k}", "kind": "gemm", "precision": p, "m": m, "n": n, "k": k,
               "flops": 2 * m * n * k}
        try:
            fn, keep = gemm_case(p, m, n, k)
            measure(row, fn, loop, samples)
            row["tflops"] = round(row["flops"] / (row["time_us"] * 1e-6) / 1e12, 2)
            if "loop_time_us" in row:
                row["loop_tflops"] = round(row["flops"] / (row["loop_time_us"] * 1e-6) / 1e12, 2)
            del fn, keep
        except Exception as ex:  # a shape or precision the library refuses: say so, go on
            row["error"] = repr(ex)[:200]
        rows.append(row)
        print(row, flush=True)

    keys = []
    for r in rows:
        for key in r:
            if key not in keys:
                keys.append(key)
    with open(os.path.join(OUT, "kernels.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=keys)
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(OUT, "samples.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(samples[0].keys()))
        w.writeheader()
        w.writerows(samples)
    print("kernel,time_us,tflops|tb_s,loop,power_w_energy,sm_mhz_mean,temp_c,reasons")
    for r in rows:
        print(r["kernel"], r.get("time_us"), r.get("tflops", r.get("tb_s")), r.get("loop_tflops", r.get("loop_tb_s")),
              r.get("power_w_energy"), r.get("sm_mhz_mean"), r.get("temp_c_mean"), r.get("event_reasons"),
              r.get("error", ""))




def transient(out):
    """How fast the board's power limiter acts: each GEMM loop starts after 4 s idle; every call's
    GPU time and the clock and instant power every ~2 ms. Then loops that alternate a compute-bound
    GEMM with a memory-bound one every 20 ms and every 2 ms; then each GEMM's rate in a burst of a few
    calls after 1.5 s idle (the boost clock, before the limiter acts)."""
    rows, samples, calls = [], [], []

    def series(label, fns, seconds):
        # fns: list of (name, fn, n_calls) run in turn; an event after each call.
        evs = []
        with Sampler(label, samples, 0.002):
            t_end = time.time() + seconds
            start = torch.cuda.Event(enable_timing=True)
            start.record()
            h0 = time.time()
            while time.time() < t_end:
                for name, fn, n in fns:
                    for _ in range(n):
                        fn()
                        e = torch.cuda.Event(enable_timing=True)
                        e.record()
                        evs.append((name, e))
                        if len(evs) > 20:  # at most 20 calls queued: the host's clock follows the GPU's
                            evs[-21][1].synchronize()
            torch.cuda.synchronize()
        prev = 0.0
        for name, e in evs:
            t = start.elapsed_time(e)
            calls.append({"series": label, "call": name, "t_end_ms": round(t, 4), "dur_us": round((t - prev) * 1e3, 2)})
            prev = t
        return h0

    big_bf16, _k1 = gemm_case("bf16", 8192, 8192, 8192)
    big_fp8, _k2 = gemm_case("fp8", 8192, 8192, 8192)
    gemv, _k3 = gemm_case("bf16", 16, 57344, 8192)
    for label, fns, secs in [("step-bf16-8192", [("bf16-8192", big_bf16, 1)], 2.5),
                             ("step-fp8-8192", [("fp8-8192", big_fp8, 1)], 2.5),
                             ("alt-20ms", [("bf16-8192", big_bf16, 13), ("gemv-16x57344", gemv, 90)], 3.0),
                             ("alt-2ms", [("bf16-8192", big_bf16, 1), ("gemv-16x57344", gemv, 9)], 3.0)]:
        time.sleep(4.0)
        series(label, fns, secs)
        print(label, "done", flush=True)

    for p in ("bf16", "fp8"):
        for m in (128, 256, 512, 1024, 2048, 4096, 8192, 16384):
            fn, keep = gemm_case(p, m, 8192, 8192)
            fn()
            torch.cuda.synchronize()
            time.sleep(1.5)
            clk0 = nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_SM)
            fn()
            s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            s.record()
            for _ in range(5):
                fn()
            e.record()
            e.synchronize()
            t = s.elapsed_time(e) / 1e3 / 5
            clk1 = nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_SM)
            row = {"kernel": f"burst-gemm-{p}-{m}x8192x8192", "precision": p, "m": m, "n": 8192, "k": 8192,
                   "time_us": round(t * 1e6, 3), "tflops": round(2 * m * 8192 * 8192 / t / 1e12, 2),
                   "sm_mhz_before": clk0, "sm_mhz_after": clk1}
            rows.append(row)
            print(row, flush=True)
            del fn, keep
    for name, data in (("bursts.csv", rows), ("calls.csv", calls), ("transient_samples.csv", samples)):
        with open(os.path.join(out, name), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
            w.writeheader()
            w.writerows(data)
    # A short summary: per series, the clock and power over time (every 100 ms).
    for label in ("step-bf16-8192", "step-fp8-8192", "alt-20ms", "alt-2ms"):
        ss = [x for x in samples if x["kernel"] == label]
        line = []
        for x in ss[::max(1, len(ss) // 25)]:
            line.append(f"{x['t_s']:.2f}:{x['sm_mhz']}/{(x['instant_mw'] or 0) // 1000}")
        print(label, " ".join(line))


def bursts(out):
    """Each GEMM as one replay of a CUDA graph of 5 calls (no host launch between them), 0.4 s after
    the last (each burst lasts at most ~50 ms, shorter than the 50-200 ms the limiter takes to act),
    the SM clock read before and after: N = K = 8192 over M, then a Llama-3-70B layer's shapes at TP 1."""
    shapes = [(p, m, 8192, 8192) for p in ("bf16", "fp8") for m in (128, 256, 512, 1024, 2048, 4096, 8192, 16384)]
    shapes += [(p, m, n, k) for p in ("bf16", "fp8") for (n, k) in ((10240, 8192), (57344, 8192), (8192, 28672))
               for m in (1, 8, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192)]
    rows = []
    time.sleep(3.0)
    for (p, m, n, k) in shapes:
        fn, keep = gemm_case(p, m, n, k)
        g = make_graph(fn, 5)
        torch.cuda.synchronize()
        time.sleep(0.4)
        clk0 = nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_SM)
        s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        s.record()
        g.replay()
        e.record()
        e.synchronize()
        t = s.elapsed_time(e) / 1e3 / 5
        clk1 = nv(pynvml.nvmlDeviceGetClockInfo, H, pynvml.NVML_CLOCK_SM)
        row = {"kernel": f"burst-gemm-{p}-{m}x{n}x{k}", "precision": p, "m": m, "n": n, "k": k,
               "time_us": round(t * 1e6, 3), "tflops": round(2 * m * n * k / t / 1e12, 2),
               "sm_mhz_before": clk0, "sm_mhz_after": clk1}
        rows.append(row)
        print(row["kernel"], row["time_us"], row["tflops"], clk0, clk1, flush=True)
        del g, fn, keep
    with open(os.path.join(out, "bursts_graph.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


def duty(out):
    """The same GEMM at several clocks: 8192^3 calls (bf16, or DUTY_PRECISION=fp8) each followed by a spin kernel (torch.cuda._sleep) of a
    set number of cycles, so that the share of time the GEMM runs, and with it the board's average power and the
    clock its limiter allows, vary; and the spin kernel alone at the top clock. Each for 2.5 s after 1.5 s, with
    the energy counter and the clock every 10 ms: the GEMM's time and power at each clock."""
    prec = os.environ.get("DUTY_PRECISION", "bf16")
    fn, keep = gemm_case(prec, 8192, 8192, 8192)
    rows, samples = [], []
    # Spins of 0.18-2.8 times the GEMM's time at the top clock (bf16 1.39 ms, FP8 0.76 ms).
    scale = 1.0 if prec == "bf16" else 0.55
    cycles_list = [0] + [int(c * scale) for c in (700000, 1400000, 2800000, 5600000, 11200000)]
    for cycles in cycles_list + [-1]:
        time.sleep(2.0)
        if cycles < 0:
            calls = lambda: torch.cuda._sleep(2000000)
            label = "spin-2000000"
        elif cycles == 0:
            calls = fn
            label = "gemm-only"
        else:
            def calls(c=cycles):
                fn()
                torch.cuda._sleep(c)
            label = f"gemm+spin-{cycles}"
        g = make_graph(calls, 5)
        with Sampler(label, samples):
            replay_for(g, 1.5)
            torch.cuda.synchronize()
            n0 = len(samples)
            s, e = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            e0, h0 = energy_mj(), time.time()
            s.record()
            k = replay_for(g, 2.5)
            e.record()
            e.synchronize()
            e1, h1 = energy_mj(), time.time()
            steady = samples[n0:]
        clk = [x["sm_mhz"] for x in steady if x["sm_mhz"]]
        f_mhz = sum(clk) / len(clk)
        per_pair_us = s.elapsed_time(e) * 1e3 / (k * 5)
        spin_us = (cycles if cycles > 0 else 0) / f_mhz if cycles >= 0 else 2000000 / f_mhz
        row = {"loop": label, "precision": prec, "spin_cycles": cycles, "pair_us": round(per_pair_us, 3), "sm_mhz": round(f_mhz),
               "sm_mhz_min": min(clk), "sm_mhz_max": max(clk),
               "gemm_us": round(per_pair_us - spin_us, 3) if cycles >= 0 else "",
               "power_w": round((e1 - e0) / 1e3 / (h1 - h0), 1)}
        rows.append(row)
        print(row, flush=True)
        del g
    for name, data in ((f"duty_{prec}.csv", rows), (f"duty_samples_{prec}.csv", samples)):
        with open(os.path.join(out, name), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
            w.writeheader()
            w.writerows(data)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--transient":
        transient(OUT)
    elif len(sys.argv) > 2 and sys.argv[2] == "--bursts":
        bursts(OUT)
    elif len(sys.argv) > 2 and sys.argv[2] == "--duty":
        duty(OUT)
    else:
        main()
