// The cost of one `scoville` process: scripts start one per point (`scoville eval ... --format
// json` in a loop), so the time from spawn to exit matters as much as the evaluation itself.
// Wall time of posix_spawn + wait (real time: this process only waits); the child's own CPU time
// (user + system, from wait4) as the counter child_cpu_ms. Stdout goes to /dev/null.
// SCOVILLE_BENCH_BINARY=PATH measures another build of scoville (an installed one, an older one).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace {

double seconds(const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

const char* binary() {
    const char* path = std::getenv("SCOVILLE_BENCH_BINARY");
    return path && *path ? path : SCOVILLE_BINARY;
}

// Runs scoville with `args` (argv[0] first); the exit status, or -1 if it did not start or exit.
int spawnAndWait(const std::vector<std::string>& args, rusage& usage) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, binary(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (wait4(pid, &status, 0, &usage) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void BM_Process(benchmark::State& state, const std::vector<std::string>& args) {
    double childCpu = 0;
    for (auto _ : state) {
        rusage usage{};
        if (spawnAndWait(args, usage) != 0) {
            state.SkipWithError("scoville did not exit 0");
            break;
        }
        childCpu += seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    if (state.iterations() > 0)
        state.counters["child_cpu_ms"] = childCpu * 1e3 / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK_CAPTURE(BM_Process, version, std::vector<std::string>{"scoville", "--version"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Process, eval_json,
                  std::vector<std::string>{"scoville", "eval", "--chip", "h100-sxm", "--model",
                                           "llama-3.1-70b", "--chips", "8", "--format", "json"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
