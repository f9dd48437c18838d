// The public validation set (tests/data/validation-public.csv), built in so `scoville validate`
// runs anywhere. tests/core/test_validation.cpp checks it matches the file.
#include "core/perf/validation.hpp"

namespace scoville {

std::string_view builtin_validation_csv() {
    return R"SCVCSV(# Measured results on real hardware, for checking the analytical model. Public: tune and test against these.
# Throughput is generated (output) tokens per second for the whole system; per_chip = value / chips.
# MLPerf Llama2-70B uses OpenOrca: mean input ~300 tokens, mean output ~285 tokens (approximate), inputs <= 1024.
# MLPerf Server adds SLOs: Llama2-70B p99 TTFT <= 2 s and TPOT <= 200 ms. Offline has no latency bound.
# kind: serving = end-to-end throughput; gemm = one matrix product (M N K in shape); copy = memory bandwidth (bytes read+written / time).
case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,source
mlperf41-h100-l70-off,serving,h100-sxm,8,llama-2-70b,fp8,offline,300,285,,tokens_per_s,24525,3066,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h100-l70-srv,serving,h100-sxm,8,llama-2-70b,fp8,server,300,285,,tokens_per_s,21606,2701,MLPerf Inference v4.1 closed NVIDIA DGX-H100 x8 TensorRT
mlperf41-h200-l70-off,serving,h200-sxm,8,llama-2-70b,fp8,offline,300,285,,tokens_per_s,31303,3913,MLPerf Inference v4.1 closed NVIDIA H200-SXM-141GB x8 TensorRT
mlperf51-b200-l70-off,serving,b200,8,llama-2-70b,fp4,offline,300,285,,tokens_per_s,101527,12691,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-b200-l70-srv,serving,b200,8,llama-2-70b,fp4,server,300,285,,tokens_per_s,99123,12390,MLPerf Inference v5.1 closed NVIDIA B200 x8
mlperf51-mi300x-l70-off,serving,mi300x,8,llama-2-70b,fp8,offline,300,285,,tokens_per_s,27804,3476,MLPerf Inference v5.1 closed AMD 8xMI300X
mlperf41-h100-mixtral-off,serving,h100-sxm,8,mixtral-8x7b,fp8,offline,300,285,,tokens_per_s,52416,6552,MLPerf Inference v4.1 closed NVIDIA H100 x8 (Mixtral dataset lengths approximate)
trtllm-h200-l33-70b-tp1,serving,h200-sxm,1,llama-3.1-70b,fp8,offline,1000,1000,,tokens_per_s,2909,2909,TensorRT-LLM perf-overview (trtllm-bench max throughput; Llama-3.3-70B has the Llama-3.1-70B architecture)
mamf-h100-bf16,gemm,h100-sxm,1,,bf16,,,,8192x8192x8192,tflops,792,792,ml-engineering MAMF table (best achievable bf16 matmul)
azure-h100-fp8-gemm,gemm,h100-sxm,1,,fp8,,,,8192x8192x8192,tflops,1290,1290,Azure AI-benchmarking-guide ND_H100_v5 (cuBLASLt)
azure-h100-copy,copy,h100-sxm,1,,,,,,,tb_s,2.90,2.90,Azure AI-benchmarking-guide ND_H100_v5 (HBM copy)
azure-h200-triad,copy,h200-sxm,1,,,,,,,tb_s,4.15,4.15,Azure AI-benchmarking-guide ND_H200_v5 (HBM triad)
azure-mi300x-copy,copy,mi300x,1,,,,,,,tb_s,4.11,4.11,Azure AI-benchmarking-guide ND_MI300X_v5 (HBM copy)
)SCVCSV";
}

}  // namespace scoville
