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
# kind: serving = end-to-end throughput; gemm = one matrix product (M N K in shape); copy = memory bandwidth (bytes read+written / time).
# A serving row's shape may say how it was measured: tp=N (fixed parallelism), ep=M, in_cv / out_cv (spread of the lengths).
case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,source
mlperf41-h100-l70-off,serving,h100-sxm,8,llama-2-70b,fp8,offline,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,24525,3066,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h100-l70-srv,serving,h100-sxm,8,llama-2-70b,fp8,server,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,21606,2701,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h200-l70-off,serving,h200-sxm,8,llama-2-70b,fp8,offline,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,31303,3913,MLPerf Inference v4.1 closed NVIDIA H200-SXM-141GB x8 TensorRT
mlperf51-b200-l70-off,serving,b200,8,llama-2-70b,fp4,offline,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,101527,12691,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-b200-l70-srv,serving,b200,8,llama-2-70b,fp4,server,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,99123,12390,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-mi300x-l70-off,serving,mi300x,8,llama-2-70b,fp8,offline,222,291,in_cv=0.77 out_cv=0.79,tokens_per_s,27804,3476,MLPerf Inference v5.1 closed AMD 8xMI300X
mlperf41-h100-mixtral-off,serving,h100-sxm,8,mixtral-8x7b,fp8,offline,427,145,in_cv=0.77 out_cv=0.78,tokens_per_s,52416,6552,MLPerf Inference v4.1 closed NVIDIA H100 x8
trtllm-h200-l33-70b-tp1,serving,h200-sxm,1,llama-3.1-70b,fp8,offline,1000,1000,,tokens_per_s,2909,2909,TensorRT-LLM perf-overview (trtllm-bench max throughput; Llama-3.3-70B has the Llama-3.1-70B architecture)
mamf-h100-bf16,gemm,h100-sxm,1,,bf16,,,,8192x8192x8192,tflops,792,792,ml-engineering MAMF table (best achievable bf16 matmul)
azure-h100-fp8-gemm,gemm,h100-sxm,1,,fp8,,,,8192x8192x8192,tflops,1290,1290,Azure AI-benchmarking-guide ND_H100_v5 (cuBLASLt)
azure-h100-copy,copy,h100-sxm,1,,,,,,,tb_s,2.90,2.90,Azure AI-benchmarking-guide ND_H100_v5 (HBM copy)
azure-h200-triad,copy,h200-sxm,1,,,,,,,tb_s,4.15,4.15,Azure AI-benchmarking-guide ND_H200_v5 (HBM triad)
azure-mi300x-copy,copy,mi300x,1,,,,,,,tb_s,4.11,4.11,Azure AI-benchmarking-guide ND_MI300X_v5 (HBM copy)
)SCVCSV";
}

}  // namespace scoville
