// The public validation set (tests/data/validation-public.csv), built in so `scoville validate`
// runs anywhere. tests/core/test_validation.cpp checks it matches the file.
#include "core/perf/validation.hpp"

namespace scoville {

std::string_view builtin_validation_csv() {
    return R"SCVCSV(# Measured results on real hardware, for checking the analytical model. Public: tune and test against these.
# Throughput is generated (output) tokens per second for the whole system; per_chip = value / chips.
# MLPerf Llama2-70B uses OpenOrca: mean input ~300 tokens, mean output ~285 tokens (approximate), inputs <= 1024.
# Lengths corrected from the data (the rest as in ../shared/data/validation-public.csv):
#  Llama2-70B: input 222 = mean tok_input_length of the 24,576 MLPerf OpenOrca samples (open_orca_gpt4_tokenized_llama.sampled_24576.pkl);
#   output 291 = tokens per sample Llama-2-70B generates in MLPerf (v4.1 H200 offline log: 31302.7 tokens/s / 107.477 samples/s).
#   Spread (shape in_cv/out_cv = std / mean): 171.5 / 222.3 = 0.77 for the inputs; 172.3 / 218.9 = 0.79 for the
#   dataset's reference outputs, taken as the spread of the generated ones.
#  Mixtral-8x7B: input 427, output 145 = means over the 15,000 samples of 09292024_mixtral_15k_mintoken2_v1.pkl
#   (427.4 and 144.8; the MLPerf reference gives 144.84 tokens per sample, the v4.1 H200 log 145.9);
#   spread 328.6 / 427.4 = 0.77 and 112.7 / 144.8 = 0.78.
# MLPerf Server adds SLOs: Llama2-70B p99 TTFT <= 2 s and TPOT <= 200 ms. Offline has no latency bound.
# role: fit = the row set an efficiency of its chip (left out of headline figures); check = it tests the model.
# kind: serving = end-to-end throughput; gemm = one matrix product (M N K in shape); copy = memory bandwidth (bytes read+written / time).
# A serving row's shape says how it was measured (space-separated key=value): tp, dp (attention data-parallel ranks), ep, pp;
#  in_cv / out_cv (spread of the lengths); max_batch and max_tokens (the engine's requests in flight and tokens per step);
#  kv = reserve | on_demand (how the engine holds the KV cache). What a row leaves open, the model chooses.
#  requests = the run's length, requests issued at once and served to the last (offline rows): MLPerf LoadGen issues
#   offline_expected_qps x the 600 s minimum duration x 1.1 samples, taken here as 1.1 x 600 s x the measured samples/s;
#   TensorRT-LLM perf-overview rows use the document's $num_requests for their lengths. Server rows are a steady stream.
# MLPerf rows carry the submitters' engine settings (closed/NVIDIA/configs/<benchmark>/{Offline,Server}/__init__.py: tensor_parallelism,
#  gpu_batch_size, max_num_tokens; the TensorRT-LLM harness's MAX_UTILIZATION scheduler pages the KV cache on demand;
#  AMD's vLLM settings: max_num_seqs, max_num_batched_tokens). Offline and server rows of each system are both here.
case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,role,source
mlperf41-h100-l70-off,serving,h100-sxm,8,llama-2-70b,fp8,offline,222,291,tp=2 dp=1 pp=1 max_batch=896 max_tokens=4096 kv=on_demand in_cv=0.77 out_cv=0.79 requests=55624,tokens_per_s,24525,3066,check,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h100-l70-srv,serving,h100-sxm,8,llama-2-70b,fp8,server,222,291,tp=2 dp=1 pp=1 max_batch=1024 max_tokens=4096 kv=on_demand in_cv=0.77 out_cv=0.79,tokens_per_s,21606,2701,check,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h200-l70-off,serving,h200-sxm,8,llama-2-70b,fp8,offline,222,291,tp=1 dp=1 pp=1 max_batch=806 max_tokens=4096 kv=on_demand in_cv=0.77 out_cv=0.79 requests=70996,tokens_per_s,31303,3913,check,MLPerf Inference v4.1 closed NVIDIA H200-SXM-141GB x8 TensorRT
mlperf41-h200-l70-srv,serving,h200-sxm,8,llama-2-70b,fp8,server,222,291,tp=1 dp=1 pp=1 max_batch=896 max_tokens=4096 kv=on_demand in_cv=0.77 out_cv=0.79,tokens_per_s,29228.22,3654,check,MLPerf Inference v4.1 closed NVIDIA H200-SXM-141GB x8 TensorRT (results/H200-SXM-141GBx8_TRT/llama2-70b-99/Server mlperf_log_summary.txt)
mlperf51-b200-l70-off,serving,b200,8,llama-2-70b,fp4,offline,222,291,tp=1 dp=1 pp=1 max_batch=2048 max_tokens=3584 kv=on_demand in_cv=0.77 out_cv=0.79 requests=230267,tokens_per_s,101527,12691,check,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-b200-l70-srv,serving,b200,8,llama-2-70b,fp4,server,222,291,tp=1 dp=1 pp=1 max_batch=2048 max_tokens=3584 kv=on_demand in_cv=0.77 out_cv=0.79,tokens_per_s,99123,12390,check,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-mi300x-l70-off,serving,mi300x,8,llama-2-70b,fp8,offline,222,291,tp=1 dp=1 pp=1 max_batch=1792 max_tokens=40960 kv=on_demand in_cv=0.77 out_cv=0.79 requests=63061,tokens_per_s,27804,3476,check,MLPerf Inference v5.1 closed AMD 8xMI300X
mlperf51-mi300x-l70-srv,serving,mi300x,8,llama-2-70b,fp8,server,222,291,tp=1 dp=1 pp=1 max_batch=650 max_tokens=40960 kv=on_demand in_cv=0.77 out_cv=0.79,tokens_per_s,24593.77,3074,check,MLPerf Inference v5.1 closed AMD 8xMI300X (results/8xMI300X_2xEPYC_9575F/llama2-70b-99/Server mlperf_log_summary.txt)
mlperf41-h100-mixtral-off,serving,h100-sxm,8,mixtral-8x7b,fp8,offline,427,145,tp=1 dp=1 pp=1 ep=1 max_batch=896 max_tokens=8192 kv=on_demand in_cv=0.77 out_cv=0.78 requests=238583,tokens_per_s,52416,6552,check,MLPerf Inference v4.1 closed NVIDIA H100 x8
mlperf41-h100-mixtral-srv,serving,h100-sxm,8,mixtral-8x7b,fp8,server,427,145,tp=1 dp=1 pp=1 ep=1 max_batch=896 max_tokens=16384 kv=on_demand in_cv=0.77 out_cv=0.78,tokens_per_s,50795.57,6349,check,MLPerf Inference v4.1 closed NVIDIA H100 x8 TensorRT (results/DGX-H100_H100-SXM-80GBx8_TRT/mixtral-8x7b/Server mlperf_log_summary.txt)
trtllm-h200-l33-70b-tp1,serving,h200-sxm,1,llama-3.1-70b,fp8,offline,1000,1000,tp=1 max_batch=4096 max_tokens=32768 host_us=9 requests=3000,tokens_per_s,2909,2909,check,TensorRT-LLM perf-overview (trtllm-bench max throughput; Llama-3.3-70B has the Llama-3.1-70B architecture)
mamf-h100-bf16,gemm,h100-sxm,1,,bf16,,,,8192x8192x8192,tflops,792,792,fit,ml-engineering MAMF table (best achievable bf16 matmul)
azure-h100-fp8-gemm,gemm,h100-sxm,1,,fp8,,,,8192x8192x8192,tflops,1290,1290,fit,Azure AI-benchmarking-guide ND_H100_v5 (cuBLASLt)
azure-h100-copy,copy,h100-sxm,1,,,,,,,tb_s,2.90,2.90,fit,Azure AI-benchmarking-guide ND_H100_v5 (HBM copy)
azure-h200-triad,copy,h200-sxm,1,,,,,,,tb_s,4.15,4.15,fit,Azure AI-benchmarking-guide ND_H200_v5 (HBM triad)
azure-mi300x-copy,copy,mi300x,1,,,,,,,tb_s,4.11,4.11,fit,Azure AI-benchmarking-guide ND_MI300X_v5 (HBM copy)
)SCVCSV";
}

}  // namespace scoville
