#!/usr/bin/env bash
# make test-cluster: a sharded sweep on a throwaway single-node Slurm, checked against the
# unsharded sweep. Brings up MUNGE (the system's munged if it answers, else one of its own),
# slurmctld and slurmd from Debian's packages with everything (config, state, spool, logs, sockets)
# in a temporary folder, submits tests/cluster/sweep-array.sh as a job array, merges the parts with
# `scoville sweep merge` and compares the result and the Pareto front with `cmp`. Always stops its
# daemons and removes its folder; at start it clears what a killed earlier run left behind.
# Needs root (the daemons run as root) and packaging/install-deps.sh --cluster.
#   SCOVILLE=PATH       the binary (default: build/dev/app/scoville in the repository)
#   SHARDS=N            array tasks / shards (default: 4)
#   CLUSTER_TIMEOUT=S   limit for the bring-up and for the job array, each (default: 60)
#   CLUSTER_KEEP=1      keep the temporary folder (config, logs, CSV files)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$repo/tests/cluster
shards=${SHARDS:-4}
limit=${CLUSTER_TIMEOUT:-60}
tmpbase=${TMPDIR:-/tmp}

say() { printf 'test-cluster: %s\n' "$*"; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
secs() { local ms=$(($(now_ms) - $1)); printf '%d.%02d s' $((ms / 1000)) $((ms % 1000 / 10)); }
t_start=$(now_ms)

tmp=
jobid=
fail() {
  say "FAIL: $*" >&2
  if [[ -n $tmp && -d $tmp ]]; then
    local f
    for f in "$tmp"/log/* "$tmp"/jobs/*.out; do
      [[ -s $f ]] || continue
      [[ $f == *.stderr && -s ${f%.stderr}.log ]] && continue   # the same lines, without times
      echo "---- ${f#"$tmp"/} (last 20 lines)" >&2
      tail -n 20 "$f" >&2
    done
  fi
  exit 1
}

# The processes that carry run $1's marker (SLURM_CONF=$1/slurm.conf in their environment): its
# daemons, slurmstepd and the jobs' processes; never this shell, never a zombie.
marked() {
  local marker="SLURM_CONF=$1/slurm.conf" p e st env
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [[ $p == "$$" || $p == "$BASHPID" ]] && continue
    read -r st 2>/dev/null <"/proc/$p/stat" || continue
    st=${st##*) }
    [[ ${st%% *} == Z ]] && continue
    mapfile -d '' -t env 2>/dev/null <"/proc/$p/environ" || continue
    for e in "${env[@]}"; do [[ $e == "$marker" ]] && { echo "$p"; break; }; done
  done
}

# Ends run $1's processes: SIGTERM, and SIGKILL after 2 s (slurmstepd ignores SIGTERM). Looks
# again each round, since slurmd may start a job step while it is being stopped.
stop_run() {
  local i pids sig=TERM
  for ((i = 0; i < 100; i++)); do
    pids=$(marked "$1")
    [[ -z $pids ]] && return 0
    ((i >= 20)) && sig=KILL
    # shellcheck disable=SC2086
    kill -$sig $pids 2>/dev/null || true
    sleep 0.1
  done
  say "warning: could not stop every process of $1: $(marked "$1" | tr '\n' ' ')" >&2
}

cleanup() {
  local rc=$?
  trap - EXIT
  trap "" INT TERM HUP   # let the clean-up finish; a killed run is cleared by the next one
  set +e
  if [[ -n $tmp && -d $tmp ]]; then
    [[ -n $jobid ]] && scancel --quiet "$jobid" 2>/dev/null
    stop_run "$tmp"
    if [[ ${CLUSTER_KEEP:-0} == 1 ]]; then
      say "kept $tmp"
    else
      rm -rf "$tmp"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'say "interrupted" >&2; exit 130' INT
trap 'say "terminated" >&2; exit 143' TERM
trap 'say "hung up" >&2; exit 129' HUP

# ---- preconditions -------------------------------------------------------------------------
[[ $(id -u) -eq 0 ]] || fail "needs root: slurmctld and slurmd run as root here (make test-cluster as root)"
for c in munged munge unmunge slurmctld slurmd sbatch squeue sinfo scontrol scancel cmp; do
  command -v "$c" >/dev/null || fail "$c not found; run packaging/install-deps.sh --cluster"
done
scoville=${SCOVILLE:-$repo/build/dev/app/scoville}
[[ -x $scoville ]] || fail "no scoville binary at $scoville (make build, or set SCOVILLE)"
scoville=$(realpath "$scoville")
"$scoville" sweep --help >/dev/null 2>&1 || fail "$scoville has no working 'sweep' sub-command"
[[ $shards =~ ^[1-9][0-9]*$ ]] || fail "SHARDS must be a positive integer, not '$shards'"

# Nothing from a surrounding Slurm job or the user's Slurm settings leaks into this cluster.
while read -r v; do
  case $v in SLURM_* | SBATCH_* | SQUEUE_* | SINFO_* | SCONTROL_* | SALLOC_* | SRUN_*) unset "$v" ;; esac
done < <(compgen -e)

# ---- what a killed earlier run left behind ----------------------------------------------------
for old in "$tmpbase"/scoville-cluster.*; do
  [[ -d $old ]] || continue
  owner=$(cat "$old/owner" 2>/dev/null || true)
  if [[ -n $owner ]] && kill -0 "$owner" 2>/dev/null &&
     tr '\0' ' ' <"/proc/$owner/cmdline" 2>/dev/null | grep -q 'tests/cluster/run.sh'; then
    say "leaving $old alone: run $owner is still going"
    continue
  fi
  t0=$(now_ms)
  stop_run "$old"
  rm -rf "$old"
  say "cleared a killed run's leftovers, $old: $(secs "$t0")"
done

tmp=$(mktemp -d "$tmpbase/scoville-cluster.XXXXXX")
chmod 755 "$tmp"   # munged wants every folder above its socket open to all
echo $$ >"$tmp/owner"
mkdir -p "$tmp"/{state,spool,log,jobs,parts,ref}
export SLURM_CONF=$tmp/slurm.conf   # the marker stop_run looks for; inherited by all we start

# ---- MUNGE -----------------------------------------------------------------------------------
t0=$(now_ms)
authinfo=
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munge: the system's munged"
else
  mkdir -m 755 "$tmp/munge"
  dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
  chmod 600 "$tmp/munge/munge.key"
  sock=$tmp/munge/munge.socket
  munged --foreground --socket="$sock" --key-file="$tmp/munge/munge.key" \
         --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/munged.seed" \
         2>"$tmp/log/munged.log" &
  for ((i = 0; ; i++)); do
    munge -n -S "$sock" 2>/dev/null | unmunge -S "$sock" >/dev/null 2>&1 && break
    ((i < 100)) || fail "munged did not answer on $sock within 10 s"
    kill -0 $! 2>/dev/null || fail "munged exited"
    sleep 0.1
  done
  authinfo="AuthInfo=socket=$sock"
  say "munge: own munged on $sock"
fi

# ---- Slurm -----------------------------------------------------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free_port() { local p=$1; until port_free "$p"; do ((p++)); ((p < $1 + 200)) || return 1; done; echo "$p"; }
ctld_port=$(next_free_port 6817) || fail "no free port from 6817"
slurmd_port=$(next_free_port $((ctld_port + 1))) || fail "no free port from $((ctld_port + 1))"

# This machine as slurmd sees it (name = short host name, CPUs, memory): the one node.
nodeline=$(slurmd -C | grep '^NodeName=') || fail "slurmd -C printed no NodeName line"
node=${nodeline#NodeName=}
node=${node%% *}

cat >"$SLURM_CONF" <<EOF
ClusterName=scoville-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
$authinfo
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MailProg=/bin/true
KillWait=5
$nodeline NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -f "$SLURM_CONF" >"$tmp/log/slurmctld.stderr" 2>&1 &
ctld_pid=$!
slurmd -D -f "$SLURM_CONF" >"$tmp/log/slurmd.stderr" 2>&1 &
slurmd_pid=$!

for ((i = 0; ; i++)); do
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null || true)
  [[ $state == idle ]] && break
  kill -0 $ctld_pid 2>/dev/null || fail "slurmctld exited (see log/slurmctld.log)"
  kill -0 $slurmd_pid 2>/dev/null || fail "slurmd exited (see log/slurmd.log)"
  case $state in drain* | down* | fail* | inval*)
    fail "node $node is $state: $(sinfo -h -R -o '%E' 2>/dev/null)" ;;
  esac
  ((i < limit * 10)) || fail "node $node not idle after ${limit} s (state: '${state:-no answer}')"
  sleep 0.1
done
say "slurm up, node $node idle (ports $ctld_port/$slurmd_port): $(secs "$t0")"

# ---- the job array ---------------------------------------------------------------------------
t0=$(now_ms)
jobid=$(SCOVILLE=$scoville SWEEP_DIR=$tmp/parts \
        sbatch --parsable --array="0-$((shards - 1))" --chdir="$tmp/parts" \
               --output="$tmp/jobs/%A_%a.out" "$here/sweep-array.sh") ||
  fail "sbatch refused the job array"
jobid=${jobid%%;*}
for ((i = 0; ; i++)); do
  [[ -z $(squeue -h -j "$jobid" -o %i 2>/dev/null) ]] && break
  if ((i >= limit * 10)); then
    squeue -j "$jobid" >&2 || true
    fail "job array $jobid not finished after ${limit} s"
  fi
  sleep 0.1
done
# Each array task's final state and exit code (kept by slurmctld for MinJobAge, 300 s).
bad=$(scontrol -o show job "$jobid" | grep -v 'JobState=COMPLETED .*ExitCode=0:0' || true)
[[ -z $bad ]] || fail "array tasks did not all complete: $(grep -o 'ArrayTaskId=[0-9]* JobState=[A-Z_]*' <<<"$bad" | tr '\n' ' ')"
[[ $(scontrol -o show job "$jobid" | grep -c 'JobState=COMPLETED') -eq $shards ]] ||
  fail "expected $shards completed array tasks"
say "job array $jobid, $shards tasks: $(secs "$t0")"

# ---- the unsharded run, merge, compare -------------------------------------------------------
t0=$(now_ms)
SCOVILLE=$scoville SWEEP_DIR=$tmp/ref bash "$here/sweep-array.sh" || fail "the unsharded sweep failed"
[[ -s $tmp/ref/sweep.csv && -s $tmp/ref/front.csv ]] || fail "the unsharded sweep wrote no sweep.csv or front.csv"
points=$(($(wc -l <"$tmp/ref/sweep.csv") - 1))
((points > 0)) || fail "the unsharded sweep has no rows"
say "unsharded sweep, $points points: $(secs "$t0")"

t0=$(now_ms)
parts=()
for ((i = 0; i < shards; i++)); do parts+=("$tmp/parts/part_$i.csv"); done
# merge finds a missing shard itself: every row carries the grid's size
"$scoville" sweep merge "${parts[@]}" \
    --out "$tmp/parts/sweep.csv" --front "$tmp/parts/front.csv" || fail "scoville sweep merge failed"
say "merge: $(secs "$t0")"

for f in sweep.csv front.csv; do
  if ! cmp "$tmp/parts/$f" "$tmp/ref/$f"; then
    diff -u "$tmp/ref/$f" "$tmp/parts/$f" | head -n 40 >&2 || true
    fail "merged $f differs from the unsharded one (diff above: - unsharded, + merged)"
  fi
done
say "OK: merged sweep and front ($points and $(($(wc -l <"$tmp/ref/front.csv") - 1)) rows) identical to the unsharded run; total $(secs "$t_start")"
