#!/bin/bash
#SBATCH --job-name=scoville-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --output=sweep_%A_%a.log
# A design-space sweep split over a Slurm job array: task I of N evaluates shard I/N of the grid
# (a contiguous slice) into part_I.csv. The array must be 0-(N-1); after it finishes,
#   scoville sweep merge part_{0..3}.csv --out sweep.csv --front front.csv
# gives the same files as one unsharded run. Run outside Slurm, the script does that unsharded run.
#   SCOVILLE    the scoville binary (default: scoville on PATH)
#   SWEEP_DIR   where the CSV files go (default: the working directory)
set -euo pipefail
scoville=${SCOVILLE:-scoville}
dir=${SWEEP_DIR:-.}

sweep=(--chip h100-sxm --model llama-2-70b --chips 8 --tp 8 --batch 64
       --vary compute.clock_ghz=1.2:2.0:5 --vary hbm.stacks=4:6:3 --vary sram.mb=25:100:4
       --objective throughput_tokens_per_s_per_chip --objective tco_usd_per_chip_hour
       --objective cost_per_million_tokens_usd --constraint 'die_area_mm2<=858')

if [[ -n ${SLURM_ARRAY_TASK_ID:-} ]]; then
  i=$SLURM_ARRAY_TASK_ID n=$SLURM_ARRAY_TASK_COUNT
  exec "$scoville" sweep "${sweep[@]}" --threads "${SLURM_CPUS_PER_TASK:-1}" \
       --shard "$i/$n" --out "$dir/part_$i.csv"
else
  exec "$scoville" sweep "${sweep[@]}" --out "$dir/sweep.csv" --front "$dir/front.csv"
fi
