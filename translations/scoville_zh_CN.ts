<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Breakdown</name>
    <message>
        <source>matrix units</source>
        <translation>矩阵单元</translation>
    </message>
    <message>
        <source>vector units</source>
        <translation>向量单元</translation>
    </message>
    <message>
        <source>core-local SRAM</source>
        <translation>核心本地 SRAM</translation>
    </message>
    <message>
        <source>core control</source>
        <translation>核心控制</translation>
    </message>
    <message>
        <source>SRAM</source>
        <translation>SRAM</translation>
    </message>
    <message>
        <source>link SerDes</source>
        <translation>链路 SerDes</translation>
    </message>
    <message>
        <source>die-to-die PHY</source>
        <translation>裸片间 PHY</translation>
    </message>
    <message>
        <source>NoC</source>
        <translation>片上网络</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>silicon</source>
        <translation>硅片</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>packaging</source>
        <translation>封装</translation>
    </message>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>NRE</source>
        <translation>NRE</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>data centre</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <source>power</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>SRAM + wires</source>
        <translation>SRAM + 连线</translation>
    </message>
    <message>
        <source>links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>die-to-die</source>
        <translation>裸片间互连</translation>
    </message>
    <message>
        <source>static</source>
        <translation>静态</translation>
    </message>
    <message>
        <source>I/O die base</source>
        <translation>I/O 裸片基底</translation>
    </message>
    <message>
        <source>memory PHY</source>
        <translation>存储器 PHY</translation>
    </message>
    <message>
        <source>memory controller</source>
        <translation>存储器控制器</translation>
    </message>
    <message>
        <source>DRAM</source>
        <translation>DRAM</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>parameter &apos;%1&apos;: value must be a finite number</source>
        <translation>参数“%1”：值必须是有限数</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos;: %2 is out of range [%3, %4]</source>
        <translation>参数“%1”：%2 超出范围 [%3, %4]</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos;: %2 is out of range [%3, %4] %5</source>
        <translation>参数“%1”：%2 超出范围 [%3, %4] %5</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos;: %2 must be a whole number</source>
        <translation>参数“%1”：%2 必须是整数</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos;: &apos;%2&apos; is not one of %3</source>
        <translation>参数“%1”：“%2”不是以下之一：%3</translation>
    </message>
    <message>
        <source>parameter &apos;%1&apos;: &apos;%2&apos; is not a number</source>
        <translation>参数“%1”：“%2”不是数字</translation>
    </message>
    <message>
        <source>chip &apos;%1&apos;: no precision has a non-zero compute rate (compute.rate_*)</source>
        <translation>芯片“%1”：没有任何精度的计算速率非零（compute.rate_*）</translation>
    </message>
    <message>
        <source>chip &apos;%1&apos;: no memory bandwidth (hbm.tb_s_per_stack x hbm.stacks and sram.tb_s are 0)</source>
        <translation>芯片“%1”：没有内存带宽（hbm.tb_s_per_stack x hbm.stacks 与 sram.tb_s 均为 0）</translation>
    </message>
    <message>
        <source>chip &apos;%1&apos;: no memory capacity (hbm.gb_per_stack x hbm.stacks and sram.mb are 0)</source>
        <translation>芯片“%1”：没有内存容量（hbm.gb_per_stack x hbm.stacks 与 sram.mb 均为 0）</translation>
    </message>
    <message>
        <source>sensitivity: step %1 must be in (0, 1)</source>
        <translation>敏感度：步长 %1 必须在 (0, 1) 之内</translation>
    </message>
    <message>
        <source>sensitivity: %1</source>
        <translation>敏感度：%1</translation>
    </message>
    <message>
        <source>sensitivity: %1 does not apply to this design</source>
        <translation>敏感度：%1 不适用于此设计</translation>
    </message>
    <message>
        <source>seek: the target must be a finite number</source>
        <translation>目标搜索：目标值必须是有限数</translation>
    </message>
    <message>
        <source>seek: %1</source>
        <translation>目标搜索：%1</translation>
    </message>
    <message>
        <source>seek: %1 does not apply to this design</source>
        <translation>目标搜索：%1 不适用于此设计</translation>
    </message>
    <message>
        <source>seek: the range %1:%2 of %3 is empty</source>
        <translation>目标搜索：%3 的范围 %1:%2 为空</translation>
    </message>
    <message>
        <source>seek: the range %1:%2 of %3 leaves the key&apos;s valid range [%4, %5]</source>
        <translation>目标搜索：%3 的范围 %1:%2 超出了该键的有效范围 [%4, %5]</translation>
    </message>
    <message>
        <source>seek: %1 has no range to search</source>
        <translation>目标搜索：%1 没有可搜索的范围</translation>
    </message>
    <message>
        <source>seek: %1 = %2 is unreachable within %3 in [%4, %5]: it ranges from %6 to %7 there (%8 values scanned); widen the range or vary another key</source>
        <translation>目标搜索：在 %3 ∈ [%4, %5] 内无法达到 %1 = %2：该范围内它在 %6 到 %7 之间（扫描了 %8 个值）；请扩大范围或改变其他键</translation>
    </message>
    <message>
        <source>scenario: %1 = %2 is out of range [%3, %4]</source>
        <translation>场景：%1 = %2 超出范围 [%3, %4]</translation>
    </message>
    <message>
        <source>scenario: %1 = %2 is out of range [0, 10] (standard deviation / mean of the length)</source>
        <translation>场景：%1 = %2 超出范围 [0, 10]（长度的标准差 / 均值）</translation>
    </message>
    <message>
        <source>scenario: tp = %1 exceeds the %2 attention heads of &apos;%3&apos; (a chip would hold less than one head)</source>
        <translation>场景：tp = %1 超过“%3”的 %2 个注意力头（每个芯片将分不到一个头）</translation>
    </message>
    <message>
        <source>scenario: chips (%1) must be a multiple of tp x attention_dp x pp (%2)</source>
        <translation>场景：chips（%1）必须是 tp x attention_dp x pp（%2）的整数倍</translation>
    </message>
    <message>
        <source>scenario: ep = %1 needs a mixture-of-experts model (&apos;%2&apos; is dense)</source>
        <translation>场景：ep = %1 需要混合专家模型（“%2”是稠密模型）</translation>
    </message>
    <message>
        <source>scenario: ep (%1) exceeds the model&apos;s experts (%2)</source>
        <translation>场景：ep（%1）超过模型的专家数（%2）</translation>
    </message>
    <message>
        <source>scenario: ep (%1) must divide tp x attention_dp (%2), the chips of a pipeline stage</source>
        <translation>场景：ep（%1）必须整除 tp x attention_dp（%2），即一个流水线级的芯片数</translation>
    </message>
    <message>
        <source>scenario: ep (%1) must divide chips (%2)</source>
        <translation>场景：ep（%1）必须整除 chips（%2）</translation>
    </message>
    <message>
        <source>scenario: %1 = %2 is out of range [%3, %4] (%5)</source>
        <translation>场景：%1 = %2 超出范围 [%3, %4]（%5）</translation>
    </message>
    <message>
        <source>probability that a drafted token is accepted</source>
        <translation>草稿词元被接受的概率</translation>
    </message>
    <message>
        <source>scenario: spec_tokens = %1 needs spec_accept &gt; 0 (the probability that a drafted token is accepted)</source>
        <translation>场景：spec_tokens = %1 需要 spec_accept &gt; 0（草稿词元被接受的概率）</translation>
    </message>
    <message>
        <source>scenario: draft_model &apos;%1&apos; needs spec_tokens &gt; 0</source>
        <translation>场景：draft_model“%1”需要 spec_tokens &gt; 0</translation>
    </message>
    <message>
        <source>bytes per routed token and hidden element outside the expert GEMMs; 0 = by precision</source>
        <translation>专家 GEMM 之外每个路由词元、每个隐藏维元素的字节数；0 = 按精度</translation>
    </message>
    <message>
        <source>fraction of collective time hidden</source>
        <translation>被隐藏的集合通信时间比例</translation>
    </message>
    <message>
        <source>engine host time per request and step</source>
        <translation>每个请求每步的引擎主机时间</translation>
    </message>
    <message>
        <source>scenario: prefill_chips = -1 (the best split) needs decode_chips = -1</source>
        <translation>场景：prefill_chips = -1（最优划分）需要 decode_chips = -1</translation>
    </message>
    <message>
        <source>scenario: a disaggregated split needs at least 2 chips</source>
        <translation>场景：预填充/解码分离部署至少需要 2 个芯片</translation>
    </message>
    <message>
        <source>scenario: prefill_chips (%1) and decode_chips (%2) must both be at least 1</source>
        <translation>场景：prefill_chips（%1）和 decode_chips（%2）都必须至少为 1</translation>
    </message>
    <message>
        <source>scenario: prefill_chips + decode_chips (%1 + %2) must equal chips (%3)</source>
        <translation>场景：prefill_chips + decode_chips（%1 + %2）必须等于 chips（%3）</translation>
    </message>
    <message>
        <source>scenario: prefill_chip &apos;%1&apos; needs prefill_chips and decode_chips</source>
        <translation>场景：prefill_chip“%1”需要同时设置 prefill_chips 和 decode_chips</translation>
    </message>
    <message>
        <source>scenario: %1 must be a positive number of seconds</source>
        <translation>场景：%1 必须是正的秒数</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; is not one of %3</source>
        <translation>工作负载“%1”：“%2”不是以下之一：%3</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; is not a number</source>
        <translation>工作负载“%1”：“%2”不是数字</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: %2 is out of range %3</source>
        <translation>工作负载“%1”：%2 超出范围 %3</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: %2 must be a whole number</source>
        <translation>工作负载“%1”：%2 必须是整数</translation>
    </message>
    <message>
        <source>the largest all-reduce the engine&apos;s own kernels take, MB</source>
        <translation>引擎自身内核可承担的最大 all-reduce（MB）</translation>
    </message>
    <message>
        <source>busiest expert rank&apos;s load / mean; 0 = from the model&apos;s routing</source>
        <translation>最忙专家分组的负载 / 平均负载；0 = 由模型的路由偏斜得出</translation>
    </message>
    <message>
        <source>the share of the weights kept at 16 bits, 0 to 1</source>
        <translation>保留为 16 位的权重份额，取值 0 到 1</translation>
    </message>
    <message>
        <source>engine host time per step</source>
        <translation>每步引擎主机时间</translation>
    </message>
    <message>
        <source>engine host time per streamed token (request and step of a server)</source>
        <translation>每个流式令牌的引擎主机时间（服务器的每请求每步）</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; is not probability:tokens</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 不是 概率:词元数 的形式</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; needs a probability strictly between 0 and 1</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 的概率须严格介于 0 和 1 之间</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; needs a length of 1 to 1e7 tokens</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 的长度须为 1 到 1e7 个词元</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; must follow a lower probability</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 须排在更低的概率之后</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; is shorter than the quantile before it</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 比前一个分位数更短</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; is one quantile too many (64 at most)</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 超出分位数上限（最多 64 个）</translation>
    </message>
    <message>
        <source>workload &apos;%1&apos;: &apos;%2&apos; needs at least two quantiles</source>
        <translation>工作负载 &apos;%1&apos;：&apos;%2&apos; 至少需要两个分位数</translation>
    </message>
    <message>
        <source>scenario: tp = %1 does not split the %2 attention heads and %3 KV heads of &apos;%4&apos; evenly (engines give every tensor-parallel rank the same heads: tp must divide the heads, and divide the KV heads or be a multiple of them)</source>
        <translation>场景：tp = %1 不能均分“%4”的 %2 个注意力头和 %3 个 KV 头（推理引擎让每个张量并行 rank 持有相同的头：tp 须整除注意力头数，并整除 KV 头数或为其整数倍）</translation>
    </message>
    <message>
        <source>scenario: expert_imbalance = %1 needs a mixture-of-experts model (&apos;%2&apos; is dense; 0 = auto)</source>
        <translation>场景：expert_imbalance = %1 需要混合专家模型（“%2”是稠密模型；0 = 自动）</translation>
    </message>
    <message>
        <source>scenario: input_len + output_len (%1 + %2) exceeds the %3-token context of &apos;%4&apos; (its max_position_embeddings; a model JSON with a larger max_context, as RoPE scaling allows, lifts it)</source>
        <translation>场景：input_len + output_len（%1 + %2）超出“%4”的 %3 词元上下文（其 max_position_embeddings；在 RoPE 缩放允许时，可用 max_context 更大的模型 JSON 解除此限制）</translation>
    </message>
    <message>
        <source>scenario: %1 = %2 exceeds chips (%3): a degree of parallelism needs that many chips</source>
        <translation>场景：%1 = %2 超过芯片数 %3（并行度需要同样多的芯片）</translation>
    </message>
    <message>
        <source>tokens per tile of the grouped expert GEMMs; 0 = no partial tiles</source>
        <translation>分组专家 GEMM 每个分块的词元数；0 = 无未填满的分块</translation>
    </message>
    <message>
        <source>scenario: prefill_tp, prefill_pp, prefill_ep and prefill_attention_dp need prefill_chips and decode_chips</source>
        <translation>场景：prefill_tp、prefill_pp、prefill_ep 和 prefill_attention_dp 需要 prefill_chips 和 decode_chips</translation>
    </message>
    <message>
        <source>scenario: the prefill pool&apos;s tp = %1 does not split the %2 attention heads and %3 KV heads of &apos;%4&apos; evenly (tp must divide the heads, and divide the KV heads or be a multiple of them)</source>
        <translation>场景：预填充池的 tp = %1 不能均分 &apos;%4&apos; 的 %2 个注意力头和 %3 个 KV 头（tp 须整除注意力头数，并整除 KV 头数或为其倍数）</translation>
    </message>
    <message>
        <source>scenario: the prefill pool&apos;s ep = %1 needs a mixture-of-experts model (&apos;%2&apos; is dense)</source>
        <translation>场景：预填充池的 ep = %1 需要混合专家模型（&apos;%2&apos; 是稠密模型）</translation>
    </message>
    <message>
        <source>scenario: the prefill pool&apos;s ep (%1) exceeds the model&apos;s experts (%2)</source>
        <translation>场景：预填充池的 ep（%1）超过模型的专家数（%2）</translation>
    </message>
    <message>
        <source>scenario: the prefill pool&apos;s ep (%1) must divide its tp x attention_dp (%2)</source>
        <translation>场景：预填充池的 ep（%1）必须整除其 tp x attention_dp（%2）</translation>
    </message>
    <message>
        <source>chip &apos;%1&apos;: its %2 memory sites hold %3 GB each but have no bandwidth (hbm.tb_s_per_stack = 0): give them one, or hbm.stacks = 0 for a chip without off-chip memory</source>
        <translation>芯片“%1”：其 %2 个存储器位点各容纳 %3 GB，却没有带宽（hbm.tb_s_per_stack = 0）：请给出带宽，或对没有片外存储器的芯片设 hbm.stacks = 0</translation>
    </message>
    <message>
        <source>chip &apos;%1&apos;: its %2 memory sites have %3 TB/s each but hold nothing (hbm.gb_per_stack = 0): give them a capacity, or hbm.stacks = 0 for a chip without off-chip memory</source>
        <translation>芯片“%1”：其 %2 个存储器位点各有 %3 TB/s，却不容纳任何数据（hbm.gb_per_stack = 0）：请给出容量，或对没有片外存储器的芯片设 hbm.stacks = 0</translation>
    </message>
    <message>
        <source>share of the host time per request that walks every request held, 0 to 1</source>
        <translation>每个请求的主机时间中遍历所有在持请求的份额，0 到 1</translation>
    </message>
    <message>
        <source>keys: &apos;%1&apos; is not one of chip, workload, model or all</source>
        <translation>keys：“%1”不是 chip、workload、model 或 all 之一</translation>
    </message>
    <message>
        <source>scenario: tp = %1 does not split the %2 key heads and %3 value heads of the linear-attention layers of &apos;%4&apos; evenly (tp must divide both)</source>
        <translation>场景：tp = %1 不能均分 &apos;%4&apos; 线性注意力层的 %2 个键头和 %3 个值头（tp 须同时整除两者）</translation>
    </message>
    <message>
        <source>scenario: the prefill pool&apos;s tp = %1 does not split the %2 key heads and %3 value heads of the linear-attention layers of &apos;%4&apos; evenly (tp must divide both)</source>
        <translation>场景：预填充池的 tp = %1 不能均分 &apos;%4&apos; 线性注意力层的 %2 个键头和 %3 个值头（tp 须同时整除两者）</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>prefill</source>
        <translation>预填充</translation>
    </message>
    <message>
        <source>decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <source>gemm</source>
        <translation>矩阵乘</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>collective</source>
        <translation>集合通信</translation>
    </message>
    <message>
        <source>SRAM</source>
        <translation>SRAM</translation>
    </message>
    <message>
        <source>HBM</source>
        <translation>HBM</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <source>dense-sliding</source>
        <translation>稠密-滑动窗口</translation>
    </message>
    <message>
        <source>moe</source>
        <translation>MoE</translation>
    </message>
    <message>
        <source>moe-sliding</source>
        <translation>MoE-滑动窗口</translation>
    </message>
    <message>
        <source>lm_head</source>
        <translation>LM 头</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>draft-sliding</source>
        <translation>草稿-滑动窗口</translation>
    </message>
    <message>
        <source>draft-moe</source>
        <translation>草稿-MoE</translation>
    </message>
    <message>
        <source>draft-moe-sliding</source>
        <translation>草稿-MoE-滑动窗口</translation>
    </message>
    <message>
        <source>draft-lm_head</source>
        <translation>草稿-LM 头</translation>
    </message>
    <message>
        <source>mtp</source>
        <translation>MTP</translation>
    </message>
    <message>
        <source>mtp-sliding</source>
        <translation>MTP-滑动窗口</translation>
    </message>
    <message>
        <source>mtp-moe</source>
        <translation>MTP-MoE</translation>
    </message>
    <message>
        <source>mtp-moe-sliding</source>
        <translation>MTP-MoE-滑动窗口</translation>
    </message>
    <message>
        <source>mtp-lm_head</source>
        <translation>MTP-LM 头</translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of MoE models with output-heavy requests</source>
        <translation>
            <numerusform>%n 次 MoE 模型、输出为主的请求的实测运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of dense models with output-heavy requests</source>
        <translation>
            <numerusform>%n 次稠密模型、输出为主的请求的实测运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of MoE models with mixed prompt and output lengths</source>
        <translation>
            <numerusform>%n 次 MoE 模型、提示与输出长度相当的实测运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of dense models with mixed prompt and output lengths</source>
        <translation>
            <numerusform>%n 次稠密模型、提示与输出长度相当的实测运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of MoE models with prompt-heavy requests</source>
        <translation>
            <numerusform>%n 次 MoE 模型、提示为主的请求的实测运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measured runs of dense models with prompt-heavy requests</source>
        <translation>
            <numerusform>%n 次稠密模型、提示为主的请求的实测运行</numerusform>
        </translation>
    </message>
    <message>
        <source>MoE models</source>
        <translation>MoE 模型</translation>
    </message>
    <message>
        <source>dense models</source>
        <translation>稠密模型</translation>
    </message>
    <message>
        <source>output-heavy</source>
        <translation>输出为主</translation>
    </message>
    <message>
        <source>mixed lengths</source>
        <translation>长度相当</translation>
    </message>
    <message>
        <source>prompt-heavy</source>
        <translation>提示为主</translation>
    </message>
    <message>
        <source>Against %1, the model&apos;s tokens/s were a median %2 from the measurement, %3 to %4 from the 10th to the 90th percentile (positive: the model faster than measured); %5 of them within ±35 %.</source>
        <translation>对照 %1，模型的词元/秒与实测相差中位数 %2，第 10 至第 90 百分位 %3 至 %4（正值：模型比实测快）；其中 %5 次在 ±35 % 以内。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>GDDR</source>
        <translation>GDDR</translation>
    </message>
    <message>
        <source>LPDDR</source>
        <translation>LPDDR</translation>
    </message>
    <message>
        <source>dense-linear</source>
        <translation>稠密-线性注意力</translation>
    </message>
    <message>
        <source>moe-linear</source>
        <translation>MoE-线性注意力</translation>
    </message>
    <message>
        <source>draft-linear</source>
        <translation>草稿-线性注意力</translation>
    </message>
    <message>
        <source>draft-moe-linear</source>
        <translation>草稿-MoE-线性注意力</translation>
    </message>
    <message>
        <source>mtp-linear</source>
        <translation>MTP-线性注意力</translation>
    </message>
    <message>
        <source>mtp-moe-linear</source>
        <translation>MTP-MoE-线性注意力</translation>
    </message>
    <message>
        <source>mlp</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>moe-ffn</source>
        <translation>MoE FFN</translation>
    </message>
    <message>
        <source>sliding</source>
        <translation>滑动窗口注意力</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性注意力</translation>
    </message>
    <message>
        <source>draft-mlp</source>
        <translation>草稿-MLP</translation>
    </message>
    <message>
        <source>draft-moe-ffn</source>
        <translation>草稿-MoE FFN</translation>
    </message>
    <message>
        <source>draft-attention</source>
        <translation>草稿-注意力</translation>
    </message>
    <message>
        <source>draft-sliding-only</source>
        <translation>草稿-滑动窗口注意力</translation>
    </message>
    <message>
        <source>draft-linear-only</source>
        <translation>草稿-线性注意力</translation>
    </message>
    <message>
        <source>mtp-mlp</source>
        <translation>MTP-MLP</translation>
    </message>
    <message>
        <source>mtp-moe-ffn</source>
        <translation>MTP-MoE FFN</translation>
    </message>
    <message>
        <source>mtp-attention</source>
        <translation>MTP-注意力</translation>
    </message>
    <message>
        <source>mtp-sliding-only</source>
        <translation>MTP-滑动窗口注意力</translation>
    </message>
    <message>
        <source>mtp-linear-only</source>
        <translation>MTP-线性注意力</translation>
    </message>
    <message numerus="yes">
        <source>Measured accuracy of tokens/s (%n runs, %1): a median %2, %3 to %4 (10th to 90th percentile)</source>
        <translation>
            <numerusform>实测准确度（%n 次运行，%1）：词元/秒与实测相差中位数 %2，%3 至 %4（第 10 至第 90 百分位）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Against the %n measured runs on %1, whatever their workload, the model&apos;s tokens/s were a median %2 from the measurement, %3 to %4 from the 10th to the 90th percentile, a median of %5 either way; %6 of them within ±35 %.</source>
        <translation>
            <numerusform>对照 %1 上的全部 %n 次实测运行（不论负载），模型的词元/秒与实测相差中位数 %2，第 10 至第 90 百分位为 %3 至 %4，绝对误差中位数 %5；其中 %6 次在 ±35 % 以内。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on this chip (%n runs): median %1</source>
        <translation>
            <numerusform>本芯片（%n 次运行）：中位数 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: unknown export format (use .png, .pdf or .svg)</source>
        <translation>%1：未知的导出格式（请使用 .png、.pdf 或 .svg）</translation>
    </message>
    <message>
        <source>%1: could not be written</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>ResultKey</name>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Output tokens per second, whole system</source>
        <translation>每秒输出词元数（整个系统）</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Output tokens per second per chip</source>
        <translation>每芯片每秒输出词元数</translation>
    </message>
    <message>
        <source>Tokens/s per chip</source>
        <translation>每芯片词元/秒</translation>
    </message>
    <message>
        <source>Requests served per second, whole system</source>
        <translation>每秒服务请求数（整个系统）</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Time to first token, mean</source>
        <translation>首词元时间，平均值</translation>
    </message>
    <message>
        <source>TTFT mean</source>
        <translation>TTFT 平均</translation>
    </message>
    <message>
        <source>Time to first token, median</source>
        <translation>首词元时间，中位数</translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <source>Time to first token, 99th percentile</source>
        <translation>首词元时间，第 99 百分位</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>Time per output token, mean</source>
        <translation>每输出词元时间，平均值</translation>
    </message>
    <message>
        <source>TPOT mean</source>
        <translation>TPOT 平均</translation>
    </message>
    <message>
        <source>Time per output token, median</source>
        <translation>每输出词元时间，中位数</translation>
    </message>
    <message>
        <source>TPOT p50</source>
        <translation>TPOT p50</translation>
    </message>
    <message>
        <source>Time per output token, 99th percentile</source>
        <translation>每输出词元时间，第 99 百分位</translation>
    </message>
    <message>
        <source>TPOT p99</source>
        <translation>TPOT p99</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Requests in flight per replica and pipeline micro-batch</source>
        <translation>每个副本及每个流水线微批次中处理的请求数</translation>
    </message>
    <message>
        <source>Batch per replica</source>
        <translation>每副本批量</translation>
    </message>
    <message>
        <source>Largest batch that memory, the engine limit and the token budget allow</source>
        <translation>内存、引擎上限和词元预算所允许的最大批量</translation>
    </message>
    <message>
        <source>Largest batch</source>
        <translation>最大批量</translation>
    </message>
    <message>
        <source>Model replicas in the system</source>
        <translation>系统中的模型副本数</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Requests in flight per replica, over all pipeline stages</source>
        <translation>每个副本在所有流水线级中处理的请求数</translation>
    </message>
    <message>
        <source>In flight per replica</source>
        <translation>每副本在途请求</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>One engine step (the decode pool&apos;s when disaggregated)</source>
        <translation>一个引擎步（分离部署时为解码池的步）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长时间</translation>
    </message>
    <message>
        <source>Host work per step that the chips wait for</source>
        <translation>每步中芯片需等待的主机工作</translation>
    </message>
    <message>
        <source>Host per step</source>
        <translation>每步主机时间</translation>
    </message>
    <message>
        <source>Prompt tokens per step and replica, mean</source>
        <translation>每步每副本的提示词元数，平均值</translation>
    </message>
    <message>
        <source>Prompt tokens/step</source>
        <translation>提示词元/步</translation>
    </message>
    <message>
        <source>Decode tokens per step and replica</source>
        <translation>每步每副本的解码词元数</translation>
    </message>
    <message>
        <source>Decode tokens/step</source>
        <translation>解码词元/步</translation>
    </message>
    <message>
        <source>Accepted tokens per step and request (above 1: speculative)</source>
        <translation>每步每请求接受的词元数（大于 1：推测解码）</translation>
    </message>
    <message>
        <source>Tokens/step/request</source>
        <translation>词元/步/请求</translation>
    </message>
    <message>
        <source>Share of the steps&apos; room for prompt tokens in use</source>
        <translation>各步提示词元容量的使用比例</translation>
    </message>
    <message>
        <source>Prompt room used</source>
        <translation>提示容量利用率</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Weights per chip</source>
        <translation>每芯片权重</translation>
    </message>
    <message>
        <source>Weights/chip</source>
        <translation>权重/芯片</translation>
    </message>
    <message>
        <source>KV cache per request per chip, at full context</source>
        <translation>每请求每芯片的 KV 缓存（完整上下文）</translation>
    </message>
    <message>
        <source>KV/request/chip</source>
        <translation>KV/请求/芯片</translation>
    </message>
    <message>
        <source>Memory for weights and KV cache per chip</source>
        <translation>每芯片可用于权重和 KV 缓存的内存</translation>
    </message>
    <message>
        <source>Memory/chip</source>
        <translation>内存/芯片</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>物理</translation>
    </message>
    <message>
        <source>Average power per chip on this workload</source>
        <translation>此负载下每芯片平均功耗</translation>
    </message>
    <message>
        <source>Power per chip</source>
        <translation>每芯片功耗</translation>
    </message>
    <message>
        <source>Output tokens per joule</source>
        <translation>每焦耳输出词元数</translation>
    </message>
    <message>
        <source>Tokens/J</source>
        <translation>词元/焦耳</translation>
    </message>
    <message>
        <source>Die area</source>
        <translation>裸片面积</translation>
    </message>
    <message>
        <source>Area of all dies of the package</source>
        <translation>封装内所有裸片的面积</translation>
    </message>
    <message>
        <source>Package area</source>
        <translation>封装面积</translation>
    </message>
    <message>
        <source>Compute clock after the TDP cap</source>
        <translation>TDP 限制后的计算时钟</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Cost per million output tokens</source>
        <translation>每百万输出词元成本</translation>
    </message>
    <message>
        <source>$/M tokens</source>
        <translation>$/百万词元</translation>
    </message>
    <message>
        <source>Economics</source>
        <translation>经济性</translation>
    </message>
    <message>
        <source>Owner&apos;s cost per chip-hour: capital and energy</source>
        <translation>每芯片小时的拥有成本：资本与能源</translation>
    </message>
    <message>
        <source>$/chip-hour</source>
        <translation>$/芯片小时</translation>
    </message>
    <message>
        <source>What one chip costs its owner: price paid, or built cost with the partner&apos;s margin</source>
        <translation>一颗芯片对拥有者的成本：购买价格，或含设计伙伴利润的自制成本</translation>
    </message>
    <message>
        <source>Chip cost</source>
        <translation>芯片成本</translation>
    </message>
    <message>
        <source>Design NRE per chip built</source>
        <translation>每颗芯片分摊的设计 NRE</translation>
    </message>
    <message>
        <source>NRE per chip</source>
        <translation>每芯片 NRE</translation>
    </message>
    <message>
        <source>Capital per chip: chip, NRE share, system, network and data centre</source>
        <translation>每芯片资本支出：芯片、NRE 分摊、系统、网络和数据中心</translation>
    </message>
    <message>
        <source>Capex per chip</source>
        <translation>每芯片资本支出</translation>
    </message>
    <message>
        <source>Output tokens per second per provisioned MW, at the utilisation</source>
        <translation>每兆瓦供电容量每秒输出词元数（按利用率）</translation>
    </message>
    <message>
        <source>Tokens/s per MW</source>
        <translation>词元/秒/兆瓦</translation>
    </message>
    <message>
        <source>Chips the fleet&apos;s power budget provisions</source>
        <translation>机群功率预算可供电的芯片数</translation>
    </message>
    <message>
        <source>Fleet chips</source>
        <translation>机群芯片数</translation>
    </message>
    <message>
        <source>Capital of the fleet</source>
        <translation>机群的资本支出</translation>
    </message>
    <message>
        <source>Fleet capex</source>
        <translation>机群资本支出</translation>
    </message>
    <message>
        <source>Yearly cost of the fleet: capital recovery and energy</source>
        <translation>机群年成本：资本回收与能源</translation>
    </message>
    <message>
        <source>Fleet cost/year</source>
        <translation>机群成本/年</translation>
    </message>
    <message>
        <source>Output tokens the fleet serves per day</source>
        <translation>机群每天服务的输出词元数</translation>
    </message>
    <message>
        <source>Fleet tokens/day</source>
        <translation>机群词元/天</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Off-chip memory bandwidth</source>
        <translation>片外内存带宽</translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation>内存带宽</translation>
    </message>
    <message>
        <source>On-chip SRAM bandwidth</source>
        <translation>片上 SRAM 带宽</translation>
    </message>
    <message>
        <source>SRAM bandwidth</source>
        <translation>SRAM 带宽</translation>
    </message>
    <message>
        <source>Dense peak at FP8, where the chip runs FP8 natively</source>
        <translation>FP8 稠密峰值（仅芯片原生支持 FP8 时）</translation>
    </message>
    <message>
        <source>Peak FP8</source>
        <translation>FP8 峰值</translation>
    </message>
    <message>
        <source>Dense peak at FP4, where the chip runs FP4 natively</source>
        <translation>FP4 稠密峰值（仅芯片原生支持 FP4 时）</translation>
    </message>
    <message>
        <source>Peak FP4</source>
        <translation>FP4 峰值</translation>
    </message>
    <message>
        <source>Area of one compute die</source>
        <translation>单个计算裸片面积</translation>
    </message>
    <message>
        <source>Area of one I/O die (packages with separate I/O dies)</source>
        <translation>单个 I/O 裸片面积（带独立 I/O 裸片的封装）</translation>
    </message>
    <message>
        <source>I/O die area</source>
        <translation>I/O 裸片面积</translation>
    </message>
    <message>
        <source>A step of prompts alone, host work included (engines that run prompts in steps of their own; 0 otherwise)</source>
        <translation>只含提示词的一步，含主机工作（提示词单独成步的引擎；否则为 0）</translation>
    </message>
    <message>
        <source>Prompt step</source>
        <translation>提示词步</translation>
    </message>
    <message>
        <source>Prompt steps of their own per decode step, mean (0: prompts ride the decode steps)</source>
        <translation>每个解码步平均对应的独立提示词步数（0：提示词随解码步一起运行）</translation>
    </message>
    <message>
        <source>Prompt steps/step</source>
        <translation>提示词步/步</translation>
    </message>
    <message>
        <source>Chunk step</source>
        <translation>带提示块的步</translation>
    </message>
    <message>
        <source>Steps with a chunk</source>
        <translation>带块的步</translation>
    </message>
    <message>
        <source>Chunk tokens</source>
        <translation>块词元</translation>
    </message>
    <message>
        <source>Off-chip memory (HBM, GDDR or LPDDR) capacity per chip</source>
        <translation>每芯片片外存储器（HBM、GDDR 或 LPDDR）容量</translation>
    </message>
    <message>
        <source>Memory capacity</source>
        <translation>存储器容量</translation>
    </message>
    <message>
        <source>Of the host work per step: a server&apos;s tokens handed to its streaming clients</source>
        <translation>每步主机工作中：服务器把词元交给流式客户端的部分</translation>
    </message>
    <message>
        <source>Host streaming per step</source>
        <translation>每步主机流式输出</translation>
    </message>
    <message>
        <source>A step that carries a prompt chunk more than the others, host work included (prompts mixed into the decode steps, not a whole number of chunks a step; 0 otherwise)</source>
        <translation>比其他步多带一个提示块的步，含主机工作（提示混入解码步、每步不是整数个块时；否则为 0）</translation>
    </message>
    <message>
        <source>A step between those, with the whole chunks every step carries or decodes alone, host work included (0 where every step carries the same prompt tokens)</source>
        <translation>介于其间的步：带有每步都带的整块，或只做解码，含主机工作（每步带相同提示词元时为 0）</translation>
    </message>
    <message>
        <source>Step without that chunk</source>
        <translation>不带该块的步</translation>
    </message>
    <message>
        <source>Share of the steps that carry a prompt chunk more than the others (0: the same prompt tokens in every step, or prompts in steps of their own)</source>
        <translation>比其他步多带一个提示块的步所占比例（0：每步带相同的提示词元，或提示在单独的步中运行）</translation>
    </message>
    <message>
        <source>Prompt tokens a step that carries a chunk more holds, per replica</source>
        <translation>多带一个块的步所含的提示词元，每副本</translation>
    </message>
    <message>
        <source>Prompt tokens the other steps hold, per replica (0: they decode alone)</source>
        <translation>其他步所含的提示词元，每副本（0：只做解码）</translation>
    </message>
    <message>
        <source>Other steps&apos; prompt tokens</source>
        <translation>其他步的提示词元</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>the file is locked by another program</source>
        <translation>文件已被另一个程序锁定</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>文件或其所在文件夹为只读</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>a disk read or write failed</source>
        <translation>磁盘读写失败</translation>
    </message>
    <message>
        <source>the file is corrupt</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>无法打开该文件</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: not a Scoville session (not an SQLite file)</source>
        <translation>%1：不是 Scoville 会话（不是 SQLite 文件）</translation>
    </message>
    <message>
        <source>%1: not a Scoville session (an SQLite file of another program, application_id %2)</source>
        <translation>%1：不是 Scoville 会话（是另一个程序的 SQLite 文件，application_id %2）</translation>
    </message>
    <message>
        <source>%1: the file is locked by another program (%2)</source>
        <translation>%1：文件已被另一个程序锁定（%2）</translation>
    </message>
    <message>
        <source>%1: cannot be opened (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>%1: corrupt session file (%2)</source>
        <translation>%1：会话文件已损坏（%2）</translation>
    </message>
    <message>
        <source>%1: written by a newer Scoville (session schema %2; this build reads up to %3)</source>
        <translation>%1：由较新版本的 Scoville 写入（会话架构 %2；此版本最高只能读取 %3）</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>switching to WAL</source>
        <translation>切换到 WAL</translation>
    </message>
    <message>
        <source>%1: opening: the file cannot use WAL journaling (journal mode %2)</source>
        <translation>%1：打开：该文件无法使用 WAL 日志（日志模式 %2）</translation>
    </message>
    <message>
        <source>%1: cannot create the session file (%2)</source>
        <translation>%1：无法创建会话文件（%2）</translation>
    </message>
    <message>
        <source>creating</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>%1: cannot create the session file (rename failed)</source>
        <translation>%1：无法创建会话文件（重命名失败）</translation>
    </message>
    <message>
        <source>%1: no such session file</source>
        <translation>%1：会话文件不存在</translation>
    </message>
    <message>
        <source>%1: empty file, not a session</source>
        <translation>%1：空文件，不是会话</translation>
    </message>
    <message>
        <source>%1: cannot make a temporary copy to upgrade (%2)</source>
        <translation>%1：无法创建用于升级的临时副本（%2）</translation>
    </message>
    <message>
        <source>%1: no workload &apos;%2&apos;</source>
        <translation>%1：没有工作负载“%2”</translation>
    </message>
    <message>
        <source>%1: no comparison &apos;%2&apos;</source>
        <translation>%1：没有对比“%2”</translation>
    </message>
    <message>
        <source>%1: no sweep &apos;%2&apos;</source>
        <translation>%1：没有扫描“%2”</translation>
    </message>
    <message>
        <source>%1: %3: %4 (%2)</source>
        <translation>%1：%3：%4（%2）</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>GHz</source>
        <translation>GHz</translation>
    </message>
    <message>
        <source>MAC/cell/cycle</source>
        <translation>MAC/单元/周期</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>TB/s</source>
        <translation>TB/s</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>us</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>x</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Gb/s</source>
        <translation>Gb/s</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>USD/kW</source>
        <translation>美元/kW</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>USD/kWh</source>
        <translation>美元/kWh</translation>
    </message>
    <message>
        <source>1/year</source>
        <translation>1/年</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>tokens/J</source>
        <translation>词元/焦耳</translation>
    </message>
    <message>
        <source>mm2</source>
        <translation>mm²</translation>
    </message>
    <message>
        <source>USD/h</source>
        <translation>美元/小时</translation>
    </message>
    <message>
        <source>tokens/s/MW</source>
        <translation>词元/秒/MW</translation>
    </message>
    <message>
        <source>USD/year</source>
        <translation>美元/年</translation>
    </message>
    <message>
        <source>tokens/day</source>
        <translation>词元/天</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>TFLOP/s</source>
        <translation>TFLOP/s</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>ns</source>
        <translation>ns</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>ps</source>
        <translation>ps</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>块</translation>
    </message>
    <message>
        <source>W/(mm2 GHz)</source>
        <translation>W/(mm2 GHz)</translation>
    </message>
</context>
<context>
    <name>Warning</name>
    <message>
        <source>precision: %1 is not native on &apos;%2&apos;; runs at %3</source>
        <translation>精度：%1 在“%2”上不是原生支持的精度，以 %3 运行</translation>
    </message>
    <message>
        <source>compute: no vector lanes; softmax, norms and activations run on the matrix units</source>
        <translation>计算：没有向量通道；softmax、归一化和激活函数在矩阵单元上运行</translation>
    </message>
    <message>
        <source>slo: the latency limits are missed at every rate of this split</source>
        <translation>SLO：此划分在任何请求速率下都无法满足延迟限制</translation>
    </message>
    <message>
        <source>serving: the prefill queue does not settle at this split</source>
        <translation>服务：此划分下预填充队列无法稳定</translation>
    </message>
    <message>
        <source>serving: at batch %1 prompts arrive faster than the steps&apos; token budget takes them; TTFT grows without bound (lower the batch or raise max_tokens_per_step)</source>
        <translation>服务：批量为 %1 时，提示到达速度超过各步词元预算的处理速度；TTFT 将无限增长（请降低批量或提高 max_tokens_per_step）</translation>
    </message>
    <message>
        <source>slo: batch %1 misses the latency limits</source>
        <translation>SLO：批量 %1 无法满足延迟限制</translation>
    </message>
    <message>
        <source>slo: the latency limits are missed even at batch 1</source>
        <translation>SLO：即使批量为 1 也无法满足延迟限制</translation>
    </message>
    <message>
        <source>reticle: die %1 mm2 exceeds the %2 mm2 reticle limit; split the package into at least %3 dies (package.dies=%3) or shrink it</source>
        <translation>光罩：裸片 %1 mm² 超过 %2 mm² 的光罩极限；请将封装拆分为至少 %3 个裸片（package.dies=%3）或缩小设计</translation>
    </message>
    <message>
        <source>hbm: %1 HBM sites need %2 mm of die edge but %3 die(s) of %4 mm2 fit only %5 stacks on their long edges</source>
        <translation>HBM：%1 个 HBM 位置需要 %2 mm 的裸片边长，但 %3 个 %4 mm² 的裸片在长边上只能容纳 %5 个堆栈</translation>
    </message>
    <message>
        <source>power density: TDP %1 W over %2 mm2 of silicon is %3 W/mm2, above the %4 W/mm2 cooling limit</source>
        <translation>功率密度：TDP %1 W 分布在 %2 mm² 硅片上，为 %3 W/mm²，超过 %4 W/mm² 的散热极限</translation>
    </message>
    <message>
        <source>cost: econ.chip_price_usd: &apos;%1&apos; has no price; give one, or cost it as built (econ.mode = build)</source>
        <translation>成本：econ.chip_price_usd：“%1”没有价格；请给出价格，或按自制芯片计算成本（econ.mode = build）</translation>
    </message>
    <message>
        <source>power: %1 W exceeds the %2 W TDP, and the clock cannot be lowered: %3</source>
        <translation>功耗：%1 W 超过 %2 W 的 TDP，且无法降低时钟：%3</translation>
    </message>
    <message>
        <source>power: %1 W exceeds the %2 W TDP even at the lowest clock %3 GHz; raise power.tdp_w or shrink the design</source>
        <translation>功耗：即使在最低时钟 %3 GHz 下，%1 W 仍超过 %2 W 的 TDP；请提高 power.tdp_w 或缩小设计</translation>
    </message>
    <message>
        <source>power: %1 W at %2 GHz exceeds the %3 W TDP; clock lowered to %4 GHz</source>
        <translation>功耗：%2 GHz 下 %1 W 超过 %3 W 的 TDP；时钟降至 %4 GHz</translation>
    </message>
    <message>
        <source>cost: %1</source>
        <translation>成本：%1</translation>
    </message>
    <message>
        <source>reticle: I/O die %1 mm2 exceeds the %2 mm2 reticle limit; use more I/O dies (package.io_dies) or shrink them</source>
        <translation>光罩：I/O 裸片 %1 mm2 超过 %2 mm2 的光罩上限；请增加 I/O 裸片数（package.io_dies）或缩小其面积</translation>
    </message>
    <message>
        <source>serving: at batch %1 the requests in flight fill all %2 slots of a replica (what its memory or max_batch holds), so arrivals queue without bound and TTFT is unbounded (more chips per replica, shorter requests or a higher max_batch)</source>
        <translation>服务：批量为 %1 时，处理中的请求占满副本的全部 %2 个槽位（其内存或 max_batch 所能容纳的数量），到达的请求将无限排队，TTFT 无上限（请为每个副本增加芯片、缩短请求或提高 max_batch）</translation>
    </message>
    <message>
        <source>workload: %1 %2 changes nothing for model &apos;%3&apos; in this workload: it applies %4</source>
        <translation>工作负载：%1 %2 对模型“%3”在此工作负载中不起作用：仅在%4时适用</translation>
    </message>
    <message>
        <source>sweep: %1 changes nothing on this grid: it applies %2</source>
        <translation>扫描：%1 在此网格上不起作用：仅在%2时适用</translation>
    </message>
    <message>
        <source>hbm: %1 %2 channels need %3 mm of die edge but %4 die(s) of %5 mm2 fit only %6 along three edges</source>
        <translation>hbm：%1 个 %2 通道需要 %3 mm 的裸片边长，但 %4 个 %5 mm2 的裸片沿三条边只能容纳 %6 个</translation>
    </message>
    <message>
        <source>hbm: %1 TB/s a site (hbm.tb_s_per_stack) is more than one %2 site carries: %3 TB/s at the fastest</source>
        <translation>hbm：每位点 %1 TB/s（hbm.tb_s_per_stack）超过一个 %2 位点能承载的带宽：最快为 %3 TB/s</translation>
    </message>
    <message>
        <source>hbm: %1 GB a site (hbm.gb_per_stack) is more than one %2 site holds: %3 GB at the largest</source>
        <translation>hbm：每位点 %1 GB（hbm.gb_per_stack）超过一个 %2 位点能容纳的容量：最大为 %3 GB</translation>
    </message>
    <message>
        <source>model &apos;%1&apos;: its %2 Mamba-2 layers&apos; convolution, state update and chunked scan are timed from their FLOPs and bytes at this chip&apos;s rates, an estimate: no measured run of a Mamba-2 model checks them</source>
        <translation>模型“%1”：其 %2 个 Mamba-2 层的卷积、状态更新和分块扫描按其 FLOPs 与字节数以本芯片的速率计时，属估计值：没有 Mamba-2 模型的实测运行可以检验它们</translation>
    </message>
    <message>
        <source>speculative decoding: model &apos;%1&apos; has no multi-token-prediction module (mtp_layers 0); its drafts are modelled as one more of its layers with its LM head, a module it would have to be trained with (draft_model names a model to draft with instead)</source>
        <translation>投机解码：模型 &apos;%1&apos; 没有多词元预测模块（mtp_layers 0）；其草稿按多一层它自己的层加上其 LM head 建模，这样的模块需要另行训练（可用 draft_model 指定一个草稿模型来代替）</translation>
    </message>
    <message>
        <source>model &apos;%1&apos;: its %2 linear-attention layers&apos; convolution, recurrent step and chunked delta rule are timed from their FLOPs and bytes at this chip&apos;s rates, an estimate: no timing of those kernels checks them, only whole serving runs of one such model (Qwen3.5-397B on TPU7x)</source>
        <translation>模型 &apos;%1&apos;：其 %2 个线性注意力层的卷积、循环步和分块 delta 规则按其 FLOPs 与字节数以本芯片的速率计时，属估计值：没有这些内核的计时对其校验，只有一个此类模型（TPU7x 上的 Qwen3.5-397B）的完整服务运行</translation>
    </message>
</context>
<context>
    <name>scoville::Analysis</name>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
</context>
<context>
    <name>scoville::ChipParams</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核心数</translation>
    </message>
    <message>
        <source>Independent compute cores (SMs, TensorCores, NeuronCores). Derived peak = cores x arrays x rows x cols x rate x 2 x clock.</source>
        <translation>独立计算核心（SM、TensorCore、NeuronCore）。推导峰值 = 核心数 × 阵列数 × 行数 × 列数 × 速率 × 2 × 时钟。</translation>
    </message>
    <message>
        <source>Matrix units per core</source>
        <translation>每核心矩阵单元数</translation>
    </message>
    <message>
        <source>Matrix (MAC) arrays in each core.</source>
        <translation>每个核心中的矩阵（MAC）阵列数。</translation>
    </message>
    <message>
        <source>MAC array rows</source>
        <translation>MAC 阵列行数</translation>
    </message>
    <message>
        <source>MAC array columns</source>
        <translation>MAC 阵列列数</translation>
    </message>
    <message>
        <source>Columns of one MAC array: the N tile.</source>
        <translation>一个 MAC 阵列的列数：即 N 分块。</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Sustained clock under load at which the data-sheet peak is quoted.</source>
        <translation>数据手册峰值所对应的负载下持续时钟。</translation>
    </message>
    <message>
        <source>BF16 rate</source>
        <translation>BF16 速率</translation>
    </message>
    <message>
        <source>MACs per array cell per cycle at BF16/FP16; 0 = not supported.</source>
        <translation>BF16/FP16 下每个阵列单元每周期的 MAC 数；0 = 不支持。</translation>
    </message>
    <message>
        <source>FP8 rate</source>
        <translation>FP8 速率</translation>
    </message>
    <message>
        <source>MACs per array cell per cycle at FP8; 0 = runs at BF16.</source>
        <translation>FP8 下每个阵列单元每周期的 MAC 数；0 = 以 BF16 运行。</translation>
    </message>
    <message>
        <source>FP4 rate</source>
        <translation>FP4 速率</translation>
    </message>
    <message>
        <source>MACs per array cell per cycle at FP4; 0 = runs at FP8 (or BF16).</source>
        <translation>FP4 下每个阵列单元每周期的 MAC 数；0 = 以 FP8（或 BF16）运行。</translation>
    </message>
    <message>
        <source>INT8 rate</source>
        <translation>INT8 速率</translation>
    </message>
    <message>
        <source>MACs per array cell per cycle at INT8; 0 = runs at BF16.</source>
        <translation>INT8 下每个阵列单元每周期的 MAC 数；0 = 以 BF16 运行。</translation>
    </message>
    <message>
        <source>Vector lanes per core</source>
        <translation>每核心向量通道数</translation>
    </message>
    <message>
        <source>FP32 FMA lanes per core for softmax, norms and activations (H100 SM: 128).</source>
        <translation>每核心用于 softmax、归一化和激活函数的 FP32 FMA 通道数（H100 SM：128）。</translation>
    </message>
    <message>
        <source>Spare cores</source>
        <translation>备用核心</translation>
    </message>
    <message>
        <source>Cores on the die but fused off for yield: they cost area, not performance (GA100: 128 - 108 = 20; GH100: 144 - 132 = 12).</source>
        <translation>裸片上存在但为良率而熔断关闭的核心：占用面积，不贡献性能（GA100：128 - 108 = 20；GH100：144 - 132 = 12）。</translation>
    </message>
    <message>
        <source>Core-local SRAM</source>
        <translation>核心本地 SRAM</translation>
    </message>
    <message>
        <source>Register file + L1/shared memory per core: area and energy, not counted in sram.mb (A100 SM: 256 KB RF + 192 KB L1).</source>
        <translation>每核心的寄存器堆 + L1/共享内存：计入面积和能耗，不计入 sram.mb（A100 SM：256 KB 寄存器堆 + 192 KB L1）。</translation>
    </message>
    <message>
        <source>On-chip memory</source>
        <translation>片上内存</translation>
    </message>
    <message>
        <source>SRAM</source>
        <translation>SRAM</translation>
    </message>
    <message>
        <source>On-chip SRAM usable by the workload (L2 / scratchpad). Weights stay on chip when they fit.</source>
        <translation>负载可用的片上 SRAM（L2 / 暂存器）。权重能放下时保留在片上。</translation>
    </message>
    <message>
        <source>SRAM bandwidth</source>
        <translation>SRAM 带宽</translation>
    </message>
    <message>
        <source>Aggregate SRAM read bandwidth.</source>
        <translation>SRAM 总读带宽。</translation>
    </message>
    <message>
        <source>SRAM style</source>
        <translation>SRAM 类型</translation>
    </message>
    <message>
        <source>scratchpad: dense macros, operands passed between MAC cells (TPU-like); gpu: caches and register files with crossbars (~0.4 MB/mm2 at N7) and operand delivery through register files.</source>
        <translation>scratchpad：高密度宏单元，操作数在 MAC 单元之间传递（类 TPU）；gpu：带交叉开关的缓存和寄存器堆（N7 下约 0.4 MB/mm²），操作数经寄存器堆送达。</translation>
    </message>
    <message>
        <source>Spare SRAM</source>
        <translation>备用 SRAM</translation>
    </message>
    <message>
        <source>SRAM on the die but disabled (A100: 48 MB L2 on GA100, 40 MB enabled): area only.</source>
        <translation>裸片上存在但被禁用的 SRAM（A100：GA100 上有 48 MB L2，启用 40 MB）：仅计面积。</translation>
    </message>
    <message>
        <source>Usable capacity</source>
        <translation>可用容量</translation>
    </message>
    <message>
        <source>Fraction of capacity for weights and KV cache; the rest is runtime and activation workspace (vLLM default 0.9).</source>
        <translation>可用于权重和 KV 缓存的容量比例；其余用于运行时和激活工作区（vLLM 默认 0.9）。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Scale-up links</source>
        <translation>纵向扩展链路</translation>
    </message>
    <message>
        <source>Scale-up links per chip (NVLink, ICI, Infinity Fabric).</source>
        <translation>每芯片的纵向扩展链路数（NVLink、ICI、Infinity Fabric）。</translation>
    </message>
    <message>
        <source>Link bandwidth</source>
        <translation>链路带宽</translation>
    </message>
    <message>
        <source>Per link, bidirectional as data sheets quote it; one direction carries half.</source>
        <translation>每条链路的双向带宽（按数据手册口径）；单方向承载一半。</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>switch: every chip reaches every other at full link bandwidth (NVSwitch); torus: links to neighbours along link.torus_dims dimensions (TPU ICI); mesh: direct links to every other chip of the domain (MI300X).</source>
        <translation>switch：每颗芯片以全链路带宽到达其他任一芯片（NVSwitch）；torus：沿 link.torus_dims 个维度连接相邻芯片（TPU ICI）；mesh：直接连接域内其他每颗芯片（MI300X）。</translation>
    </message>
    <message>
        <source>Scale-up domain</source>
        <translation>纵向扩展域</translation>
    </message>
    <message>
        <source>Chips reachable over scale-up links (NVL8, NVL72, TPU pod slice).</source>
        <translation>通过纵向扩展链路可达的芯片数（NVL8、NVL72、TPU pod 切片）。</translation>
    </message>
    <message>
        <source>Collective step latency</source>
        <translation>集合通信步延迟</translation>
    </message>
    <message>
        <source>Torus dimensions</source>
        <translation>环面维数</translation>
    </message>
    <message>
        <source>Dimensions a torus spans (TPU v4, v5p: 3; v5e, v6e: 2); the links are shared equally among them. Ignored by switch and mesh topologies.</source>
        <translation>环面跨越的维数（TPU v4、v5p：3；v5e、v6e：2）；链路在各维之间平均分配。switch 和 mesh 拓扑忽略此项。</translation>
    </message>
    <message>
        <source>In-switch reduction gain</source>
        <translation>交换机内归约增益</translation>
    </message>
    <message>
        <source>Scale-out NICs</source>
        <translation>横向扩展网卡</translation>
    </message>
    <message>
        <source>NICs per chip that reach chips outside the scale-up domain (DGX H100/B200: 1 ConnectX-7 per GPU); 0 = a deployment cannot span domains.</source>
        <translation>每芯片可到达纵向扩展域外芯片的网卡数（DGX H100/B200：每 GPU 1 块 ConnectX-7）；0 = 部署不能跨域。</translation>
    </message>
    <message>
        <source>NIC bandwidth</source>
        <translation>网卡带宽</translation>
    </message>
    <message>
        <source>Per NIC, each direction (400 Gb/s ConnectX-7: 50 GB/s; 800 Gb/s ConnectX-8: 100 GB/s).</source>
        <translation>每块网卡每方向的带宽（400 Gb/s ConnectX-7：50 GB/s；800 Gb/s ConnectX-8：100 GB/s）。</translation>
    </message>
    <message>
        <source>Scale-out step latency</source>
        <translation>横向扩展步延迟</translation>
    </message>
    <message>
        <source>Alpha of one collective step across the scale-out network (RDMA over InfiniBand: ~3-10 us).</source>
        <translation>跨横向扩展网络的一个集合通信步的 alpha（基于 InfiniBand 的 RDMA：约 3-10 µs）。</translation>
    </message>
    <message>
        <source>SerDes lane rate</source>
        <translation>SerDes 通道速率</translation>
    </message>
    <message>
        <source>Data rate of one SerDes lane per direction; lanes = link.count x link.gb_s x 8 / (2 x rate) (NVLink3: 50, NVLink4: 100, NVLink5: 200).</source>
        <translation>每方向一条 SerDes 通道的数据速率；通道数 = link.count × link.gb_s × 8 / (2 × 速率)（NVLink3：50，NVLink4：100，NVLink5：200）。</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>工艺与封装</translation>
    </message>
    <message>
        <source>Dies per package</source>
        <translation>每封装裸片数</translation>
    </message>
    <message>
        <source>Compute dies in one package.</source>
        <translation>一个封装中的计算裸片数。</translation>
    </message>
    <message>
        <source>Die-to-die bandwidth</source>
        <translation>裸片间带宽</translation>
    </message>
    <message>
        <source>Bandwidth between dies of a multi-die package (NV-HBI: 10 TB/s).</source>
        <translation>多裸片封装中裸片之间的带宽（NV-HBI：10 TB/s）。</translation>
    </message>
    <message>
        <source>Process node</source>
        <translation>工艺节点</translation>
    </message>
    <message>
        <source>Process node (resources/tech/nodes.json): sets logic and SRAM density, MAC energy, wafer price and defect density.</source>
        <translation>工艺节点（resources/tech/nodes.json）：决定逻辑和 SRAM 密度、MAC 能耗、晶圆价格和缺陷密度。</translation>
    </message>
    <message>
        <source>TDP</source>
        <translation>TDP</translation>
    </message>
    <message>
        <source>Board/package power cap; above it the clock is lowered.</source>
        <translation>板卡/封装功耗上限；超过时降低时钟。</translation>
    </message>
    <message>
        <source>Efficiencies</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Compute efficiency (BF16/INT8)</source>
        <translation>计算效率（BF16/INT8）</translation>
    </message>
    <message>
        <source>Achievable fraction of dense BF16 peak on large GEMMs (H100: 792/989 = 0.80, MAMF).</source>
        <translation>大型 GEMM 上可达到的稠密 BF16 峰值比例（H100：792/989 = 0.80，MAMF）。</translation>
    </message>
    <message>
        <source>Compute efficiency (FP8)</source>
        <translation>计算效率（FP8）</translation>
    </message>
    <message>
        <source>Achievable fraction of dense FP8 peak on large GEMMs (H100: 1290/1979 = 0.65, cuBLASLt).</source>
        <translation>大型 GEMM 上可达到的稠密 FP8 峰值比例（H100：1290/1979 = 0.65，cuBLASLt）。</translation>
    </message>
    <message>
        <source>Compute efficiency (FP4)</source>
        <translation>计算效率（FP4）</translation>
    </message>
    <message>
        <source>Achievable fraction of dense FP4 peak on large GEMMs.</source>
        <translation>大型 GEMM 上可达到的稠密 FP4 峰值比例。</translation>
    </message>
    <message>
        <source>Memory efficiency</source>
        <translation>内存效率</translation>
    </message>
    <message>
        <source>Achievable fraction of memory bandwidth (H100 copy: 2.90/3.35 = 0.87).</source>
        <translation>可达到的内存带宽比例（H100 拷贝：2.90/3.35 = 0.87）。</translation>
    </message>
    <message>
        <source>Attention KV efficiency</source>
        <translation>注意力 KV 效率</translation>
    </message>
    <message>
        <source>Network efficiency</source>
        <translation>网络效率</translation>
    </message>
    <message>
        <source>Achievable fraction of link bandwidth in collectives (NCCL bus bandwidth ~0.8 of line rate).</source>
        <translation>集合通信中可达到的链路带宽比例（NCCL 总线带宽约为线速的 0.8）。</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>1: an op&apos;s compute, memory and network time overlap (time = max); 0: they add.</source>
        <translation>1：算子的计算、内存和网络时间相互重叠（时间 = 最大值）；0：三者相加。</translation>
    </message>
    <message>
        <source>Ridge sharpness</source>
        <translation>拐点锐度</translation>
    </message>
    <message>
        <source>Per-op overhead</source>
        <translation>每算子开销</translation>
    </message>
    <message>
        <source>Attention call overhead</source>
        <translation>注意力调用开销</translation>
    </message>
    <message>
        <source>Economics</source>
        <translation>经济性</translation>
    </message>
    <message>
        <source>Chip bought or built</source>
        <translation>购买或自制芯片</translation>
    </message>
    <message>
        <source>buy: a merchant chip at econ.chip_price_usd; build: an in-house chip at its manufacturing cost (die, HBM, package, test) plus the design partner&apos;s margin and the NRE spread over econ.units.</source>
        <translation>buy：以 econ.chip_price_usd 购买的商用芯片；build：自研芯片，按制造成本（裸片、HBM、封装、测试）加设计伙伴利润，并将 NRE 分摊到 econ.units 上。</translation>
    </message>
    <message>
        <source>Chip price</source>
        <translation>芯片价格</translation>
    </message>
    <message>
        <source>What the owner pays for one chip (buy), on its 8-way board without the host; each reference chip gives its source in its notes (H100 25,000, B200 35,000 USD). 0 = not priced.</source>
        <translation>拥有者购买一颗芯片（buy）的价格，按 8 路板卡计、不含主机；每颗参考芯片在其备注中给出来源（H100 25,000 美元，B200 35,000 美元）。0 = 未定价。</translation>
    </message>
    <message>
        <source>Units built</source>
        <translation>生产数量</translation>
    </message>
    <message>
        <source>Chips made over the design&apos;s life; the NRE is spread over them (build). Default 1 M: an estimate.</source>
        <translation>设计生命周期内生产的芯片数；NRE 分摊到这些芯片上（build）。默认 100 万：估计值。</translation>
    </message>
    <message>
        <source>Design NRE</source>
        <translation>设计 NRE</translation>
    </message>
    <message>
        <source>Design, IP licences, masks and bring-up of an in-house chip (build). Default 390 M USD: an N3 design, 350 M USD of design (IBS 581 M as the high end, 2023; 30-100 M for lean start-ups) plus a 40 M USD mask set (SemiAnalysis). N5: ~270 M, N7: ~160 M.</source>
        <translation>自研芯片的设计、IP 授权、掩模和流片调试费用（build）。默认 3.9 亿美元：一款 N3 设计，其中设计费 3.5 亿美元（IBS 2023 年给出的上限为 5.81 亿；精简的初创公司为 3000 万至 1 亿）加 4000 万美元的掩模组（SemiAnalysis）。N5：约 2.7 亿，N7：约 1.6 亿。</translation>
    </message>
    <message>
        <source>Design-partner margin</source>
        <translation>设计伙伴利润率</translation>
    </message>
    <message>
        <source>Margin of the design partner on the manufacturing cost, as a fraction of it (build). Default 0.5: Broadcom- or Marvell-type custom accelerators (Bernstein assumes a 50 % ASIC margin; range 0.35-0.65); turnkey houses (Alchip, GUC) run 0.15-0.25.</source>
        <translation>设计伙伴在制造成本上的利润，以制造成本的比例表示（build）。默认 0.5：博通或 Marvell 类定制加速器（Bernstein 假设 ASIC 利润率为 50 %；范围 0.35-0.65）；交钥匙设计公司（世芯、创意电子）为 0.15-0.25。</translation>
    </message>
    <message>
        <source>System per chip</source>
        <translation>每芯片系统成本</translation>
    </message>
    <message>
        <source>Host CPUs, memory, storage, NICs, chassis, board and power supplies, per chip. Default 4,000 USD: host CPU, DRAM, NIC and storage per GPU of a DGX (2,600-6,000). Merchant GPU servers: ~0.4 x the GPU price (an 8-way server costs ~1.4x its GPUs: SemiAnalysis; Epoch 1.64, 1.3-2.1).</source>
        <translation>每芯片分摊的主机 CPU、内存、存储、网卡、机箱、主板和电源。默认 4,000 美元：DGX 中每 GPU 的主机 CPU、DRAM、网卡和存储（2,600-6,000）。商用 GPU 服务器：约为 GPU 价格的 0.4 倍（8 路服务器约为其 GPU 价格的 1.4 倍：SemiAnalysis；Epoch 1.64，1.3-2.1）。</translation>
    </message>
    <message>
        <source>Network per chip</source>
        <translation>每芯片网络成本</translation>
    </message>
    <message>
        <source>Scale-up switches, cables and optics, and the chip&apos;s share of the scale-out fabric. Default 5,000 USD; ~15 % of the server cost in analyst models (Epoch: 19 % of cluster cost; range 8-30 %).</source>
        <translation>纵向扩展交换机、线缆和光模块，以及该芯片在横向扩展网络中的份额。默认 5,000 美元；分析师模型中约为服务器成本的 15 %（Epoch：集群成本的 19 %；范围 8-30 %）。</translation>
    </message>
    <message>
        <source>System power per chip</source>
        <translation>每芯片系统功耗</translation>
    </message>
    <message>
        <source>Power of the chip&apos;s share of hosts and network, added to the chip&apos;s own power. Default 600 W; SemiAnalysis all-in power per chip less its TDP: H100 670 W, B200 710 W, TPU v7 230 W.</source>
        <translation>该芯片分摊的主机和网络功耗，加在芯片自身功耗之上。默认 600 W；SemiAnalysis 每芯片总功耗减去其 TDP：H100 670 W，B200 710 W，TPU v7 230 W。</translation>
    </message>
    <message>
        <source>Data-centre capex</source>
        <translation>数据中心资本支出</translation>
    </message>
    <message>
        <source>Building, power and cooling per kW of IT load. Default 12,000 USD/kW: US average 11.7 M USD per MW of critical load, 9.3-15.0 M by market (Cushman &amp; Wakefield 2025); CBRE 10.7 M.</source>
        <translation>每 kW IT 负载的建筑、供电和冷却费用。默认 12,000 美元/kW：美国平均每 MW 关键负载 1170 万美元，各市场 930 万至 1500 万（Cushman &amp; Wakefield 2025）；CBRE 1070 万。</translation>
    </message>
    <message>
        <source>Data-centre life</source>
        <translation>数据中心寿命</translation>
    </message>
    <message>
        <source>Years over which the building is paid off. Default 15 (an estimate; 10-20).</source>
        <translation>建筑的折旧年限。默认 15（估计值；10-20）。</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Facility power over IT power (cooling, conversion losses). Default 1.25 (Epoch for non-hyperscalers); Google fleet 1.10 (2023); industry average 1.56 (Uptime Institute 2024).</source>
        <translation>设施总功耗与 IT 功耗之比（冷却、转换损耗）。默认 1.25（Epoch 对非超大规模运营商的取值）；Google 机群 1.10（2023）；行业平均 1.56（Uptime Institute 2024）。</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Price of the energy the facility draws. Default 0.08 USD/kWh: US industrial 7.7 (2024) to 8.3 cents (2025, EIA); 0.055-0.15 by state.</source>
        <translation>设施用电的价格。默认 0.08 美元/kWh：美国工业电价 7.7（2024）至 8.3 美分（2025，EIA）；各州 0.055-0.15。</translation>
    </message>
    <message>
        <source>Depreciation</source>
        <translation>折旧年限</translation>
    </message>
    <message>
        <source>Years over which chips, systems and network are paid off. Default 5: hyperscaler server book lives 5-6 years (Microsoft, Alphabet 6; Meta 5.5; Amazon 5 for part of its fleet, 2025 filings); Epoch 5.</source>
        <translation>芯片、系统和网络的折旧年限。默认 5：超大规模运营商的服务器账面寿命为 5-6 年（微软、Alphabet 6；Meta 5.5；亚马逊部分机群 5，2025 年财报）；Epoch 5。</translation>
    </message>
    <message>
        <source>Cost of capital</source>
        <translation>资本成本</translation>
    </message>
    <message>
        <source>Yearly rate on the capital tied up (capital recovery factor). Default 9 %: between investment-grade financing (~6 %) and neocloud debt (CoreWeave 7-15 %, 2025 10-Q); an estimate.</source>
        <translation>占用资本的年利率（资本回收系数）。默认 9 %：介于投资级融资（约 6 %）和新兴云厂商债务（CoreWeave 7-15 %，2025 年 10-Q）之间；估计值。</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Fraction of hours the chip serves at the modelled throughput; idle hours cost capital and static power. Default 0.7 (an estimate; ~70 % is where debt-financed GPU clouds break even, 0.4-0.9).</source>
        <translation>芯片以模型吞吐量提供服务的时间比例；空闲时间同样产生资本和静态功耗成本。默认 0.7（估计值；约 70 % 是债务融资 GPU 云的盈亏平衡点，0.4-0.9）。</translation>
    </message>
    <message>
        <source>Fleet power budget</source>
        <translation>机群功率预算</translation>
    </message>
    <message>
        <source>Provisioned power of a fleet (chips + system share, times PUE): how many chips, what capital and what tokens per day it buys. Default 1,000 MW (1 GW: the unit of today&apos;s deployments).</source>
        <translation>机群的供电容量（芯片 + 系统分摊，乘以 PUE）：可购买多少芯片、多少资本支出、每天多少词元。默认 1,000 MW（1 GW：当今部署的规模单位）。</translation>
    </message>
    <message>
        <source>I/O dies per package</source>
        <translation>每封装 I/O 裸片数</translation>
    </message>
    <message>
        <source>Separate I/O dies holding the global SRAM, HBM PHYs and controllers, link SerDes and die-to-die PHYs, on their own process node (MI300X: 4). 0: all of it on the compute dies.</source>
        <translation>独立的 I/O 裸片，承载全局 SRAM、HBM PHY 与控制器、链路 SerDes 和裸片间 PHY，采用其自身的工艺节点（MI300X：4 个）。0：全部位于计算裸片上。</translation>
    </message>
    <message>
        <source>I/O die placement</source>
        <translation>I/O 裸片布局</translation>
    </message>
    <message>
        <source>beside: I/O dies next to the compute dies on the interposer; under: compute dies stacked on the I/O dies, which must then be at least as large as the dies they carry plus their edge PHYs (MI300X).</source>
        <translation>beside：I/O 裸片与计算裸片并排放置在中介层上；under：计算裸片堆叠在 I/O 裸片之上，此时 I/O 裸片面积至少为其承载的裸片面积加上边缘 PHY 面积（MI300X）。</translation>
    </message>
    <message>
        <source>I/O die process node</source>
        <translation>I/O 裸片工艺节点</translation>
    </message>
    <message>
        <source>Process node of the I/O dies (used when package.io_dies &gt; 0): sets their SRAM density, wafer price and defect density.</source>
        <translation>I/O 裸片的工艺节点（package.io_dies &gt; 0 时使用）：决定其 SRAM 密度、晶圆价格和缺陷密度。</translation>
    </message>
    <message>
        <source>All-reduce bus bandwidth of 8 chips when the switch sums the data in flight (NVLink SHARP, NVSwitch 3 and later) over the ring&apos;s; 1 = the switch cannot reduce (8xH100 NCCL: ~480 GB/s NVLS against ~370 GB/s ring = 1.3). Each chip sends and receives its buffer once, so smaller groups gain less (2 chips: nothing). Needs topology switch.</source>
        <translation>交换机在传输中完成求和时（NVLink SHARP，NVSwitch 3 及以后）8 颗芯片的全归约总线带宽与环形算法之比；1 = 交换机不能归约（8×H100 NCCL：NVLS 约 480 GB/s，环形约 370 GB/s，即 1.3）。每颗芯片只收发一次自己的缓冲区，因此较小的组增益较小（2 颗芯片：无增益）。需要拓扑为 switch。</translation>
    </message>
    <message>
        <source>Collective library latency</source>
        <translation>集合通信库延迟</translation>
    </message>
    <message>
        <source>Collective library window</source>
        <translation>集合通信库窗口</translation>
    </message>
    <message>
        <source>Bytes each chip sends before the collective library&apos;s pipeline streams at full rate: an all-reduce that sends s bytes per chip takes its bandwidth term times 1 + W / (s + W), about twice the data time well below the window and once far above it (the pipeline fills and drains in chunks that grow with the buffer). Set from one mid-size nccl-tests row per system (8xH200 NVLS, 32 MiB: 298 GB/s bus bandwidth). Applies to library calls only, like the library latency.</source>
        <translation>每个芯片在集合通信库的流水线达到满速之前发送的字节数：每芯片发送 s 字节的 all-reduce，其带宽项乘以 1 + W / (s + W)；远小于窗口时数据时间约计两次，远大于窗口时只计一次（流水线以随缓冲区增大的分块填充和排空）。由每个系统的一条中等大小 nccl-tests 数据设定（8×H200 NVLS，32 MiB：总线带宽 298 GB/s）。与库延迟一样，只适用于库调用。</translation>
    </message>
    <message>
        <source>MoE call overhead</source>
        <translation>MoE 调用开销</translation>
    </message>
    <message>
        <source>Fixed time of one fused MoE layer call beyond its two grouped GEMMs&apos; per-op overhead (routing, sorting, expand, activation and finalise kernels); what an MoE layer costs however few tokens it routes (H200: 21.4 us, TensorRT-LLM&apos;s fused MoE).</source>
        <translation>一次融合 MoE 层调用在其两个分组 GEMM 的每算子开销之外的固定时间（路由、排序、展开、激活与收尾内核）；无论路由多少词元，一个 MoE 层都要付出的代价（H200：21.4 us，TensorRT-LLM 融合 MoE）。</translation>
    </message>
    <message>
        <source>Engine all-reduce efficiency</source>
        <translation>引擎 all-reduce 效率</translation>
    </message>
    <message>
        <source>Fixed time per op beyond its bytes and FLOPs: launch, pipeline fill and drain (H100: 4 us, TensorRT-LLM Linear layers under CUDA graphs). Collectives carry their own fixed cost instead (link.latency_us, link.library_latency_us).</source>
        <translation>每个算子在字节与 FLOPs 之外的固定时间：启动、流水线填充与排空（H100：4 us，CUDA graphs 下的 TensorRT-LLM Linear 层）。集合通信改用其自身的固定开销（link.latency_us、link.library_latency_us）。</translation>
    </message>
    <message>
        <source>Fixed cost of one collective call in the vendor&apos;s collective library (NCCL, RCCL) beyond the kernel launch (efficiency.op_overhead_us), as nccl-tests measures it at its smallest message (8xH100 NVLS, 1 KiB: 25.6 us less the 4 us launch). Serving engines call the library for all-gathers and reduce-scatters, and for an all-reduce past their workspace or where it beats their own one-shot kernel (link.latency_us).</source>
        <translation>厂商集合通信库（NCCL、RCCL）中一次集合通信调用在内核启动（efficiency.op_overhead_us）之外的固定开销，按 nccl-tests 在最小消息下的测量（8xH100 NVLS，1 KiB：25.6 us 减去 4 us 启动）。推理引擎的 all-gather 与 reduce-scatter 调用该库；all-reduce 在超出其工作区或比自带 one-shot 内核（link.latency_us）更快时也调用该库。</translation>
    </message>
    <message>
        <source>FP4 time per K element</source>
        <translation>FP4 每个 K 元素的时间</translation>
    </message>
    <message>
        <source>Time an NVFP4 GEMM tile&apos;s main loop takes per element of K it walks: the GEMM takes at least K x this however few its tokens, since a few tiles cannot share K among the cores (B200: 1.34 ns, TensorRT-LLM&apos;s NVFP4 Linear layer at one token, whatever N). 0: no such floor.</source>
        <translation>NVFP4 GEMM 分块的主循环沿 K 维每推进一个元素所需的时间：无论词元多少，GEMM 至少需要 K × 该值，因为少量分块无法把 K 分给各个核心（B200：1.34 ns，TensorRT-LLM 的 NVFP4 Linear 层在单个词元时的计时，与 N 无关）。0：没有这一下限。</translation>
    </message>
    <message>
        <source>Attention time per request and KV head</source>
        <translation>注意力每请求每 KV 头时间</translation>
    </message>
    <message>
        <source>Prompt attention time per token and head</source>
        <translation>提示注意力每词元每头时间</translation>
    </message>
    <message>
        <source>16-bit KV attention call overhead</source>
        <translation>16 位 KV 注意力调用开销</translation>
    </message>
    <message>
        <source>16-bit KV attention per request and KV head</source>
        <translation>16 位 KV 注意力每请求每 KV 头时间</translation>
    </message>
    <message>
        <source>FP8 dynamic-scale overhead</source>
        <translation>FP8 动态缩放开销</translation>
    </message>
    <message>
        <source>Time an FP8 GEMM layer that quantises its activations with a dynamic per-tensor scale takes per call beyond the max-reduction and quantising kernels and its own launch: what one token&apos;s such layer costs beyond its weights and launches (B200: 3.05 us, H100: 0.66 us, TensorRT-LLM&apos;s FP8 Linear layer without an input scale). A bare FP8 GEMM, or one with a static scale fused into the op before (as serving engines run), does not pay it. 0: none.</source>
        <translation>以动态逐张量缩放量化其激活值的 FP8 GEMM 层，每次调用在最大值归约与量化内核及其自身启动之外多花的时间：单个 token 的此类层在权重与启动之外的开销（B200：3.05 us，H100：0.66 us；TensorRT-LLM 无输入缩放的 FP8 Linear 层）。裸 FP8 GEMM，或静态缩放已融合进前一算子（服务引擎的做法）的 GEMM 不付此开销。0：无。</translation>
    </message>
    <message>
        <source>Prompt attention softmax per score</source>
        <translation>提示注意力每个分数的 softmax 时间</translation>
    </message>
    <message>
        <source>Time a prompt-attention kernel spends on each score&apos;s softmax (one query token, one key, one query head) that its matmuls do not hide, added to the kernel; it does not shrink with a narrower format, so FP8 prompt attention gains less over bf16 than its matmuls (H100: TensorRT-LLM context attention over 16 prompts of 8192 tokens). 0: at the vector lanes&apos; rate.</source>
        <translation>提示注意力内核在每个分数（一个查询 token、一个键、一个查询头）的 softmax 上所花、未被其矩阵乘法掩盖的时间，计入内核；它不随更窄的格式缩短，因此 FP8 提示注意力相对 bf16 的提速小于其矩阵乘法（H100：TensorRT-LLM 上下文注意力，16 个 8192 token 的提示）。0：按向量单元的速率。</translation>
    </message>
    <message>
        <source>Attention: one pair&apos;s 1024 tokens alone</source>
        <translation>注意力：单个配对独处时 1024 个词元的时间</translation>
    </message>
    <message>
        <source>Attention: one pair&apos;s time per token</source>
        <translation>注意力：单个配对每个词元的时间</translation>
    </message>
    <message>
        <source>Attention: tokens per split block</source>
        <translation>注意力：每个切分块的词元数</translation>
    </message>
    <message>
        <source>Cached tokens per thread block below which a decode-attention kernel does not split a (request, KV head) pair&apos;s context over another block; a split pair pays efficiency.attention_pair_ns once per block. The kernel takes one block per this many tokens, at most round(sqrt(8 x that)), and fewer where the pairs&apos; blocks would fill more than 8 waves of the cores (H100: 128, TensorRT-LLM&apos;s XQA kernel, decoderXQAImplCommon.h computeMultiBlockCount). 0: one block per pair.</source>
        <translation>缓存词元数低于此值时，解码注意力内核不会把一个（请求，KV 头）配对的上下文再分给另一个线程块；被切分的配对每个块都要付出一次 efficiency.attention_pair_ns。内核每这么多个词元用一个块，至多 round(sqrt(8 × 该数))，且当所有配对的块会超过核心的 8 轮时再减少（H100：128，TensorRT-LLM 的 XQA 内核，decoderXQAImplCommon.h computeMultiBlockCount）。0：每个配对一个块。</translation>
    </message>
    <message>
        <source>Attention: blocks within the call&apos;s fixed time</source>
        <translation>注意力：调用固定时间内的线程块数</translation>
    </message>
    <message>
        <source>16-bit KV attention: blocks within the fixed time</source>
        <translation>16 位 KV 注意力：固定时间内的线程块数</translation>
    </message>
    <message>
        <source>efficiency.attention_wave_blocks for a decode-attention call over a 16-bit KV cache with grouped-query heads, where the engine runs those in a kernel of their own. 0: as efficiency.attention_wave_blocks.</source>
        <translation>在 16 位 KV 缓存且采用分组查询头的解码注意力调用中的 efficiency.attention_wave_blocks，引擎为此使用单独的内核。0：与 efficiency.attention_wave_blocks 相同。</translation>
    </message>
    <message>
        <source>Attention time per query head a block serves</source>
        <translation>注意力：线程块每个查询头的时间</translation>
    </message>
    <message>
        <source>Attention call time per query head</source>
        <translation>注意力：调用每个查询头的时间</translation>
    </message>
    <message>
        <source>Prompt attention call overhead</source>
        <translation>提示注意力调用开销</translation>
    </message>
    <message>
        <source>Least time per cached token of one (request, KV head) pair in a decode-attention kernel: the kernel splits a pair&apos;s context over a capped number of thread blocks, so a pair alone takes its tokens x this however idle the bandwidth (B200: 252 ps, TensorRT-LLM decode attention at one request of 65535 tokens). A floor under the kernel&apos;s compute; with efficiency.attention_pair_1k_us the slower binds. 0: none.</source>
        <translation>解码注意力内核中单个（请求，KV 头）配对每个缓存词元的最短时间：内核把一个配对的上下文分给数量有上限的线程块，因此独处的配对需要其词元数 × 此值，无论带宽有多空闲（B200：252 ps，TensorRT-LLM 在一个请求、65535 个词元时的解码注意力）。这是内核计算时间的下限；与 efficiency.attention_pair_1k_us 一起时取较慢者。0：无。</translation>
    </message>
    <message>
        <source>Time a prompt-attention kernel spends on each (prompt token, query head) beyond its FLOPs, added to its compute: short prompts cost more than their FLOPs (B200: 0.37 ns, TensorRT-LLM context attention at 16 prompts of 512 tokens). 0: none.</source>
        <translation>提示注意力内核在每个（提示词元，查询头）上、超出其 FLOPs 之外所花的时间，计入其计算时间：短提示的开销高于其 FLOPs（B200：0.37 ns，TensorRT-LLM 上下文注意力，16 个 512 词元的提示）。0：无。</translation>
    </message>
    <message>
        <source>Fixed time of one prompt-attention call beyond its two launches (the kernel that ropes and caches the keys, then the attention kernel): what one short prompt costs however few its FLOPs (H100: 6.7 us, TensorRT-LLM context attention at one prompt of 128 tokens, against 1.25 us for a decode call). 0: as efficiency.attention_overhead_us.</source>
        <translation>一次提示注意力调用在其两次启动（对键做旋转位置编码并写入缓存的内核，以及注意力内核）之外的固定时间：一个短提示无论 FLOPs 多少都要付出的开销（H100：6.7 us，TensorRT-LLM 上下文注意力，一个 128 词元的提示；解码调用为 1.25 us）。0：与 efficiency.attention_overhead_us 相同。</translation>
    </message>
    <message>
        <source>Quantising-pass efficiency</source>
        <translation>量化遍效率</translation>
    </message>
    <message>
        <source>Achievable fraction of memory bandwidth when attention reads the paged KV cache, beyond each call&apos;s fixed cost and its per-request work (H100: 0.83, TensorRT-LLM decode attention with an FP8 KV cache).</source>
        <translation>注意力读取分页 KV 缓存时可达到的内存带宽比例，不计每次调用的固定开销及其每请求工作（H100：0.83，TensorRT-LLM 使用 FP8 KV 缓存的解码注意力）。</translation>
    </message>
    <message>
        <source>Fixed time of one attention kernel call beyond the per-op overhead (split-KV reduction, page-table walk); with efficiency.attention and efficiency.attention_pair_ns it reproduces decode-attention timings over sizes (H100: 1.16 us, TensorRT-LLM, and 103 ns more a query head of a block&apos;s group: efficiency.attention_head_overhead_ns).</source>
        <translation>一次注意力内核调用在每算子开销之外的固定时间（split-KV 归约、页表遍历）；与 efficiency.attention 和 efficiency.attention_pair_ns 一起复现各规模的解码注意力时间（H100：1.16 us，TensorRT-LLM；线程块所服务的组中每个查询头再加 103 ns：efficiency.attention_head_overhead_ns）。</translation>
    </message>
    <message>
        <source>Thread blocks of a decode-attention call that cost nothing beyond its fixed time: its first wave runs side by side in the time one block takes, which a one-request call already pays (efficiency.attention_overhead_us), so only the blocks beyond these add efficiency.attention_pair_ns each (H100: 111, about 0.8 per SM, fitted with efficiency.attention_pair_ns to TensorRT-LLM decode attention at 15 cached tokens, where 16 requests take hardly longer than one). 0: every block adds.</source>
        <translation>解码注意力调用中除固定时间外不再增加耗时的线程块数：第一波线程块在单个线程块所需的时间内并行运行，而单请求调用已经支付了这段时间（efficiency.attention_overhead_us），因此只有超出这些的线程块各增加 efficiency.attention_pair_ns（H100：111，约每个 SM 0.8 个，与 efficiency.attention_pair_ns 一起拟合 TensorRT-LLM 在 15 个缓存词元下的解码注意力，其中 16 个请求几乎不比 1 个请求更慢）。0：每个线程块都增加耗时。</translation>
    </message>
    <message>
        <source>Multi-head attention KV efficiency</source>
        <translation>多头注意力 KV 效率</translation>
    </message>
    <message>
        <source>Multi-head attention call overhead</source>
        <translation>多头注意力调用开销</translation>
    </message>
    <message>
        <source>Multi-head attention per request and KV head</source>
        <translation>多头注意力每请求每 KV 头时间</translation>
    </message>
    <message>
        <source>Multi-head attention: blocks within the fixed time</source>
        <translation>多头注意力：固定时间内的线程块数</translation>
    </message>
    <message>
        <source>efficiency.attention_wave_blocks for a decode-attention call whose query heads each have a KV head of their own (H100: 381 blocks, TensorRT-LLM&apos;s masked multi-head attention kernel). 0: as efficiency.attention_wave_blocks.</source>
        <translation>efficiency.attention_wave_blocks 在每个查询头都有自己的 KV 头时的解码注意力调用中的取值（H100：381 个线程块，TensorRT-LLM 的 masked multi-head attention 内核）。0：与 efficiency.attention_wave_blocks 相同。</translation>
    </message>
    <message>
        <source>efficiency.attention_overhead_us for a decode-attention call whose query heads each have a KV head of their own, where the engine runs those in a kernel of its own (H100: 4.90 us against 1.16 in the grouped-query kernel, with efficiency.attention_head_overhead_ns for its one query head, TensorRT-LLM). 0: as efficiency.attention_overhead_us.</source>
        <translation>efficiency.attention_overhead_us 在每个查询头都有自己的 KV 头时的解码注意力调用中的取值：引擎为此运行单独的内核（H100：4.90 us，分组查询内核为 1.16；其唯一的查询头另加 efficiency.attention_head_overhead_ns；TensorRT-LLM）。0：与 efficiency.attention_overhead_us 相同。</translation>
    </message>
    <message>
        <source>efficiency.attention_pair_ns for a decode-attention call whose query heads each have a KV head of their own: one thread block a head (H100: 13.26 ns and efficiency.attention_head_ns, TensorRT-LLM&apos;s masked multi-head attention kernel). 0: as efficiency.attention_pair_ns.</source>
        <translation>efficiency.attention_pair_ns 在每个查询头都有自己的 KV 头时的解码注意力调用中的取值：每个头一个线程块（H100：13.26 ns 加 efficiency.attention_head_ns，TensorRT-LLM 的 masked multi-head attention 内核）。0：与 efficiency.attention_pair_ns 相同。</translation>
    </message>
    <message>
        <source>Prompt attention query tile</source>
        <translation>提示注意力查询分块</translation>
    </message>
    <message>
        <source>Query tokens each thread block of a prompt-attention kernel takes. A causal prompt&apos;s last tile walks all its keys, and the blocks start in order, longest first: with few prompts and query heads a chip the cores wait on those tiles, so the matmuls and softmax run below the chip&apos;s rate (H100: 128; TensorRT-LLM context attention, one prompt of 2048 tokens with 4 query heads a chip takes 43 us where 32 heads take 125). 0: every core busy.</source>
        <translation>提示注意力内核的每个线程块处理的查询词元数。因果提示的最后一个分块要遍历其全部键，且线程块按顺序启动、最长的先行：每芯片提示和查询头较少时，核心要等待这些分块，矩阵乘和 softmax 低于芯片速率运行（H100：128；TensorRT-LLM 上下文注意力，每芯片 4 个查询头、一个 2048 词元的提示需 43 us，32 个头需 125 us）。0：所有核心都忙。</translation>
    </message>
    <message>
        <source>Attention fallback kernel: time per token</source>
        <translation>注意力回退内核：每个 token 的时间</translation>
    </message>
    <message>
        <source>Attention fallback kernel: merge</source>
        <translation>注意力回退内核：合并</translation>
    </message>
    <message>
        <source>Attention: RoPE pass of its own</source>
        <translation>注意力：单独的 RoPE 处理</translation>
    </message>
    <message>
        <source>Time a decode-attention call over an 8-bit cache with grouped-query heads adds where its kernel cannot rope the queries and keys itself, so a kernel of its own does it first: a model whose RoPE is YaRN (gpt-oss, DeepSeek-V3; its model key rope). H100: 1.98 us, TensorRT-LLM&apos;s Hopper XQA kernel ropes NeoX, GPT-J and LongRoPE in-kernel, others in a preprocessing kernel (gpt-oss-120b at one request of 15 tokens: 7.8-8.1 us against 5.7-7.2 for the Llama layouts). 0: none.</source>
        <translation>在分组查询头、8 位缓存的解码注意力调用中，若内核无法自行对查询和键做 RoPE 旋转，需先由单独的内核完成，所增加的时间：RoPE 为 YaRN 的模型（gpt-oss、DeepSeek-V3；其模型键 rope）。H100：1.98 us，TensorRT-LLM 的 Hopper XQA 内核在内核中完成 NeoX、GPT-J 和 LongRoPE，其他方式由预处理内核完成（gpt-oss-120b 单个请求 15 个词元：7.8-8.1 us，Llama 布局为 5.7-7.2）。0：无。</translation>
    </message>
    <message>
        <source>Time a thread block of the engine&apos;s fallback decode-attention kernel spends on each cached token it walks, one after another, at most 128 a block. The kernel runs heads that each have a KV head of their own, and a 16-bit cache&apos;s grouped-query heads where (request, KV head) pairs x their 128-token blocks x 4 stay below the cores (H100: 17.1 ns, TensorRT-LLM&apos;s masked multi-head attention, one request of 127 tokens). A floor under the kernel&apos;s compute. 0: no fallback.</source>
        <translation>引擎的回退解码注意力内核中，一个线程块逐个遍历其缓存 token 时每个 token 所花的时间，每块至多 128 个。该内核运行每个查询头各有自己 KV 头的布局，以及 16 位缓存的分组查询头在（请求，KV 头）对数 × 其 128 token 块数 × 4 仍少于核心数时的情形（H100：17.1 ns，TensorRT-LLM 的 masked multi-head attention，一个请求、127 个 token）。内核计算时间的下限。0：无回退。</translation>
    </message>
    <message>
        <source>Time the engine&apos;s fallback decode-attention kernel adds when it splits a context of more than 128 tokens over several thread blocks and merges their partial results (H100: 5.0 us, TensorRT-LLM&apos;s masked multi-head attention, one request of 1023 tokens). 0: none.</source>
        <translation>引擎的回退解码注意力内核把超过 128 个 token 的上下文拆分到多个线程块并合并其部分结果时增加的时间（H100：5.0 us，TensorRT-LLM 的 masked multi-head attention，一个请求、1023 个 token）。0：无。</translation>
    </message>
    <message>
        <source>16-bit KV attention KV efficiency</source>
        <translation>16 位 KV 注意力 KV 效率</translation>
    </message>
    <message>
        <source>efficiency.attention for a decode-attention call over a 16-bit KV cache, where the engine runs those in kernels of their own (H100: 0.89 and H200: 0.855 of the HBM peak, TensorRT-LLM&apos;s kernels for a 16-bit cache, grouped-query and multi-head, against 0.833 and 0.765 with an FP8 cache). 0: as efficiency.attention.</source>
        <translation>efficiency.attention 在 16 位 KV 缓存的解码注意力调用中的取值：引擎为此运行单独的内核（H100：0.89，H200：0.855，相对 HBM 峰值；TensorRT-LLM 用于 16 位缓存的分组查询与多头内核，FP8 缓存时为 0.833 和 0.765）。0：与 efficiency.attention 相同。</translation>
    </message>
    <message>
        <source>efficiency.attention for a decode-attention call over an 8-bit KV cache whose query heads each have a KV head of their own (multi-head attention), where the engine runs those in a kernel of its own that converts each element before its math (H100: 0.758 and H200: 0.577, about 2.5-2.8 T elements/s, TensorRT-LLM&apos;s masked multi-head attention kernel, against 0.83 in its grouped-query XQA kernel). A 16-bit cache streams at efficiency.attention_16bit. 0: as efficiency.attention.</source>
        <translation>efficiency.attention 在 8 位 KV 缓存、且每个查询头都有自己的 KV 头（多头注意力）时的解码注意力调用中的取值：引擎为此运行单独的内核，该内核在计算前逐元素转换数据（H100：0.758，H200：0.577，约每秒 2.5-2.8 T 个元素；TensorRT-LLM 的 masked multi-head attention 内核，其分组查询 XQA 内核为 0.83）。16 位缓存按 efficiency.attention_16bit 读取。0：与 efficiency.attention 相同。</translation>
    </message>
    <message>
        <source>Time one (request, KV head) pair&apos;s first 1024 cached tokens take in a decode-attention kernel when the pair is alone: the kernel splits a pair&apos;s context over thread blocks whose number grows as the square root of its length (each split adds a merge of partial results), so C tokens take this x sqrt(C / 1024) however idle the bandwidth (H100: 2.04 us, TensorRT-LLM decode attention at one request of 65535 tokens). A floor under the kernel&apos;s compute; with efficiency.attention_pair_token_ps the slower binds. 0: none.</source>
        <translation>单个（请求，KV 头）配对独处时，解码注意力内核处理其前 1024 个缓存词元所需的时间：内核把一个配对的上下文分给若干线程块，其数量随长度的平方根增长（每次切分都要合并一次部分结果），因此 C 个词元需要此值 × sqrt(C / 1024)，无论带宽有多空闲（H100：2.04 us，TensorRT-LLM 在一个请求、65535 个词元时的解码注意力）。这是内核计算时间的下限；与 efficiency.attention_pair_token_ps 一起时取较慢者。0：无。</translation>
    </message>
    <message>
        <source>Alpha of the alpha-beta model: time per synchronisation step of a collective, its launch included (one-shot all-reduce: 2 steps, two-shot: 4, ring: 2(n-1)); H100: 1.27 us, half the intercept of TensorRT-LLM&apos;s custom all-reduce of 256 B over the GPU count (2.7-3.2 us on 2-8 GPUs; its slope per peer is link.peer_latency_us).</source>
        <translation>alpha-beta 模型中的 alpha：集合通信每个同步步骤的时间，含内核启动（one-shot all-reduce：2 步，two-shot：4 步，ring：2(n-1) 步）；H100：1.27 us，即 TensorRT-LLM 自带 all-reduce 处理 256 B 的时间随 GPU 数拟合直线的截距的一半（2-8 个 GPU 上 2.7-3.2 us；其每个对端的斜率为 link.peer_latency_us）。</translation>
    </message>
    <message>
        <source>Collective latency per peer</source>
        <translation>集合通信每个对端的延迟</translation>
    </message>
    <message>
        <source>What an engine&apos;s own all-reduce kernel adds per peer in each round of direct exchange (one-shot: one round, two-shot: two), beyond link.latency_us: the flags it sets and waits on, the partial sums it reads from each peer. H100: 0.10 us, the slope of TensorRT-LLM&apos;s custom all-reduce of 256 B over 2, 4 and 8 GPUs (2.66, 2.80 and 3.23 us).</source>
        <translation>推理引擎自带 all-reduce 内核在每一轮直接交换（one-shot：一轮，two-shot：两轮）中每个对端额外增加的时间，在 link.latency_us 之外：它设置并等待的标志，以及从每个对端读取的部分和。H100：0.10 us，即 TensorRT-LLM 自带 all-reduce 处理 256 B 在 2、4、8 个 GPU 上（2.66、2.80、3.23 us）的斜率。</translation>
    </message>
    <message>
        <source>Achievable fraction of link bandwidth in a serving engine&apos;s own all-reduce kernels (one-shot; two-shot when asked for), which move the data with the chip&apos;s cores (H100: 0.62, TensorRT-LLM&apos;s custom all-reduce between two GPUs). The engine takes the faster of its one-shot kernel and the vendor library.</source>
        <translation>推理引擎自带 all-reduce 内核（one-shot；指定时为 two-shot）可达到的链路带宽比例，这些内核用芯片的计算核心搬运数据（H100：0.62，两个 GPU 之间的 TensorRT-LLM 自定义 all-reduce）。引擎在其 one-shot 内核与厂商库中取较快者。</translation>
    </message>
    <message>
        <source>Busy power floor</source>
        <translation>运行功耗底线</translation>
    </message>
    <message>
        <source>Operand energy per MAC</source>
        <translation>每次 MAC 的操作数能耗</translation>
    </message>
    <message>
        <source>FP4 time per output</source>
        <translation>FP4 每个输出元素的时间</translation>
    </message>
    <message>
        <source>Time an NVFP4 GEMM spends on each element of its output beyond its main loop, which the main loop does not hide (its tiles&apos; epilogues): what its time over K extrapolates to at K = 0, per output (B200: 0.25 ps, TensorRT-LLM&apos;s NVFP4 Linear layer at 16384 tokens, N = 4096). 0: none.</source>
        <translation>NVFP4 GEMM 在主循环之外为每个输出元素花费、且主循环无法掩盖的时间（其分块的收尾阶段 epilogue）：其耗时随 K 变化的直线外推到 K = 0 处、按每个输出计（B200：0.25 ps，TensorRT-LLM 的 NVFP4 Linear 层，16384 个 token，N = 4096）。0：无。</translation>
    </message>
    <message>
        <source>efficiency.attention_overhead_us for a decode-attention call over a 16-bit KV cache with grouped-query heads, where the engine runs those in a kernel of their own (H200: 4.3 us against 1.06 with an FP8 cache, TensorRT-LLM, whose FP8 kernel serves a query group in one thread block), without the per-query-head times. 0: as efficiency.attention_overhead_us, in the FP8 cache&apos;s kernel, per-query-head times included (Blackwell: TensorRT-LLM runs both caches in one kernel: 1024 requests at 15 tokens with 16 query heads a KV head take 1.35x what 4 take with a 16-bit cache on B200 and 1.34x with FP8, where H100&apos;s 16-bit kernel takes 1.11x and its FP8 one 1.81x).</source>
        <translation>efficiency.attention_overhead_us 在 16 位 KV 缓存且采用分组查询头时的取值：引擎为此运行单独的内核（H200：4.3 us，FP8 缓存为 1.06；TensorRT-LLM 的 FP8 内核在一个线程块中处理一个查询组），不含每查询头的时间。0：与 efficiency.attention_overhead_us 相同，运行 FP8 缓存的内核，含每查询头的时间（Blackwell：TensorRT-LLM 用同一个内核处理两种缓存：1024 个请求、15 个词元时，每 KV 头 16 个查询头的耗时在 B200 上为 4 个查询头的 1.35 倍（16 位缓存）与 1.34 倍（FP8），而 H100 的 16 位内核为 1.11 倍、其 FP8 内核为 1.81 倍）。</translation>
    </message>
    <message>
        <source>What each query head of the group a decode-attention thread block serves adds to the block&apos;s time beyond efficiency.attention_pair_ns (its queries&apos; softmax and output rows), on every block beyond the first wave (H100: 0.81 ns, TensorRT-LLM&apos;s XQA kernel with an FP8 cache: 1024 requests at 15 tokens take 11 ns a block with 4 query heads a KV head, 22 with 16), for 128-wide heads: a head of another width adds this x width / 128 (gpt-oss&apos;s 64-wide heads: 1024 requests take 77 us on H100 where Llama-2-70B&apos;s groups of 8 take 113). Not on a 16-bit cache&apos;s kernel of its own (Hopper&apos;s, whose blocks cost the same whatever the group); where a 16-bit cache has no call overhead of its own (efficiency.attention_16bit_overhead_us 0, Blackwell) it runs the FP8 cache&apos;s kernel and pays this too. 0: none.</source>
        <translation>解码注意力线程块所服务的组中每个查询头在 efficiency.attention_pair_ns 之外为该线程块增加的时间（其查询的 softmax 和输出行），作用于第一波之外的每个线程块（H100：0.81 ns，TensorRT-LLM 使用 FP8 缓存的 XQA 内核：1024 个请求、15 个词元时，每 KV 头 4 个查询头的线程块需 11 ns，16 个需 22 ns），按 128 宽的头计：其他宽度的头增加此值 × 宽度 / 128（gpt-oss 的 64 宽的头：1024 个请求在 H100 上需 77 us，而 Llama-2-70B 每组 8 个查询头需 113 us）。不作用于 16 位缓存自有的内核（Hopper 的内核，其线程块无论组大小耗时相同）；16 位缓存没有自己的调用开销时（efficiency.attention_16bit_overhead_us 为 0，Blackwell），它运行 FP8 缓存的内核，也计入此项。0：无。</translation>
    </message>
    <message>
        <source>What each query head of the group a decode-attention thread block serves adds to the call&apos;s fixed time, which holds one block&apos;s latency (H100: 103 ns, TensorRT-LLM&apos;s XQA kernel with an FP8 cache: one request at 15 tokens takes 5.8 us with 4 query heads a KV head, 7.0 with 16). Not on a 16-bit cache&apos;s kernel of its own (Hopper&apos;s). 0: none.</source>
        <translation>解码注意力线程块所服务的组中每个查询头为调用固定时间增加的时间，固定时间中包含一个线程块的延迟（H100：103 ns，TensorRT-LLM 使用 FP8 缓存的 XQA 内核：一个请求、15 个词元时，每 KV 头 4 个查询头需 5.8 us，16 个需 7.0 us）。不作用于 16 位缓存自有的内核（Hopper 的）。0：无。</translation>
    </message>
    <message>
        <source>Times measured at: cores</source>
        <translation>计时标定点：核心数</translation>
    </message>
    <message>
        <source>The core count at which this chip&apos;s measured times per thread block and per element hold: with more cores the work they share takes proportionally less (decode attention&apos;s blocks beyond the first wave, and that wave itself; prompt attention&apos;s time per token and per score; NVFP4&apos;s time per output). Call overheads do not scale. A design made from a measured chip keeps its count here (B200: 148). 0: the chip&apos;s own count (no scaling).</source>
        <translation>本芯片按线程块和按元素实测的时间所对应的核心数：核心越多，它们分担的工作耗时按比例减少（解码注意力第一波之后的线程块及该波本身；预填充注意力每词元和每分数的时间；NVFP4 每个输出的时间）。调用开销不随之缩放。由实测芯片派生的设计在此保留其核心数（B200：148）。0：芯片自身的核心数（不缩放）。</translation>
    </message>
    <message>
        <source>Times measured at: clock</source>
        <translation>计时标定点：时钟</translation>
    </message>
    <message>
        <source>The clock at which this chip&apos;s measured times per thread block and per element hold: every one of them scales with its inverse, the shared work and one block&apos;s serial walk alike (a pair alone, the fallback kernel&apos;s tokens, NVFP4&apos;s K steps). Call overheads do not scale. A design made from a measured chip keeps its clock here (B200: 1.856 GHz). 0: the chip&apos;s own clock (no scaling).</source>
        <translation>本芯片按线程块和按元素实测的时间所对应的时钟：这些时间都与其成反比，核心分担的工作与单个线程块的串行遍历皆然（单独一对、回退内核的词元、NVFP4 的 K 步）。调用开销不随之缩放。由实测芯片派生的设计在此保留其时钟（B200：1.856 GHz）。0：芯片自身的时钟（不缩放）。</translation>
    </message>
    <message>
        <source>In-switch reduction from</source>
        <translation>交换机内归约起始芯片数</translation>
    </message>
    <message>
        <source>The fewest chips of a group for which the collective library chooses in-switch reduction by itself; smaller groups run its ring (NCCL inside TensorRT-LLM: 4 H100s reach 355 GB/s of all-reduce bus bandwidth at 1 GiB, the ring&apos;s, where 8 reach 469 GB/s, 1.32x; 4 GB200s 626 GB/s against nccl-tests&apos; ring 647). An algorithm asked for by name runs whatever the group.</source>
        <translation>集合通信库自行选择交换机内归约的最少芯片数；更小的组运行其环形算法（TensorRT-LLM 内的 NCCL：4 块 H100 在 1 GiB 时的 all-reduce 总线带宽为 355 GB/s，即环形的水平，而 8 块为 469 GB/s，1.32 倍；4 块 GB200 为 626 GB/s，nccl-tests 环形为 647）。按名称指定的算法不论组大小都会运行。</translation>
    </message>
    <message>
        <source>Time a decode-attention kernel spends on each (request, KV head) pair beyond the KV it streams: one thread block&apos;s queries, softmax reductions and output. The kernel computes for at least pairs x this, which meets its KV bytes at the ridge, so large batches of short contexts cost more than their bytes (H200: 7.39 ns for 128-wide KV heads, TensorRT-LLM decode attention with an FP8 KV cache, and 0.68 ns more a query head of the block&apos;s group). 0: no such floor.</source>
        <translation>解码注意力内核在每个（请求，KV 头）配对上、超出其读取的 KV 之外所花的时间：一个线程块的查询、softmax 归约和输出。内核的计算时间至少为配对数 × 此值，并在屋脊点与其 KV 字节数相遇，因此大批量的短上下文开销高于其字节数（H200：128 宽 KV 头为 7.39 ns，TensorRT-LLM 使用 FP8 KV 缓存的解码注意力；线程块所服务的组中每个查询头再加 0.68 ns）。0：无此下限。</translation>
    </message>
    <message>
        <source>Attention: pair time&apos;s share by head width</source>
        <translation>注意力：配对时间随头宽增长的份额</translation>
    </message>
    <message>
        <source>Share of efficiency.attention_pair_ns, set for 128-wide KV heads, that grows with a KV head&apos;s width: the K and V rows a thread block loads and multiplies. A pair of a KV head w wide takes efficiency.attention_pair_ns x (1 - share + share x w / 128) (H100: 0.75, TensorRT-LLM&apos;s XQA kernel with an FP8 cache: 1024 requests at 15 tokens take 77 us with gpt-oss-120b&apos;s 64-wide heads, 94 with Llama-3.1-8B&apos;s 128-wide ones, both 8 KV heads with 512 query-head widths a block). 0: the width does not matter.</source>
        <translation>efficiency.attention_pair_ns（按 128 宽 KV 头设定）中随 KV 头宽度增长的份额：线程块加载并相乘的 K 和 V 行。宽为 w 的 KV 头的一个配对耗时 efficiency.attention_pair_ns × (1 - 份额 + 份额 × w / 128)（H100：0.75，TensorRT-LLM 使用 FP8 缓存的 XQA 内核：15 个 token 的 1024 个请求，gpt-oss-120b 的 64 宽头耗时 77 us，Llama-3.1-8B 的 128 宽头为 94 us，两者均为 8 个 KV 头、每个线程块 512 个查询头宽度单位）。0：与宽度无关。</translation>
    </message>
    <message>
        <source>efficiency.attention_pair_ns for a decode-attention call over a 16-bit KV cache with grouped-query heads (H200: 38 ns per request and KV head against 7.4 with an FP8 cache, TensorRT-LLM). 0: as efficiency.attention_pair_ns.</source>
        <translation>efficiency.attention_pair_ns 在 16 位 KV 缓存且采用分组查询头时的取值（H200：每请求每 KV 头 38 ns，FP8 缓存为 7.4；TensorRT-LLM）。0：与 efficiency.attention_pair_ns 相同。</translation>
    </message>
    <message>
        <source>16-bit KV attention: pair time by head width</source>
        <translation>16 位 KV 注意力：配对时间随头宽的份额</translation>
    </message>
    <message>
        <source>efficiency.attention_pair_width_share for the 16-bit KV cache&apos;s kernel (H100: 0.24, TensorRT-LLM: 1024 requests at 15 tokens take 275 us with gpt-oss-120b&apos;s 64-wide heads, 304 with Llama-3.1-8B&apos;s 128-wide ones). 0: as efficiency.attention_pair_width_share.</source>
        <translation>16 位 KV 缓存内核的 efficiency.attention_pair_width_share（H100：0.24，TensorRT-LLM：15 个 token 的 1024 个请求，gpt-oss-120b 的 64 宽头耗时 275 us，Llama-3.1-8B 的 128 宽头为 304 us）。0：与 efficiency.attention_pair_width_share 相同。</translation>
    </message>
    <message>
        <source>16-bit KV attention: one pair&apos;s 1024 tokens alone</source>
        <translation>16 位 KV 注意力：单个配对独处时 1024 个词元的时间</translation>
    </message>
    <message>
        <source>efficiency.attention_pair_1k_us for a decode-attention call over a 16-bit KV cache with grouped-query heads, where the engine runs those in a kernel of their own (efficiency.attention_16bit_overhead_us &gt; 0). That kernel runs a pair&apos;s chain after the KV stream of the blocks before it, so the time adds to the stream instead of meeting it at the ridge (H100: 0.98 us, TensorRT-LLM decode attention over a bf16 cache at one request of 65535 tokens). 0: as efficiency.attention_pair_1k_us.</source>
        <translation>efficiency.attention_pair_1k_us 在 16 位 KV 缓存且采用分组查询头、引擎为其另用专门内核时的取值（efficiency.attention_16bit_overhead_us &gt; 0）。该内核在之前线程块的 KV 流之后才运行一个配对的链，因此这段时间叠加在流上，而不是在拐点处与之汇合（H100：0.98 us，TensorRT-LLM 在 bf16 缓存、一个请求、65535 个词元时的解码注意力）。0：与 efficiency.attention_pair_1k_us 相同。</translation>
    </message>
    <message>
        <source>Attention: merge of a split pair</source>
        <translation>注意力：切分配对的合并</translation>
    </message>
    <message>
        <source>Time a (request, KV head) pair split over several thread blocks (efficiency.attention_split_tokens) adds to its time alone in the grouped-query decode-attention kernel over an 8-bit cache: the last of its blocks to finish reads the others&apos; partial results back, combines them and writes the output (H100: 1.05 us, TensorRT-LLM&apos;s XQA kernel in multi-block mode; one request of 1023 tokens takes 8.2-10.3 us where 127 tokens take 6.1-7.5). 0: none.</source>
        <translation>一个切分到多个线程块上的（请求，KV 头）配对（efficiency.attention_split_tokens）在 8 位缓存的分组查询解码注意力内核中额外增加的独处时间：其最后完成的线程块读回其余线程块的部分结果，将其合并并写出输出（H100：1.05 us，TensorRT-LLM 的 XQA 内核多块模式；一个请求 1023 个词元需 8.2-10.3 us，而 127 个词元需 6.1-7.5 us）。0：无。</translation>
    </message>
    <message>
        <source>Activations kept in SRAM</source>
        <translation>SRAM 中保留的激活</translation>
    </message>
    <message>
        <source>Share of the on-chip SRAM in which the activations one kernel writes stay for the next: an op&apos;s activations that fit in it stream at the SRAM rate, larger ones at HBM&apos;s. 1: all of it (a memory the compiler manages); H100: 0, its L2 is a cache that each kernel&apos;s weight and KV streams sweep (TensorRT-LLM&apos;s fused MoE op grows linearly in tokens through the 50 MB its activations pass at 4096 tokens of Qwen3-30B-A3B).</source>
        <translation>片上 SRAM 中可让一个内核写出的激活留给下一个内核的份额：能放进这部分的算子激活按 SRAM 速率传输，更大的按 HBM 速率。1：全部（由编译器管理的存储器）；H100：0，其 L2 是缓存，每个内核的权重流和 KV 流都会将其冲刷（TensorRT-LLM 的融合 MoE 算子在 Qwen3-30B-A3B 的 4096 个词元处，其激活越过 50 MB 时耗时仍随词元数线性增长）。</translation>
    </message>
    <message>
        <source>p in op time = (compute^p + memory^p)^(1/p): how sharply an op turns from memory- to compute-bound (1000: ideal roofline, max; 1: they add).</source>
        <translation>算子时间 = (计算^p + 内存^p)^(1/p) 中的 p：算子从内存受限转为计算受限的陡峭程度（1000：理想屋顶线，即取最大值；1：两者相加）。</translation>
    </message>
    <message>
        <source>Ridge sharpness of a GEMM</source>
        <translation>GEMM 的拐点锐度</translation>
    </message>
    <message>
        <source>p of efficiency.ridge_exponent for a dense GEMM (a fused MoE op&apos;s grouped GEMMs keep that one): a GEMM&apos;s pipelines load its operands under its matrix math, so it may turn more sharply from memory- to compute-bound than other kernels (H200: 3, cuBLAS bf16 GEMMs of 128 to 1024 rows on Scoville&apos;s own card). 0: as efficiency.ridge_exponent.</source>
        <translation>稠密 GEMM 的 efficiency.ridge_exponent 中的 p（融合 MoE 算子的分组 GEMM 仍用那个值）：GEMM 的流水线在矩阵运算之下加载操作数，因此它从内存受限转为计算受限可能比其他内核更陡（H200：3，Scoville 自有显卡上 128 到 1024 行的 cuBLAS bf16 GEMM）。0：同 efficiency.ridge_exponent。</translation>
    </message>
    <message>
        <source>Achievable fraction of HBM bandwidth in the kernels that quantise a GEMM layer&apos;s bf16 activations (FP8: a max-reduction pass and a quantising pass; NVFP4: one pass writing the block scales), which stream them at this rate wherever the cache holds them (TensorRT-LLM&apos;s FP8 Linear layer without an input scale: H100 0.88, H200 0.74, B200 0.67). Serving engines fuse the quantisation into the op before and do not pay it. 0: as efficiency.memory.</source>
        <translation>对 GEMM 层的 bf16 激活进行量化的内核可达到的 HBM 带宽比例（FP8：一遍求最大值归约与一遍量化；NVFP4：一遍量化并写出块缩放因子），无论缓存是否持有这些激活，都以此速率流式读写（TensorRT-LLM 未给定输入缩放的 FP8 Linear 层：H100 0.88，H200 0.74，B200 0.67）。服务引擎把量化融合进前一个算子，不付出这部分开销。0：与 efficiency.memory 相同。</translation>
    </message>
    <message>
        <source>Power of running silicon beyond its operations (leakage, clock trees, instruction issue) per mm2 of compute die and GHz of its clock, where readings of this chip set it; 0: the tech library&apos;s power.static_w_per_mm2_ghz. H100 and H200: 0.27, H200&apos;s board power over 1-1.5 ms decode-attention calls (572 W at 4.00 TB/s of KV).</source>
        <translation>运行中的硅片在运算之外的功耗（漏电、时钟树、指令发射），按每 mm2 计算芯片面积和每 GHz 时钟计，由该芯片自身的读数确定；0：采用技术库的 power.static_w_per_mm2_ghz。H100 和 H200：0.27，来自 H200 在 1-1.5 ms 解码注意力调用中的板卡功耗（KV 带宽 4.00 TB/s 时 572 W）。</translation>
    </message>
    <message>
        <source>Energy of delivering a MAC&apos;s operands (register files, control, clocking) as a multiple of the datapath&apos;s, where readings of this chip set it; 0: the tech library&apos;s power.operand_overhead_gpu or _scratchpad. H100 and H200: 3.13, with the busy floor: H200&apos;s 8192^3 GEMMs alone at the top clock draw 957 W (bf16) and 1001 W (FP8) on the card.</source>
        <translation>为一次 MAC 提供操作数（寄存器堆、控制、时钟）的能耗，以数据通路能耗的倍数表示，由该芯片自身的读数确定；0：采用技术库的 power.operand_overhead_gpu 或 _scratchpad。H100 和 H200：3.13，与运行功耗底线一同拟合：H200 的 8192^3 GEMM 单独在最高时钟下运行时，该卡实测功耗为 957 W（bf16）和 1001 W（FP8）。</translation>
    </message>
    <message>
        <source>Off-chip memory</source>
        <translation>片外存储器</translation>
    </message>
    <message>
        <source>Memory type</source>
        <translation>存储器类型</translation>
    </message>
    <message>
        <source>Off-chip DRAM: an HBM generation (stacks on an interposer beside the dies), GDDR6 or GDDR7 (x32 channels to devices on the board) or LPDDR5X (x64 packages). Sets the PHY area, pJ/bit, USD/GB and packaging in the physical model.</source>
        <translation>片外 DRAM：某一代 HBM（裸片旁中介层上的堆栈）、GDDR6 或 GDDR7（连接板上器件的 x32 通道）或 LPDDR5X（x64 封装）。决定物理模型中的 PHY 面积、pJ/bit、美元/GB 与封装。</translation>
    </message>
    <message>
        <source>Memory sites</source>
        <translation>存储器位点</translation>
    </message>
    <message>
        <source>HBM stacks per package, GDDR x32 channels (one device each, or two in clamshell) or LPDDR x64 packages: the sites the die&apos;s memory PHYs serve.</source>
        <translation>每个封装的 HBM 堆栈、GDDR x32 通道（各接一个器件，蛤壳模式下两个）或 LPDDR x64 封装：裸片上存储器 PHY 所服务的位点。</translation>
    </message>
    <message>
        <source>Capacity per site</source>
        <translation>每位点容量</translation>
    </message>
    <message>
        <source>Capacity per site (HBM3e 12-high stack: 36 GB; GDDR7 channel: 2-3 GB, twice in clamshell; LPDDR5X x64 package: 16-64 GB).</source>
        <translation>每位点容量（HBM3e 12 层堆栈：36 GB；GDDR7 通道：2-3 GB，蛤壳模式下翻倍；LPDDR5X x64 封装：16-64 GB）。</translation>
    </message>
    <message>
        <source>Bandwidth per site</source>
        <translation>每位点带宽</translation>
    </message>
    <message>
        <source>Bandwidth per site (HBM3e stack: ~1.0-1.2 TB/s; HBM4: ~2 TB/s; GDDR7 x32 at 28-32 Gb/s: 0.112-0.128 TB/s; LPDDR5X x64 at 8.5 Gb/s: 0.068 TB/s).</source>
        <translation>每位点带宽（HBM3e 堆栈：约 1.0-1.2 TB/s；HBM4：约 2 TB/s；28-32 Gb/s 的 GDDR7 x32：0.112-0.128 TB/s；8.5 Gb/s 的 LPDDR5X x64：0.068 TB/s）。</translation>
    </message>
    <message>
        <source>Spare memory PHYs</source>
        <translation>备用存储器 PHY</translation>
    </message>
    <message>
        <source>Memory PHY + controller sites on the die with nothing attached (A100, H100 SXM: 6 HBM sites, 5 stacks): area only.</source>
        <translation>裸片上未连接存储器的 PHY + 控制器位点（A100、H100 SXM：6 个 HBM 位点，5 个堆栈）：只占面积。</translation>
    </message>
    <message>
        <source>SRAM density</source>
        <translation>SRAM 密度</translation>
    </message>
    <message>
        <source>Density of the global SRAM (sram.mb) relative to dense scratchpad macros at the node, where the chip&apos;s own die sets it (GB202&apos;s 128 MB L2: 0.52); 0: the style&apos;s (GPU caches with crossbars 0.18, scratchpads 1). Area only.</source>
        <translation>全局 SRAM（sram.mb）相对于该工艺节点上致密暂存器宏单元的密度，由芯片自身的裸片确定（GB202 的 128 MB L2：0.52）；0：按其样式取值（带交叉开关的 GPU 缓存 0.18，暂存器 1）。只影响面积。</translation>
    </message>
    <message>
        <source>Rows of one MAC array: the M tile (output-stationary) or the K tile (weight-stationary). A batch-1 GEMV fills 1 of them.</source>
        <translation>一个 MAC 阵列的行数：即 M 分块（输出驻留）或 K 分块（权重驻留）。批大小为 1 的 GEMV 只占其中 1 行。</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>output_stationary: each array holds a tile of outputs while K streams through (GPU tensor cores); a GEMM&apos;s M pads to the array&apos;s rows. weight_stationary: each array holds a K x N tile of weights while M streams through (TPU, Trainium); M pads to the streamed rows, and each weight tile takes at least as many cycles as the array has rows (its load).</source>
        <translation>output_stationary：每个阵列驻留一块输出，K 维流过阵列（GPU 张量核心）；GEMM 的 M 补齐到阵列行数。weight_stationary：每个阵列驻留一块 K x N 权重，M 维流过阵列（TPU、Trainium）；M 只补齐到每次流入的行数，且每块权重至少占用与阵列行数相同的周期数（装载权重）。</translation>
    </message>
    <message>
        <source>Streamed rows</source>
        <translation>流入行数</translation>
    </message>
    <message>
        <source>Weight-stationary arrays: rows of a GEMM&apos;s M streamed through the held weights at a time; M pads to them (8 on TPU, its vector registers&apos; sublanes). Unused when output-stationary.</source>
        <translation>权重驻留阵列：GEMM 的 M 维每次流过驻留权重的行数；M 补齐到该行数（TPU 为 8，即其向量寄存器的子通道数）。输出驻留时不使用。</translation>
    </message>
</context>
<context>
    <name>scoville::CompareBar</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Reference chip the KPI deltas and the Compare view are relative to</source>
        <translation>KPI 差值和对比视图所参照的参考芯片</translation>
    </message>
    <message>
        <source>Base&amp;line</source>
        <translation>基准(&amp;L)</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比对象</translation>
    </message>
    <message>
        <source>Reference chips shown beside the design</source>
        <translation>与设计并列显示的参考芯片</translation>
    </message>
    <message>
        <source>Phase shown in the roofline and layer views</source>
        <translation>屋顶线和层视图中显示的阶段</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source>prefill</source>
        <translation>预填充</translation>
    </message>
    <message>
        <source>decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <source>S&amp;how phase</source>
        <translation>显示阶段(&amp;H)</translation>
    </message>
    <message>
        <source>Compare with (%1)</source>
        <translation>对比对象（%1）</translation>
    </message>
</context>
<context>
    <name>scoville::CompareView</name>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Design (%1)</source>
        <translation>设计（%1）</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>Per chip</source>
        <translation>每芯片</translation>
    </message>
    <message>
        <source>Per system</source>
        <translation>每系统</translation>
    </message>
    <message>
        <source>Throughput per chip, or per system: per chip × the chips of the chip&apos;s scale-up domain (GB200 NVL72: 72; a TPU pod), or the workload&apos;s chips where it names none. Tokens per joule and cost per token are the same either way.</source>
        <translation>吞吐按每芯片或每系统计：每芯片 × 该芯片纵向扩展域内的芯片数（GB200 NVL72：72；TPU pod），若芯片未给出则取负载的芯片数。每焦耳词元数与每词元成本两种方式相同。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Ratios to the baseline as a chart, or every chip&apos;s values as a table</source>
        <translation>以图表显示相对基线的比值，或以表格显示每个芯片的数值</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Tokens/s per system = per chip × chips in its scale-up domain</source>
        <translation>每系统词元/秒 = 每芯片 × 纵向扩展域内的芯片数</translation>
    </message>
    <message>
        <source>Tokens/s per chip, the workload on one chip</source>
        <translation>每芯片词元/秒，负载运行于 1 个芯片</translation>
    </message>
    <message>
        <source>Tokens/s per chip, the workload on %1 chips</source>
        <translation>每芯片词元/秒，负载运行于 %1 个芯片</translation>
    </message>
    <message>
        <source>Tokens/s per system</source>
        <translation>每系统词元/秒</translation>
    </message>
    <message>
        <source>%1 cannot run this workload: %2</source>
        <translation>%1 无法运行此负载：%2</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Output tokens per second per system</source>
        <translation>每系统每秒输出词元数</translation>
    </message>
    <message>
        <source>%1 per chip × %2 chips per system (the chip&apos;s scale-up domain), as this workload runs on %3 chips</source>
        <translation>每芯片 %1 × 每系统 %2 个芯片（该芯片的纵向扩展域），此负载运行于 %3 个芯片</translation>
    </message>
    <message>
        <source>The workload&apos;s throughput over its %1 chips, per chip</source>
        <translation>负载在其 %1 个芯片上的吞吐，按每芯片计</translation>
    </message>
    <message>
        <source>%1
%2: %3
%4 %5 (%6)</source>
        <translation>%1
%2：%3
%4 %5（%6）</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Ratios to %1 (= 1)</source>
        <translation>相对 %1 的比值（= 1）</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>No ratios: no baseline chip chosen (Baseline, in the toolbar)</source>
        <translation>无比值：未选择基准芯片（见工具栏中的“基准”）</translation>
    </message>
    <message>
        <source>No ratios: the baseline %1 has no result</source>
        <translation>无比值：基线 %1 没有结果</translation>
    </message>
</context>
<context>
    <name>scoville::DesignDocument</name>
    <message>
        <source>The stored undo history does not lead back to this design (%1); it starts afresh here.</source>
        <translation>存储的撤销历史无法回溯到此设计（%1）；从此处重新开始。</translation>
    </message>
    <message>
        <source>its steps do not match</source>
        <translation>其步骤不匹配</translation>
    </message>
    <message>
        <source>%1 (own model)</source>
        <translation>%1（自有模型）</translation>
    </message>
</context>
<context>
    <name>scoville::EditText</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>a chip</source>
        <translation>某芯片</translation>
    </message>
    <message>
        <source>%1 %2 → %3%4</source>
        <translation>%1 %2 → %3%4</translation>
    </message>
    <message>
        <source>Chip %1 → %2</source>
        <translation>芯片 %1 → %2</translation>
    </message>
    <message>
        <source>Model %1 → %2</source>
        <translation>模型 %1 → %2</translation>
    </message>
    <message>
        <source>Baseline %1 → %2</source>
        <translation>基准 %1 → %2</translation>
    </message>
    <message>
        <source>Compared chips %1 → %2</source>
        <translation>对比芯片 %1 → %2</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>%1 (and %2 more)</source>
        <translation>%1（另有 %2 项）</translation>
    </message>
</context>
<context>
    <name>scoville::ExplainPanel</name>
    <message>
        <source>Compute-bound</source>
        <translation>计算受限</translation>
    </message>
    <message>
        <source>Memory-bound</source>
        <translation>内存受限</translation>
    </message>
    <message>
        <source>Network-bound</source>
        <translation>网络受限</translation>
    </message>
    <message>
        <source>doubling the MACs</source>
        <translation>MAC 数量加倍</translation>
    </message>
    <message>
        <source>doubling the vector lanes</source>
        <translation>向量通道加倍</translation>
    </message>
    <message>
        <source>doubling SRAM</source>
        <translation>SRAM 加倍</translation>
    </message>
    <message>
        <source>doubling link bandwidth</source>
        <translation>链路带宽加倍</translation>
    </message>
    <message>
        <source>%1 cuts this layer by %2 (the step by %3)</source>
        <translation>%1 使此层缩短 %2（整步缩短 %3）</translation>
    </message>
    <message>
        <source>%1 slows this layer by %2 (the clock falls to stay within the TDP)</source>
        <translation>%1 使此层变慢 %2（为保持在 TDP 内时钟下降）</translation>
    </message>
    <message>
        <source>%1 changes nothing</source>
        <translation>%1 没有影响</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>ring: 2(n−1)/n·B / bw + 2(n−1)α = 2 × %1/%2 × %3 / %4 + %5 × %6</source>
        <translation>环形：2(n−1)/n·B / bw + 2(n−1)α = 2 × %1/%2 × %3 / %4 + %5 × %6</translation>
    </message>
    <message>
        <source>tree: 2·B / bw + 2⌈log₂ n⌉α = 2 × %1 / %2 + %3 × %4</source>
        <translation>树形：2·B / bw + 2⌈log₂ n⌉α = 2 × %1 / %2 + %3 × %4</translation>
    </message>
    <message>
        <source>in-switch (the switch sums in flight): 2(n−1)/n·B / (bw × gain) + 4α = 2 × %1/%2 × %3 / (%4 × %5) + 4 × %6</source>
        <translation>交换机内归约（交换机在传输中求和）：2(n−1)/n·B / (bw × 增益) + 4α = 2 × %1/%2 × %3 / (%4 × %5) + 4 × %6</translation>
    </message>
    <message>
        <source>send/recv: B / bw + α over the links to the next stage</source>
        <translation>send/recv：经链路发往下一级的 B / bw + α</translation>
    </message>
    <message>
        <source>all-to-all, direct puts: bytes sent / bw + 2α = %1 / %2 + 2 × %3</source>
        <translation>all-to-all，直接写入：发送字节数 / bw + 2α = %1 / %2 + 2 × %3</translation>
    </message>
    <message>
        <source>hierarchical over %1 chips, more than the scale-up domain of %2: inside each domain over the links, across domains over the NICs at %3 per chip (α %4)</source>
        <translation>分层，跨 %1 颗芯片，超过 %2 颗的纵向扩展域：域内经链路，域间经网卡，每芯片 %3（α %4）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No result:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;无结果：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The evaluation has no layers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此评估没有层。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 layer %2 (%3)%4&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1 第 %2 层（%3）%4&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Prefill</source>
        <translation>预填充</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <source> — the slowest; click a layer in the Layers view to choose</source>
        <translation> — 最慢的一层；在层视图中单击某层以选择</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 takes %3 of %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;：%2 占 %4 中的 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 take %3 of %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;：%2 占 %4 中的 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;What would move it&lt;/i&gt; could not be worked out: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;无法计算&lt;i&gt;什么能改变它&lt;/i&gt;：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>server, the highest rate within the p99 limits</source>
        <translation>在线服务，满足 p99 限制的最高速率</translation>
    </message>
    <message>
        <source>offline, as many requests in flight as fit</source>
        <translation>离线，同时处理尽可能多的请求</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批量 %1</translation>
    </message>
    <message>
        <source>, parallelism chosen</source>
        <translation>，已选并行方式</translation>
    </message>
    <message>
        <source> (host %1)</source>
        <translation>（主机 %1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Disaggregated: prefill on %1 × %2, decode on %3 × %4; each prompt&apos;s KV (%5) moves in %6.&lt;/p&gt;</source>
        <translation>&lt;p&gt;分离部署：预填充在 %1 × %2 上，解码在 %3 × %4 上；每个提示的 KV（%5）在 %6 内传输。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 tokens per step, batch %2, context %3. Layer time %4, %5-bound.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每步 %1 个词元，批量 %2，上下文 %3。层时间 %4，%5受限。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>FLOPs = 2·M·N·K = 2 × %1 × %2 × %3 = %4&lt;br&gt;</source>
        <translation>FLOPs = 2·M·N·K = 2 × %1 × %2 × %3 = %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>FLOPs = %1&lt;br&gt;</source>
        <translation>FLOPs = %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = FLOPs / (peak × efficiency × utilisation) = %1 / (%2 × %3 × %4) = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = FLOPs / (峰值 × 效率 × 利用率) = %1 / (%2 × %3 × %4) = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = FLOPs / vector throughput = %1 / %2 = &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = FLOPs / 向量吞吐量 = %1 / %2 = &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>network = %1 of %2 over %3 chips, %4 sent per chip = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</source>
        <translation>网络 = %2 上的 %1，跨 %3 颗芯片，每芯片发送 %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>fixed per-op overhead %1&lt;br&gt;</source>
        <translation>每算子固定开销 %1&lt;br&gt;</translation>
    </message>
    <message>
        <source> with network</source>
        <translation> 含网络</translation>
    </message>
    <message>
        <source> + overhead</source>
        <translation> + 开销</translation>
    </message>
    <message>
        <source>&lt;hr&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2, %3): &lt;b&gt;%4&lt;/b&gt;, %5-bound&lt;/p&gt;&lt;p style=&apos;margin-left:12px&apos;&gt;</source>
        <translation>&lt;hr&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（%2，%3）：&lt;b&gt;%4&lt;/b&gt;，%5受限&lt;/p&gt;&lt;p style=&apos;margin-left:12px&apos;&gt;</translation>
    </message>
    <message>
        <source>%1 in the vendor library (NCCL, RCCL) over %2 chips, more than the scale-up domain of %3: inside each domain over the links, across domains over the NICs at %4 per chip, + %5 per call</source>
        <translation>在厂商通信库（NCCL、RCCL）中执行的 %1，跨 %2 个芯片，超出 %3 个芯片的纵向扩展域：域内经链路，域间经网卡（每芯片 %4），每次调用另加 %5</translation>
    </message>
    <message>
        <source>%1 in the vendor library (NCCL, RCCL), each chip&apos;s share to every peer: latency per call + bytes sent / bw × (1 + W / (sent + W)) = %2 + %3 / %4 × (1 + %5 / (%3 + %5))</source>
        <translation>在厂商通信库（NCCL、RCCL）中执行的 %1，每个芯片把自己的份额发给每个对端：每次调用的延迟 + 发送字节 / 带宽 × (1 + W / (发送量 + W)) = %2 + %3 / %4 × (1 + %5 / (%3 + %5))</translation>
    </message>
    <message>
        <source>, in the vendor library (NCCL, RCCL: past the engine&apos;s all-reduce limit, or faster than its one-shot kernel): + %1 per call</source>
        <translation>，在厂商库中（NCCL、RCCL：超出引擎的 all-reduce 上限，或比其 one-shot 内核更快）：每次调用 + %1</translation>
    </message>
    <message>
        <source>%1 in the vendor library (NCCL, RCCL: past the engine&apos;s all-reduce limit, or faster than its one-shot kernel): latency per call + data time × (1 + W / (sent + W)) = %2 + %3 × (1 + %4 / (%5 + %4)) — the fastest of ring, tree, in-switch and a two-shot exchange at this size</source>
        <translation>%1 在厂商库中（NCCL、RCCL：超出引擎的 all-reduce 上限，或比其 one-shot 内核更快）：每次调用延迟 + 数据时间 × (1 + W / (sent + W)) = %2 + %3 × (1 + %4 / (%5 + %4)) —— 在此大小下 ring、tree、in-switch 与 two-shot 交换中最快者</translation>
    </message>
    <message>
        <source> — the engine&apos;s own kernel, faster than the vendor library at this size</source>
        <translation> —— 引擎自带内核，在此大小下比厂商库更快</translation>
    </message>
    <message>
        <source> — the cheaper of ring and tree at this size</source>
        <translation> —— 在此大小下 ring 与 tree 中开销较小者</translation>
    </message>
    <message>
        <source>compute = scores × softmax time per score = %1 × %2 ps = &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = 分数数 × 每个分数的 softmax 时间 = %1 × %2 ps = &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = one (request, KV head) pair alone over %1 tokens × this op&apos;s share = %2 × %3 = &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = 单个（请求，KV 头）配对独处时处理 %1 个词元的时间 × 本算子的份额 = %2 × %3 = &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = ((request, KV head) pairs × thread blocks a pair − blocks of the first wave) × time per block = (%1 × %2 − %3) × %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = （（请求，KV 头）配对数 × 每个配对的线程块数 − 第一波线程块数）× 每块时间 = (%1 × %2 − %3) × %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>fixed per-op overhead = launch + call + query heads a block × time per head = %1 + %2 + %3 × %4 = %5&lt;br&gt;</source>
        <translation>每算子固定开销 = 启动 + 调用 + 每线程块查询头数 × 每个头的时间 = %1 + %2 + %3 × %4 = %5&lt;br&gt;</translation>
    </message>
    <message>
        <source>fixed per-op overhead = launch + call + query heads a block × time per head + RoPE pass = %1 + %2 + %3 × %4 + %5 = %6&lt;br&gt;</source>
        <translation>每算子固定开销 = 启动 + 调用 + 每线程块查询头数 × 每个头的时间 + RoPE 处理 = %1 + %2 + %3 × %4 + %5 = %6&lt;br&gt;</translation>
    </message>
    <message>
        <source>fixed per-op overhead = prompt call + 2 launches = %1 + 2 × %2 = %3&lt;br&gt;</source>
        <translation>每算子固定开销 = 提示调用 + 2 次启动 = %1 + 2 × %2 = %3&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Prompts run in steps of their own, which every decode waits for: a prompt step of %1 tokens takes %2, and %3 of them run per decode step of %4, so a step averages %5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;提示词在单独的步中运行，所有解码都要等待它：一个 %1 个 token 的提示词步耗时 %2，每个 %4 的解码步平均对应 %3 个这样的步，因此平均每步 %5。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>thread blocks: %1 (prompt, query head) pairs × %2 blocks of %3 query tokens on %4 cores, busy %5 % of the kernel&apos;s time: its matmuls and softmax take 1 / %6 as long (in the compute above)&lt;br&gt;</source>
        <translation>线程块：%1 个（提示，查询头）对 × %2 个 %3 查询词元的线程块，运行于 %4 个核心，忙碌时间占内核时间的 %5 %：其矩阵乘和 softmax 耗时为 1 / %6 倍（已计入上面的计算）&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = the engine&apos;s fallback kernel (too few (request, KV head) pairs for its grouped kernel): (keys a block walks × time per key + merge) × this op&apos;s share = (%1 × %2 + %3) × %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = 引擎的回退内核（（请求，KV 头）对太少，不用其分组内核）：（每块遍历的键数 × 每键时间 + 合并）× 本算子份额 = (%1 × %2 + %3) × %4 = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>compute = the engine&apos;s fallback kernel (too few (request, KV head) pairs for its grouped kernel): keys a block walks × time per key × this op&apos;s share = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;</source>
        <translation>计算 = 引擎的回退内核（（请求，KV 头）对太少，不用其分组内核）：每块遍历的键数 × 每键时间 × 本算子份额 = %1 × %2 × %3 = &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source> (host %1, %2 of it streaming tokens to the clients)</source>
        <translation>（主机 %1，其中 %2 用于向客户端流式发送令牌）</translation>
    </message>
    <message>
        <source>&lt;p&gt;The output lengths follow %1 measured quantiles (%2 tokens at %3 % up to %4 at %5 %), scaled to the mean output of %6, in place of a lognormal: they set the TPOT percentiles.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出长度遵循 %1 个实测分位数（从 %3 % 处的 %2 个词元到 %5 % 处的 %4 个），按平均输出 %6 缩放，取代对数正态分布：TPOT 百分位数由它们决定。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>one-shot (each chip sends its buffer to every peer and sums locally): (n−1)·B / bw + 2α + (n−1)·αₚ = %1 × %2 / %3 + 2 × %4 + %1 × %5</source>
        <translation>one-shot（每颗芯片把缓冲区发给所有对端并在本地求和）：(n−1)·B / bw + 2α + (n−1)·αₚ = %1 × %2 / %3 + 2 × %4 + %1 × %5</translation>
    </message>
    <message>
        <source>two-shot (reduce-scatter, then all-gather): 2(n−1)/n·B / bw + 4α + 2(n−1)·αₚ = 2 × %1/%2 × %3 / %4 + 4 × %5 + 2 × %1 × %6</source>
        <translation>two-shot（reduce-scatter 后 all-gather）：2(n−1)/n·B / bw + 4α + 2(n−1)·αₚ = 2 × %1/%2 × %3 / %4 + 4 × %5 + 2 × %1 × %6</translation>
    </message>
    <message>
        <source>(the block times as measured at %1 cores and %2 GHz, scaled to this design&apos;s %3 cores and %4 GHz)&lt;br&gt;</source>
        <translation>（线程块时间为在 %1 个核心、%2 GHz 下的实测值，按本设计的 %3 个核心、%4 GHz 缩放）&lt;br&gt;</translation>
    </message>
    <message>
        <source>(the pair&apos;s time in a block, set for 128-wide heads, × %1 for %2-wide heads)&lt;br&gt;</source>
        <translation>（线程块中配对的时间按 128 宽头设定，%2 宽头 × %1）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Serving&lt;/b&gt; (%1): %2 per replica (%3 replicas%4). A step runs %5 decodes and, on average, %6 prompt tokens; it takes %7%8 on average; %9 tokens/s.&lt;br&gt;TTFT p50 %10, p99 %11; TPOT p50 %12, p99 %13.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;服务&lt;/b&gt;（%1）：每副本 %2（%3 个副本%4）。每步运行 %5 个解码，平均 %6 个提示词元；平均每步耗时 %7%8；%9 词元/秒。&lt;br&gt;TTFT p50 %10，p99 %11；TPOT p50 %12，p99 %13。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>after the stream = one (request, KV head) pair&apos;s split chain over %1 tokens × this op&apos;s share = %2 × %3 = %4&lt;br&gt;</source>
        <translation>流之后 = 单个（请求，KV 头）配对在 %1 个词元上的切分链 × 本算子的份额 = %2 × %3 = %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>time = (compute&lt;sup&gt;p&lt;/sup&gt; + memory&lt;sup&gt;p&lt;/sup&gt;)&lt;sup&gt;1/p&lt;/sup&gt;%1%2%5 = &lt;b&gt;%3&lt;/b&gt; (p = %4, ridge sharpness: near the ridge neither overlaps the other fully)&lt;br&gt;</source>
        <translation>时间 = (计算&lt;sup&gt;p&lt;/sup&gt; + 内存&lt;sup&gt;p&lt;/sup&gt;)&lt;sup&gt;1/p&lt;/sup&gt;%1%2%5 = &lt;b&gt;%3&lt;/b&gt;（p = %4，拐点锐度：在拐点附近两者都不能完全相互重叠）&lt;br&gt;</translation>
    </message>
    <message>
        <source> + after the stream</source>
        <translation> + 流之后</translation>
    </message>
    <message>
        <source>after the stream = the merge of a (request, KV head) pair split over %1 thread blocks × this op&apos;s share = %2 × %3 = %4&lt;br&gt;</source>
        <translation>流之后 = 切分到 %1 个线程块上的（请求，KV 头）配对的合并 × 本算子的份额 = %2 × %3 = %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Prompts arrive whole, not a little in every step: %1 % of the steps carry a prompt chunk of %2 tokens and take %3; the others decode alone in %4. A step averages %5: a step&apos;s time is not linear in its tokens (a chunk&apos;s compute adds to the decodes&apos; weight and KV reads where it cannot hide under them), so the mean step is the mean of the two.&lt;/p&gt;</source>
        <translation>&lt;p&gt;提示是整段到达的，而不是每步都带一点：%1 % 的步带有 %2 个词元的提示块，耗时 %3；其余的步只做解码，耗时 %4。平均每步 %5：一步的时间与其词元数并非线性关系（提示块的计算在无法隐藏于解码的权重和 KV 读取之下时会叠加上去），所以平均步长是这两种步的平均。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The layers below are that mean step, op by op: each op&apos;s time is the mean of its times in the two steps (the chunk&apos;s prompt attention counts in its share of the steps).&lt;/p&gt;</source>
        <translation>&lt;p&gt;下方各层就是这个平均步，逐个算子：每个算子的时间是它在两种步中时间的平均（提示块的提示注意力按其所占步的份额计入）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>time = the mean over the steps (the lines above are means too) = %1 % × %2 (decodes alone) + %3 % × %4 (with a prompt chunk) = &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</source>
        <translation>时间 = 各步上的平均（上面各行也是平均值）= %1 % × %2（仅解码）+ %3 % × %4（带提示块）= &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>in each step, time = (compute&lt;sup&gt;p&lt;/sup&gt; + memory&lt;sup&gt;p&lt;/sup&gt;)&lt;sup&gt;1/p&lt;/sup&gt;%1%2%3 (p = %4, ridge sharpness: near the ridge neither overlaps the other fully)&lt;br&gt;</source>
        <translation>在每一步中，时间 = (计算&lt;sup&gt;p&lt;/sup&gt; + 内存&lt;sup&gt;p&lt;/sup&gt;)&lt;sup&gt;1/p&lt;/sup&gt;%1%2%3（p = %4，拐点锐度：在拐点附近两者都不能完全相互重叠）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Measured accuracy&lt;/b&gt;: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;实测准确度&lt;/b&gt;：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the model again, each resource doubled at the same batch and parallelism</source>
        <translation>重新运行模型，在相同批量和并行方式下逐一将各资源加倍</translation>
    </message>
    <message>
        <source>the model again, each resource doubled at the same split and decode batch, each pool&apos;s parallelism chosen again</source>
        <translation>重新运行模型，在相同的芯片划分和解码批量下逐一将各资源加倍，各池的并行方式重新选择</translation>
    </message>
    <message>
        <source>the model again, each resource doubled at the same split, decode batch and parallelism</source>
        <translation>重新运行模型，在相同的芯片划分、解码批量和并行方式下逐一将各资源加倍</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;What would move it&lt;/i&gt; (%1): %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;什么能改变它&lt;/i&gt;（%1）：%2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;What would move it&lt;/i&gt; (%1): being worked out.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;什么能改变它&lt;/i&gt;（%1）：正在计算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>offline, the slower pool runs flat out</source>
        <translation>离线，较慢的池满负荷运行</translation>
    </message>
    <message>
        <source>&lt;p&gt;The decode pool holds %1 requests a replica, what the served rate keeps there (rate × output tokens × TPOT); it would take up to %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;解码池每个副本容纳 %1 个请求，即服务速率使其保有的数量（速率 × 输出 token 数 × TPOT）；它最多可容纳 %2 个。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(the utilisation holds × %1 for the experts&apos; part-empty last tiles: %2 tokens per expert in tiles of up to %3, workload key moe_tile_tokens)&lt;br&gt;</source>
        <translation>（利用率中含 × %1，来自各专家未填满的最后一个分块：每个专家 %2 个词元，分块至多 %3 个词元，工作负载键 moe_tile_tokens）&lt;br&gt;</translation>
    </message>
    <message>
        <source>doubling off-chip memory bandwidth</source>
        <translation>片外存储器带宽加倍</translation>
    </message>
    <message>
        <source>memory = bytes / bandwidth = (weights %1 in %2 + activations %3 + KV %4) / %5 = &lt;b&gt;%6&lt;/b&gt; (%8 peak %7)&lt;br&gt;</source>
        <translation>内存 = 字节数 / 带宽 = (权重 %1，位于 %2 + 激活 %3 + KV %4) / %5 = &lt;b&gt;%6&lt;/b&gt;（%8 峰值 %7）&lt;br&gt;</translation>
    </message>
    <message>
        <source>intensity %1 FLOP/byte vs ridge point %2 FLOP/byte (peak / %3 bandwidth).&lt;br&gt;</source>
        <translation>算术强度 %1 FLOP/字节，拐点为 %2 FLOP/字节（峰值 / %3 带宽）。&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Pipeline&lt;/b&gt;: the slowest stage (%1 layers) sets the pace; each micro-batch waits its turn there, %2 a step beyond the stages&apos; sum.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;流水线&lt;/b&gt;：最慢的一级（%1 层）决定节奏；每个微批次都要在那里排队，每步比各级之和多 %2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Engine loop&lt;/b&gt;: every stage&apos;s chip waits for %1 loop iterations a step, one per micro-batch, each walking the %2 requests a rank holds (%3 of the host time per request walks them all): %4 of host work a step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;引擎循环&lt;/b&gt;：每一级的芯片每步等待 %1 次循环迭代，每个微批次一次，每次遍历一个 rank 持有的 %2 个请求（每个请求的主机时间中有 %3 用于遍历全部请求）：每步 %4 的主机工作。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Engine loop&lt;/b&gt;: every stage&apos;s chip waits for %1 loop iterations a step, one per micro-batch, each over the requests it steps: %2 of host work a step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;引擎循环&lt;/b&gt;：每一级的芯片每步等待 %1 次循环迭代，每个微批次一次，每次只处理它所执行的请求：每步 %2 的主机工作。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The %1 attention data-parallel ranks schedule their own prompts, and every rank waits for the slowest at the MoE layers: a step carries a chunk wherever any rank runs one, %2 chunks in such a step on average. Each rank alone carries one in %3 % of the steps; ranks that take their chunks together (Engine: Aligned prompt chunks) would make only those steps long; measured runs of uniform requests lie between the two, and the results&apos; ranges take the ranks together as their other end. The ranks run different ops in one step, so the layers below are each chip&apos;s mean work: the step of the mean tokens, which takes less than the mean step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 个注意力数据并行秩各自调度自己的提示，每个秩都要在 MoE 层等待最慢的秩：只要有任一秩运行一个提示块，该步就带有提示块，这样的步平均带有 %2 个提示块。每个秩单独在 %3 % 的步中带有提示块；一起处理提示块的各秩（引擎：对齐的提示词分块）只会让这些步变长；请求长度一致的实测运行介于两者之间，结果的范围以各秩一起处理作为另一端。各秩在同一步中运行不同的算子，所以下方各层是每个芯片的平均工作量：平均词元数的那一步，其耗时低于平均步长。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>memory = bytes / bandwidth = (weights %1 in %2 + activations %3 + linear-attention state %4) / %5 = &lt;b&gt;%6&lt;/b&gt; (%8 peak %7)&lt;br&gt;</source>
        <translation>内存 = 字节数 / 带宽 = (权重 %1，位于 %2 + 激活 %3 + 线性注意力状态 %4) / %5 = &lt;b&gt;%6&lt;/b&gt;（%8 峰值 %7）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Prompts arrive whole, not a little in every step: %1 % of the steps carry %2 prompt tokens and take %3; the others carry a chunk fewer, %4 tokens, in %5. A step averages %6: a step&apos;s time is not linear in its tokens (its token rows fill the matrix units&apos; tiles, and its fixed costs are paid once), so the mean step is the mean of the two.&lt;/p&gt;</source>
        <translation>&lt;p&gt;提示整条到达，而不是每步来一点：%1 % 的步带有 %2 个提示词元，耗时 %3；其他步少带一个块，%4 个词元，耗时 %5。平均每步 %6：一步的耗时与其词元数不成线性关系（其词元行填充矩阵单元的分块，其固定开销只付一次），所以平均步是两者的平均，而非平均词元数的那一步。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(weight-stationary arrays: its K = %1 and N = %2 in weight tiles of %3 × %4, held while its %5 rows stream through %6 at a time, each tile taking at least the %3 cycles of its load)&lt;br&gt;</source>
        <translation>（权重驻留阵列：其 K = %1、N = %2 分为 %3 × %4 的权重块驻留在阵列中，其 %5 行每次流入 %6 行；每块权重至少占用装载它的 %3 个周期）&lt;br&gt;</translation>
    </message>
    <message>
        <source>(output-stationary arrays: its %1 rows and N = %2 in output tiles of %3 × %4)&lt;br&gt;</source>
        <translation>（输出驻留阵列：其 %1 行与 N = %2 分为 %3 × %4 的输出块）&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Measured on this chip&lt;/b&gt;: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;本芯片实测&lt;/b&gt;：%1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>scoville::Format</name>
    <message>
        <source>auto: %1</source>
        <translation>自动：%1</translation>
    </message>
</context>
<context>
    <name>scoville::FrontierView</name>
    <message>
        <source>Tokens/s per user (1 / mean TPOT) → more interactive</source>
        <translation>每用户词元/秒（1 / 平均 TPOT）→ 交互性更强</translation>
    </message>
    <message>
        <source>Tokens/s per chip</source>
        <translation>每芯片词元/秒</translation>
    </message>
    <message>
        <source>Design now</source>
        <translation>当前设计</translation>
    </message>
    <message>
        <source>Each chip&apos;s front: the most tokens/s per chip at each speed per user, over the batch and the parallelisms the workload leaves open.</source>
        <translation>每颗芯片的前沿：在工作负载未限定的批量和并行方式中，每种单用户速度下每芯片的最高词元/秒。</translation>
    </message>
    <message>
        <source>No frontier: %1</source>
        <translation>无前沿：%1</translation>
    </message>
    <message>
        <source>Design (%1)</source>
        <translation>设计（%1）</translation>
    </message>
    <message>
        <source>Each chip&apos;s front: the most tokens/s per chip at each speed per user, over the batch and the parallelisms the workload leaves open; faint dots: the design&apos;s other deployments.</source>
        <translation>每颗芯片的前沿：在工作负载未限定的批量和并行方式中，每种单用户速度下每芯片的最高词元/秒；浅色点：设计的其他部署方式。</translation>
    </message>
    <message>
        <source>%1
%2, batch %3
%4 tokens/s per user, %5 tokens/s per chip
TTFT p99 %6</source>
        <translation>%1
%2，批量 %3
每用户 %4 词元/秒，每芯片 %5 词元/秒
TTFT p99 %6</translation>
    </message>
    <message>
        <source>No frontier for %1: the workload does not run there (hover here for why).</source>
        <translation>%1 没有前沿：负载无法在其上运行（悬停于此查看原因）。</translation>
    </message>
    <message>
        <source>Each chip&apos;s front: the most tokens/s per chip at each speed per user, over the decode pool&apos;s batch and the parallelisms the workload leaves open, at the split given; faint dots: the design&apos;s other deployments.</source>
        <translation>每颗芯片的前沿：在解码池的批量和工作负载未限定的并行方式中（按给定的芯片划分），每种单用户速度下每芯片的最高词元/秒；浅色点：设计的其他部署方式。</translation>
    </message>
    <message>
        <source>Each chip&apos;s front: the most tokens/s per chip at each speed per user, over the decode pool&apos;s batch and the parallelisms the workload leaves open, each point at the split of the chips best for it; faint dots: the design&apos;s other deployments.</source>
        <translation>每颗芯片的前沿：在解码池的批量和工作负载未限定的并行方式中（每个点取对其最优的芯片划分），每种单用户速度下每芯片的最高词元/秒；浅色点：设计的其他部署方式。</translation>
    </message>
</context>
<context>
    <name>scoville::KpiStrip</name>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>design NRE</source>
        <translation>设计 NRE</translation>
    </message>
    <message>
        <source>hosts and systems</source>
        <translation>主机与系统</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>data centre</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <source>electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>%1 per chip-hour (%2), at %3 % utilisation:</source>
        <translation>每芯片小时 %1（%2），利用率 %3 %：</translation>
    </message>
    <message>
        <source>built</source>
        <translation>自制</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>capital per chip %1 (chip %2)</source>
        <translation>每芯片资本 %1（芯片 %2）</translation>
    </message>
    <message>
        <source>No cost per token to compare with %1 (see the warnings).</source>
        <translation>没有可与 %1 比较的每词元成本（见警告）。</translation>
    </message>
    <message>
        <source>the same as</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>%1 % less than</source>
        <translation>低 %1 %</translation>
    </message>
    <message>
        <source>%1 % more than</source>
        <translation>高 %1 %</translation>
    </message>
    <message>
        <source>Per token, %1 (%2) costs %3 %4 (%5): %6 against %7 per M tokens, serving %8× the tokens per chip-hour at %9× the cost per chip-hour; the largest difference is the %10 (%11 against %12 per chip-hour).</source>
        <translation>按每词元计，%1（%2）的成本相对于 %4（%5）%3：每百万词元 %6 对比 %7；每芯片小时服务的词元是其 %8 倍，每芯片小时成本是其 %9 倍；差异最大的是%10（每芯片小时 %11 对比 %12）。</translation>
    </message>
    <message>
        <source>Its NRE pays off against %1 from %2 chips built.</source>
        <translation>在生产 %2 颗芯片后，其 NRE 相对 %1 可收回。</translation>
    </message>
    <message>
        <source>It does not reach %1&apos;s cost per token at any volume.</source>
        <translation>在任何产量下都达不到 %1 的每词元成本。</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行</translation>
    </message>
    <message>
        <source>How one replica is spread over chips, and the replicas in the system</source>
        <translation>一个副本如何分布在芯片上，以及系统中的副本数</translation>
    </message>
    <message>
        <source>Cost assumptions…</source>
        <translation>成本假设…</translation>
    </message>
    <message>
        <source>Show the economics parameters: chip price or build cost, systems, data centre, power, years, cost of capital, utilisation</source>
        <translation>显示经济性参数：芯片价格或制造成本、系统、数据中心、电力、年限、资本成本、利用率</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>power model: %1</source>
        <translation>功耗模型：%1</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Within uncertainty: the ranges of the design and of the baseline overlap</source>
        <translation>在不确定度以内：设计与基准的范围相互重叠</translation>
    </message>
    <message>
        <source>max %1%2</source>
        <translation>最大 %1%2</translation>
    </message>
    <message>
        <source>, auto</source>
        <translation>，自动</translation>
    </message>
    <message>
        <source>1 replica</source>
        <translation>1 个副本</translation>
    </message>
    <message>
        <source>%1 replicas</source>
        <translation>%1 个副本</translation>
    </message>
    <message>
        <source>, chosen</source>
        <translation>，已选</translation>
    </message>
    <message>
        <source>mean %1, p50 %2, p99 %3%4</source>
        <translation>平均 %1，p50 %2，p99 %3%4</translation>
    </message>
    <message>
        <source> (server: the highest rate within the p99 limits)</source>
        <translation>（在线服务：满足 p99 限制的最高速率）</translation>
    </message>
    <message>
        <source> (offline: as many requests in flight as fit)</source>
        <translation>（离线：同时处理尽可能多的请求）</translation>
    </message>
    <message>
        <source>p50 %1</source>
        <translation>p50 %1</translation>
    </message>
    <message>
        <source>&lt;small&gt;Changes against&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;green: better, ≈ within&lt;br&gt;uncertainty&lt;/small&gt;</source>
        <translation>&lt;small&gt;相对于&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;的变化&lt;br&gt;绿色：更好，≈ 在&lt;br&gt;不确定度以内&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;small&gt;No baseline&lt;br&gt;result&lt;/small&gt;</source>
        <translation>&lt;small&gt;无基准&lt;br&gt;结果&lt;/small&gt;</translation>
    </message>
    <message>
        <source>baseline %1: %2</source>
        <translation>基准 %1：%2</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>无警告。</translation>
    </message>
    <message>
        <source>No measured runs of this kind of workload</source>
        <translation>没有这类工作负载的实测运行</translation>
    </message>
    <message>
        <source>Show the runs…</source>
        <translation>查看这些运行…</translation>
    </message>
    <message>
        <source>Show the measured runs of this kind of workload in the Record tab, predicted against measured</source>
        <translation>在“记录”标签页中查看这类工作负载的实测运行（预测对实测）</translation>
    </message>
    <message>
        <source>%1 + %2 chips</source>
        <translation>%1 + %2 个芯片</translation>
    </message>
    <message>
        <source>prefill + decode</source>
        <translation>预填充 + 解码</translation>
    </message>
    <message>
        <source>Disaggregated serving: a prefill pool of %1 chips (%2, %3 replicas) and a decode pool of %4 chips (%5, %6 replicas)</source>
        <translation>预填充/解码分离部署：预填充池 %1 个芯片（%2，%3 个副本），解码池 %4 个芯片（%5，%6 个副本）</translation>
    </message>
    <message>
        <source> (offline: the slower pool runs flat out)</source>
        <translation>（离线：较慢的池满负荷运行）</translation>
    </message>
    <message>
        <source>fed by prefill; up to %1</source>
        <translation>由预填充池供给；最多 %1</translation>
    </message>
    <message>
        <source>the model&apos;s routing skew (%1)</source>
        <translation>模型的路由偏斜（%1）</translation>
    </message>
    <message>
        <source>Range over the uncertain values of the chip, the engine&apos;s estimated defaults, the model&apos;s routing skew and the physical model (each at its low and high end, combined as independent); most from %1</source>
        <translation>在芯片、引擎的估计默认值、模型的路由偏斜与物理模型不确定参数上的范围（各取其低端和高端，按相互独立合成）；影响最大的是 %1</translation>
    </message>
    <message>
        <source>No uncertain value of the chip, the engine, the model or the physical model moves this result</source>
        <translation>芯片、引擎、模型与物理模型的不确定参数都不影响这个结果</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>scoville::LatencyBar</name>
    <message>
        <source>Request mix and latency limits</source>
        <translation>请求分布与延迟限制</translation>
    </message>
    <message>
        <source>Spread: in ±</source>
        <translation>离散度：输入 ±</translation>
    </message>
    <message>
        <source>Spread of prompt lengths over the requests: standard deviation / mean; In is the mean (0: every prompt has the mean length; MLPerf OpenOrca: 0.77)</source>
        <translation>各请求提示长度的离散度：标准差 / 平均值；输入为平均值（0：每个提示都为平均长度；MLPerf OpenOrca：0.77）</translation>
    </message>
    <message>
        <source>out ±</source>
        <translation>输出 ±</translation>
    </message>
    <message>
        <source>Spread of output lengths over the requests: standard deviation / mean; Out is the mean (0: every output alike). Long outputs hold their batch slot longer, so the mean decode context and the KV per slot grow with 1 + spread² (MLPerf OpenOrca: 0.79)</source>
        <translation>各请求输出长度的离散度：标准差 / 平均值；输出为平均值（0：所有输出相同）。较长的输出占用批量槽位更久，因此平均解码上下文和每槽位 KV 按 1 + 离散度² 增长（MLPerf OpenOrca：0.79）</translation>
    </message>
    <message>
        <source>TTFT p99 ≤</source>
        <translation>TTFT p99 ≤</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>p99 time-to-first-token limit: with batch auto, the server runs at the highest rate whose p99 TTFT (slot wait, queue for step room and the prompt&apos;s own steps) meets it (MLPerf Inference Llama-2-70B server: 2 s); none = no limit (offline)</source>
        <translation>p99 首词元时间限制：批量为 auto 时，服务以 p99 TTFT（槽位等待、排队等待步容量以及提示自身的步）满足该限制的最高速率运行（MLPerf Inference Llama-2-70B 在线服务：2 秒）；无 = 不限制（离线）</translation>
    </message>
    <message>
        <source>TPOT p99 ≤</source>
        <translation>TPOT p99 ≤</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>p99 time-per-output-token limit: with batch auto, the server runs at the highest rate whose p99 TPOT meets it (MLPerf Inference Llama-2-70B server: 200 ms); none = no limit (offline)</source>
        <translation>p99 每输出词元时间限制：批量为 auto 时，服务以 p99 TPOT 满足该限制的最高速率运行（MLPerf Inference Llama-2-70B 在线服务：200 毫秒）；无 = 不限制（离线）</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>引擎(&amp;E)</translation>
    </message>
    <message>
        <source>Serving engine: token budget, batch limit, KV allocation, host time, speculative decoding, expert balance, communication overlap, prefill/decode disaggregation</source>
        <translation>服务引擎：词元预算、批量上限、KV 分配、主机时间、推测解码、专家均衡、通信重叠、预填充/解码分离</translation>
    </message>
    <message>
        <source>The output lengths follow their measured quantiles (Engine → Request lengths): this is their spread. Clear them there to set a spread here.</source>
        <translation>输出长度遵循其实测分位数（引擎 → 请求长度）：此处为它们的离散度。在那里清除它们后才能在此设置离散度。</translation>
    </message>
</context>
<context>
    <name>scoville::LayerView</name>
    <message>
        <source>compute-bound ops</source>
        <translation>计算受限算子</translation>
    </message>
    <message>
        <source>memory-bound ops</source>
        <translation>内存受限算子</translation>
    </message>
    <message>
        <source>network-bound ops</source>
        <translation>网络受限算子</translation>
    </message>
    <message>
        <source>per-op overhead</source>
        <translation>每算子开销</translation>
    </message>
    <message>
        <source>Layer (last: LM head)</source>
        <translation>层（最后：LM 头）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Prefill</source>
        <translation>预填充</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <source>No layers: the workload does not run on the design</source>
        <translation>无层数据：负载无法在此设计上运行</translation>
    </message>
</context>
<context>
    <name>scoville::LessonPanel</name>
    <message>
        <source>Bring the view this step is about into sight again</source>
        <translation>重新显示此步骤所涉及的视图</translation>
    </message>
    <message>
        <source>Show the &amp;answer</source>
        <translation>显示答案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>Not loaded:
%1</source>
        <translation>未加载：
%1</translation>
    </message>
    <message>
        <source>This step cannot be applied (%1, step %2): %3</source>
        <translation>无法应用此步骤（%1，第 %2 步）：%3</translation>
    </message>
    <message>
        <source>✓ The model agrees with this answer for the design as it is now.</source>
        <translation>✓ 对于当前设计，模型与此答案一致。</translation>
    </message>
    <message>
        <source>✗ For the design as it is now the model disagrees: %1</source>
        <translation>✗ 对于当前设计，模型与此答案不一致：%1</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>没有课程</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>开始(&amp;T)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s).</source>
        <translation>
            <numerusform>%n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>Watch %1</source>
        <translation>查看%1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>the summary figures</source>
        <translation>摘要数据</translation>
    </message>
    <message>
        <source>the Roofline</source>
        <translation>屋顶线</translation>
    </message>
    <message>
        <source>the Layers view</source>
        <translation>层视图</translation>
    </message>
    <message>
        <source>Area and Power</source>
        <translation>面积与功耗</translation>
    </message>
    <message>
        <source>the comparison with other chips</source>
        <translation>与其他芯片的对比</translation>
    </message>
    <message>
        <source>the Explain panel</source>
        <translation>解释面板</translation>
    </message>
    <message>
        <source>the Sweep tab</source>
        <translation>扫描标签页</translation>
    </message>
    <message>
        <source>the sweep&apos;s Pareto front</source>
        <translation>扫描的帕累托前沿</translation>
    </message>
    <message>
        <source>the Sensitivity tab</source>
        <translation>敏感性标签页</translation>
    </message>
    <message>
        <source>the Frontier tab</source>
        <translation>前沿标签页</translation>
    </message>
    <message>
        <source>the Parameters panel</source>
        <translation>参数面板</translation>
    </message>
    <message>
        <source>the workload bar</source>
        <translation>工作负载栏</translation>
    </message>
</context>
<context>
    <name>scoville::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Desi&amp;gn</source>
        <translation>设计(&amp;G)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Se&amp;nsitivity</source>
        <translation>敏感性(&amp;N)</translation>
    </message>
    <message>
        <source>F&amp;rontier</source>
        <translation>前沿(&amp;R)</translation>
    </message>
    <message>
        <source>Delete sweep</source>
        <translation>删除扫描</translation>
    </message>
    <message>
        <source>Delete the stored sweep “%1” from the session?</source>
        <translation>从会话中删除已存储的扫描“%1”？</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Designs and History</source>
        <translation>设计与历史</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Session...</source>
        <translation>新建会话(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Session...</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Every edit is saved to the session file as it is made; this writes anything still pending</source>
        <translation>每次编辑都会即时保存到会话文件；此操作写入尚未保存的内容</translation>
    </message>
    <message>
        <source>Save Session &amp;As...</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import Design (JSON)...</source>
        <translation>导入设计 (JSON)(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Design (JSON)...</source>
        <translation>导出设计 (JSON)(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find Parameter</source>
        <translation>查找参数(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Larger text and thicker plot lines for a projector; fewer panels</source>
        <translation>为投影仪放大文字、加粗曲线；减少面板</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export Plot</source>
        <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Roofline...</source>
        <translation>屋顶线(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Layers...</source>
        <translation>层(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Area and Power...</source>
        <translation>面积与功耗(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Compare...</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Sweep Map...</source>
        <translation>扫描图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Pareto Front...</source>
        <translation>帕累托前沿(&amp;P)…</translation>
    </message>
    <message>
        <source>Se&amp;nsitivity...</source>
        <translation>敏感性(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Frontier...</source>
        <translation>前沿(&amp;F)…</translation>
    </message>
    <message>
        <source>Tool&amp;s</source>
        <translation>工具(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Goal Seek...</source>
        <translation>目标搜索(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Sweep</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <source>Throughput–Interactivity &amp;Frontier</source>
        <translation>吞吐量–交互性前沿(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Open Lesson &amp;File...</source>
        <translation>打开课程文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lesson (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;About Scoville</source>
        <translation>关于 Scoville(&amp;A)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>未打开：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>Scoville session (*.scoville)</source>
        <translation>Scoville 会话 (*.scoville)</translation>
    </message>
    <message>
        <source>%1 exists and cannot be replaced</source>
        <translation>%1 已存在且无法替换</translation>
    </message>
    <message>
        <source>Scoville session (*.scoville);;All files (*)</source>
        <translation>Scoville 会话 (*.scoville);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save session as</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>Saved as %1; edits now go to that file</source>
        <translation>已另存为 %1；之后的编辑保存到该文件</translation>
    </message>
    <message>
        <source>All edits are saved in %1 (every edit is saved as it is made)</source>
        <translation>所有编辑都已保存在 %1 中（每次编辑即时保存）</translation>
    </message>
    <message>
        <source>Import design</source>
        <translation>导入设计</translation>
    </message>
    <message>
        <source>Chip design (*.json);;All files (*)</source>
        <translation>芯片设计 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported %1 as design &apos;%2&apos;</source>
        <translation>已将 %1 导入为设计“%2”</translation>
    </message>
    <message>
        <source>Export design</source>
        <translation>导出设计</translation>
    </message>
    <message>
        <source>Chip design (*.json)</source>
        <translation>芯片设计 (*.json)</translation>
    </message>
    <message>
        <source>Exported %1; evaluate it headless with: scoville eval --chip %1</source>
        <translation>已导出 %1；可在命令行中评估：scoville eval --chip %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Scoville</source>
        <translation>Scoville</translation>
    </message>
    <message>
        <source>%1 — %2 — Scoville</source>
        <translation>%1 — %2 — Scoville</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>No session file</source>
        <translation>无会话文件</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Edits are kept in memory only</source>
        <translation>编辑仅保存在内存中</translation>
    </message>
    <message>
        <source>Every edit is saved to %1; click for the designs and history</source>
        <translation>每次编辑都保存到 %1；单击查看设计与历史</translation>
    </message>
    <message>
        <source>About Scoville</source>
        <translation>关于 Scoville</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Scoville %1&lt;/h3&gt;&lt;p&gt;Design-space explorer for LLM-inference accelerators: an analytical model of compute, memory and networking with a roofline engine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Scoville %1&lt;/h3&gt;&lt;p&gt;面向 LLM 推理加速器的设计空间探索工具：包含屋顶线引擎的计算、内存和网络分析模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation>屋顶线</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Area, Power, Cost</source>
        <translation>面积、功耗、成本</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>记录(&amp;O)</translation>
    </message>
    <message>
        <source>Road&amp;map</source>
        <translation>路线图(&amp;M)</translation>
    </message>
    <message>
        <source>Export &amp;Report...</source>
        <translation>导出报告(&amp;R)...</translation>
    </message>
    <message>
        <source>Road&amp;map...</source>
        <translation>路线图(&amp;M)...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Workload: %1</source>
        <translation>负载：%1</translation>
    </message>
    <message>
        <source>Model&apos;s &amp;Record</source>
        <translation>模型记录(&amp;R)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>-report</source>
        <translation>-报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>PDF 文档 (*.pdf);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Wrote the report %1</source>
        <translation>已写入报告 %1</translation>
    </message>
    <message>
        <source>Export &amp;Model (JSON)...</source>
        <translation>导出模型 (JSON)(&amp;M)…</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>Model files (*.json)</source>
        <translation>模型文件 (*.json)</translation>
    </message>
    <message>
        <source>Exported %1; evaluate it headless with: scoville eval --model %1</source>
        <translation>已导出 %1；可无界面评估：scoville eval --model %1</translation>
    </message>
</context>
<context>
    <name>scoville::ModelEditor</name>
    <message>
        <source>Edit Model</source>
        <translation>编辑模型</translation>
    </message>
    <message>
        <source>The model&apos;s id: lower case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>模型的 id：小写字母、数字、“.”、“_”和“-”</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Edited from %1</source>
        <translation>由 %1 编辑而来</translation>
    </message>
    <message>
        <source>The model needs an id.</source>
        <translation>模型需要一个 id。</translation>
    </message>
    <message>
        <source>%1 billion parameters, %2 billion active a token</source>
        <translation>%1 十亿参数，每个 token 激活 %2 十亿</translation>
    </message>
    <message>
        <source>every layer attention and FFN</source>
        <translation>每层均为注意力和 FFN</translation>
    </message>
    <message>
        <source>One block a layer, as Nemotron-H&apos;s hybrid_override_pattern gives them: M linear attention (Mamba-2), * attention, - dense FFN, E MoE FFN; as many as the layers. Empty: every layer an attention and an FFN, as the other keys say (layer_pattern)</source>
        <translation>每层一个模块，与 Nemotron-H 的 hybrid_override_pattern 写法相同：M 线性注意力（Mamba-2），* 注意力，- 稠密 FFN，E MoE FFN；字符数与层数相同。留空：每层都有注意力和 FFN，由其他键决定（layer_pattern）</translation>
    </message>
    <message>
        <source>Layer pattern</source>
        <translation>层模式</translation>
    </message>
    <message>
        <source>; its MTP modules %1 billion more</source>
        <translation>；其 MTP 模块另有 %1 十亿</translation>
    </message>
</context>
<context>
    <name>scoville::ModelKeys</name>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Feed-forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <source>Mixture of experts</source>
        <translation>混合专家</translation>
    </message>
    <message>
        <source>Latent attention (MLA)</source>
        <translation>潜在注意力（MLA）</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Transformer blocks (config.json num_hidden_layers).</source>
        <translation>Transformer 块数（config.json num_hidden_layers）。</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏维度</translation>
    </message>
    <message>
        <source>Width of the residual stream (hidden_size).</source>
        <translation>残差流的宽度（hidden_size）。</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Tokens of the vocabulary: the embedding&apos;s and the lm_head&apos;s rows (vocab_size).</source>
        <translation>词表中的 token 数：嵌入层和 lm_head 的行数（vocab_size）。</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Tokens a request may hold, prompt and output (max_position_embeddings); a longer request is refused. 0: not given.</source>
        <translation>一个请求可容纳的 token 数，含提示与输出（max_position_embeddings）；更长的请求会被拒绝。0：未给出。</translation>
    </message>
    <message>
        <source>Query heads</source>
        <translation>查询头数</translation>
    </message>
    <message>
        <source>Attention heads of the queries (num_attention_heads); tensor parallelism splits them over the chips.</source>
        <translation>查询的注意力头数（num_attention_heads）；张量并行将其分布到各芯片。</translation>
    </message>
    <message>
        <source>KV heads</source>
        <translation>KV 头数</translation>
    </message>
    <message>
        <source>Key-value heads (num_key_value_heads): as many as the query heads for multi-head attention, fewer for grouped-query attention; it must divide the query heads. The KV cache holds layers x KV heads x head size x 2 values a token.</source>
        <translation>键值头数（num_key_value_heads）：多头注意力时与查询头数相同，分组查询注意力时更少；必须整除查询头数。每个 token 的 KV 缓存为 层数 x KV 头数 x 头维度 x 2 个值。</translation>
    </message>
    <message>
        <source>Head size</source>
        <translation>头维度</translation>
    </message>
    <message>
        <source>Width of a head (head_dim; hidden size / query heads where a model does not give it).</source>
        <translation>一个头的宽度（head_dim；模型未给出时为 隐藏维度 / 查询头数）。</translation>
    </message>
    <message>
        <source>Local window</source>
        <translation>局部窗口</translation>
    </message>
    <message>
        <source>Keys a local-attention layer attends: the last this many tokens (a sliding window), or its own chunk of this many (Llama 4). 0: every layer attends all its keys.</source>
        <translation>局部注意力层关注的键：最近这么多个 token（滑动窗口），或其所在的这么大的块（Llama 4）。0：每层都关注全部键。</translation>
    </message>
    <message>
        <source>Global layer every</source>
        <translation>全局层间隔</translation>
    </message>
    <message>
        <source>With a local window, every n-th layer attends all its keys and the others are local (gpt-oss: 2, Llama 4: 4). 0: every layer is local.</source>
        <translation>有局部窗口时，每第 n 层关注全部键，其余为局部层（gpt-oss：2，Llama 4：4）。0：每层都是局部层。</translation>
    </message>
    <message>
        <source>Window kind</source>
        <translation>窗口类型</translation>
    </message>
    <message>
        <source>How a local layer&apos;s keys move: sliding, the last tokens; chunked, the tokens of its own chunk, none at a chunk&apos;s start to the whole chunk at its end.</source>
        <translation>局部层的键如何移动：sliding，最近的 token；chunked，其所在块的 token，从块首的零个到块尾的整块。</translation>
    </message>
    <message>
        <source>RoPE</source>
        <translation>RoPE</translation>
    </message>
    <message>
        <source>How the queries and keys are rotated: standard (fixed frequencies: the original, linear, Llama 3 scalings) or YaRN, which some engines&apos; decode kernels leave to a pass of its own.</source>
        <translation>查询和键的旋转方式：standard（固定频率：原始、线性、Llama 3 缩放）或 YaRN，某些引擎的解码内核会把它交给单独的一遍处理。</translation>
    </message>
    <message>
        <source>Dense FFN size</source>
        <translation>稠密 FFN 维度</translation>
    </message>
    <message>
        <source>Intermediate size of the dense layers&apos; feed-forward network (intermediate_size); unused where every layer is MoE.</source>
        <translation>稠密层前馈网络的中间维度（intermediate_size）；每层都是 MoE 时不使用。</translation>
    </message>
    <message>
        <source>Gated (SwiGLU)</source>
        <translation>门控（SwiGLU）</translation>
    </message>
    <message>
        <source>Gate, up and down projections (SwiGLU); off: up and down only.</source>
        <translation>门、上投影和下投影（SwiGLU）；关闭：只有上投影和下投影。</translation>
    </message>
    <message>
        <source>Routed experts</source>
        <translation>路由专家数</translation>
    </message>
    <message>
        <source>Experts of an MoE layer a router chooses among. 0: a dense model.</source>
        <translation>MoE 层中由路由器从中选择的专家数。0：稠密模型。</translation>
    </message>
    <message>
        <source>Experts a token</source>
        <translation>每个 token 的专家数</translation>
    </message>
    <message>
        <source>Routed experts each token takes (num_experts_per_tok).</source>
        <translation>每个 token 选取的路由专家数（num_experts_per_tok）。</translation>
    </message>
    <message>
        <source>Expert FFN size</source>
        <translation>专家 FFN 维度</translation>
    </message>
    <message>
        <source>Intermediate size of one expert (moe_intermediate_size).</source>
        <translation>单个专家的中间维度（moe_intermediate_size）。</translation>
    </message>
    <message>
        <source>Shared experts</source>
        <translation>共享专家数</translation>
    </message>
    <message>
        <source>Experts every token takes besides its routed ones, each of the expert FFN size.</source>
        <translation>每个 token 在路由专家之外都会经过的专家，每个为专家 FFN 维度。</translation>
    </message>
    <message>
        <source>Leading dense layers</source>
        <translation>前置稠密层数</translation>
    </message>
    <message>
        <source>Layers at the start with a dense FFN (DeepSeek-V3: 3).</source>
        <translation>开头使用稠密 FFN 的层数（DeepSeek-V3：3）。</translation>
    </message>
    <message>
        <source>MoE layer every</source>
        <translation>MoE 层间隔</translation>
    </message>
    <message>
        <source>After the leading dense layers, every n-th layer is MoE and the others dense (Llama 4 Maverick: 2).</source>
        <translation>前置稠密层之后，每第 n 层为 MoE，其余为稠密层（Llama 4 Maverick：2）。</translation>
    </message>
    <message>
        <source>Routing skew</source>
        <translation>路由偏斜</translation>
    </message>
    <message>
        <source>Power law of the tokens each expert receives, which sets the busiest expert rank&apos;s load (aiconfigurator: 1.01 to 1.2 across models). 0: every expert takes its share.</source>
        <translation>每个专家所接收 token 数的幂律指数，决定最繁忙专家 rank 的负载（aiconfigurator：不同模型为 1.01 到 1.2）。0：每个专家平均分担。</translation>
    </message>
    <message>
        <source>KV latent rank</source>
        <translation>KV 潜在秩</translation>
    </message>
    <message>
        <source>Width of the compressed key-value latent the cache holds a token (kv_lora_rank). 0: no latent attention.</source>
        <translation>缓存为每个 token 保存的压缩键值潜在向量宽度（kv_lora_rank）。0：无潜在注意力。</translation>
    </message>
    <message>
        <source>Query latent rank</source>
        <translation>查询潜在秩</translation>
    </message>
    <message>
        <source>Width of the compressed query (q_lora_rank). 0: uncompressed queries.</source>
        <translation>压缩查询的宽度（q_lora_rank）。0：查询不压缩。</translation>
    </message>
    <message>
        <source>Head size without RoPE</source>
        <translation>无 RoPE 头维度</translation>
    </message>
    <message>
        <source>Part of a query and key head that is not rotated (qk_nope_head_dim).</source>
        <translation>查询和键头中不旋转的部分（qk_nope_head_dim）。</translation>
    </message>
    <message>
        <source>RoPE head size</source>
        <translation>RoPE 头维度</translation>
    </message>
    <message>
        <source>Rotated part of a query and key head, shared by the heads in the cache (qk_rope_head_dim).</source>
        <translation>查询和键头中旋转的部分，在缓存中由各头共享（qk_rope_head_dim）。</translation>
    </message>
    <message>
        <source>Value head size</source>
        <translation>值头维度</translation>
    </message>
    <message>
        <source>Width of a value head (v_head_dim).</source>
        <translation>值头的宽度（v_head_dim）。</translation>
    </message>
    <message>
        <source>LM head tied to the embedding</source>
        <translation>LM head 与嵌入层共享权重</translation>
    </message>
    <message>
        <source>The LM head projects with the embedding&apos;s table (tie_word_embeddings): its weights are held once, twice where pipeline stages part the two ends, and counted once.</source>
        <translation>LM head 使用嵌入层的词表矩阵做投影（tie_word_embeddings）：其权重只存一份（流水线各级把两端分开时存两份），参数只计一次。</translation>
    </message>
    <message>
        <source>Linear attention</source>
        <translation>线性注意力</translation>
    </message>
    <message>
        <source>Attention output gate</source>
        <translation>注意力输出门控</translation>
    </message>
    <message>
        <source>The query projection also makes a sigmoid gate for each element of the attention&apos;s output (Qwen3-Next, Qwen3.5 gated attention): its width doubles.</source>
        <translation>查询投影同时为注意力输出的每个元素生成一个 sigmoid 门（Qwen3-Next、Qwen3.5 的门控注意力）：其宽度翻倍。</translation>
    </message>
    <message>
        <source>Value heads</source>
        <translation>值头数</translation>
    </message>
    <message>
        <source>Heads of a linear-attention layer (Gated DeltaNet: linear_num_value_heads); each keeps a key head dim x value head dim state per request in place of a KV cache. 0: no linear-attention layers.</source>
        <translation>线性注意力层的头数（Gated DeltaNet：linear_num_value_heads）；每个头为每个请求保存一个 键头维度 x 值头维度 的状态，取代 KV 缓存。0：无线性注意力层。</translation>
    </message>
    <message>
        <source>Key heads</source>
        <translation>键头数</translation>
    </message>
    <message>
        <source>Query and key heads of a linear-attention layer (linear_num_key_heads); each serves value heads / key heads value heads.</source>
        <translation>线性注意力层的查询头和键头数（linear_num_key_heads）；每个服务 值头数 / 键头数 个值头。</translation>
    </message>
    <message>
        <source>Key head size</source>
        <translation>键头维度</translation>
    </message>
    <message>
        <source>Width of a linear-attention query and key head (linear_key_head_dim): the state&apos;s rows.</source>
        <translation>线性注意力查询头和键头的宽度（linear_key_head_dim）：状态的行数。</translation>
    </message>
    <message>
        <source>Width of a linear-attention value head (linear_value_head_dim): the state&apos;s columns.</source>
        <translation>线性注意力值头的宽度（linear_value_head_dim）：状态的列数。</translation>
    </message>
    <message>
        <source>Convolution taps</source>
        <translation>卷积抽头数</translation>
    </message>
    <message>
        <source>Taps of the short causal convolution over the queries, keys and values (linear_conv_kernel_dim); a request keeps the last taps - 1 inputs.</source>
        <translation>作用于查询、键和值的短因果卷积的抽头数（linear_conv_kernel_dim）；每个请求保留最近 抽头数 - 1 个输入。</translation>
    </message>
    <message>
        <source>Full attention every</source>
        <translation>全注意力层间隔</translation>
    </message>
    <message>
        <source>With linear-attention layers, every n-th layer attends all its keys with a KV cache and the others are linear (full_attention_interval; Qwen3-Next: 4). 0: every layer is linear.</source>
        <translation>有线性注意力层时，每第 n 层以 KV 缓存关注其全部键，其余为线性层（full_attention_interval；Qwen3-Next：4）。0：每层均为线性。</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>递推方式</translation>
    </message>
    <message>
        <source>What a linear-attention layer runs: gated_delta, Gated DeltaNet&apos;s delta rule (Qwen3-Next, Qwen3.5); mamba2, Mamba-2&apos;s state-space duality (Nemotron-H, Nemotron 3), whose key heads are its groups (n_groups), key head size its state size (ssm_state_size) and value heads its SSM heads (mamba_num_heads, mamba_head_dim).</source>
        <translation>线性注意力层运行的递推：gated_delta，Gated DeltaNet 的 delta 规则（Qwen3-Next、Qwen3.5）；mamba2，Mamba-2 的状态空间对偶（Nemotron-H、Nemotron 3），其键头数即分组数（n_groups），键头宽度即状态维度（ssm_state_size），值头即 SSM 头（mamba_num_heads、mamba_head_dim）。</translation>
    </message>
    <message>
        <source>State format</source>
        <translation>状态格式</translation>
    </message>
    <message>
        <source>The format the model&apos;s configuration asks its recurrent state be held in (mamba_ssm_cache_dtype: Nemotron 3 float32), which engines follow unless the workload says otherwise (vLLM&apos;s mamba_ssm_cache_dtype auto).</source>
        <translation>模型配置要求的循环状态存储格式（mamba_ssm_cache_dtype：Nemotron 3 为 float32），除非负载另行指定，引擎都按它执行（vLLM 的 mamba_ssm_cache_dtype auto）。</translation>
    </message>
    <message>
        <source>Scan chunk</source>
        <translation>扫描分块</translation>
    </message>
    <message>
        <source>Tokens per chunk of a prompt&apos;s chunked scan, which its engines run: within a chunk the tokens meet as in attention, across chunks through the state (Gated DeltaNet: 64, flash-linear-attention&apos;s kernel; Mamba-2: its config&apos;s chunk_size, Nemotron 3: 128).</source>
        <translation>引擎对提示词做分块扫描时每块的 token 数：块内 token 像注意力那样相互作用，块间通过状态传递（Gated DeltaNet：64，flash-linear-attention 的内核；Mamba-2：其配置的 chunk_size，Nemotron 3 为 128）。</translation>
    </message>
    <message>
        <source>Expert latent width</source>
        <translation>专家潜在宽度</translation>
    </message>
    <message>
        <source>Width the routed experts work in (moe_latent_size: Nemotron 3 Super&apos;s LatentMoE): a layer projects its tokens down to it, sends and runs them there and projects the experts&apos; sum back up. 0: the hidden size.</source>
        <translation>路由专家工作的宽度（moe_latent_size：Nemotron 3 Super 的 LatentMoE）：一层先把词元投影到这一宽度，在其上发送并运行专家，再把专家输出之和投影回去。0：隐藏维度。</translation>
    </message>
    <message>
        <source>MTP modules</source>
        <translation>MTP 模块</translation>
    </message>
    <message>
        <source>Multi-token-prediction modules the checkpoint holds beside its layers (num_nextn_predict_layers, mtp_num_hidden_layers): one layer of the model&apos;s kind each, with a projection of 2 x hidden to hidden. Speculative decoding without a draft model drafts with them, and holds their weights and KV cache. 0: none.</source>
        <translation>检查点在各层之外附带的多词元预测模块（num_nextn_predict_layers、mtp_num_hidden_layers）：每个为一层与模型同类的层，外加一个 2 x hidden 到 hidden 的投影。没有草稿模型的投机解码用它们起草，并保存其权重和 KV 缓存。0：无。</translation>
    </message>
</context>
<context>
    <name>scoville::ParameterPanel</name>
    <message>
        <source>Start from</source>
        <translation>起始芯片</translation>
    </message>
    <message>
        <source>Load a reference chip&apos;s parameters as the design (undoable); &quot;reset&quot; buttons return to its values.</source>
        <translation>将参考芯片的参数载入为设计（可撤销）；“重置”按钮恢复到其取值。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>键：%1</translation>
    </message>
    <message>
        <source>Valid range: %1 to %2</source>
        <translation>有效范围：%1 至 %2</translation>
    </message>
    <message>
        <source>Reset to %1 (the value of %2)</source>
        <translation>重置为 %1（%2 的取值）</translation>
    </message>
    <message>
        <source>Filter: name, key or basis</source>
        <translation>筛选：名称、键或依据</translation>
    </message>
    <message>
        <source>&lt;i&gt;Italic&lt;/i&gt;: an estimated value, not a published figure; hover a parameter for its basis</source>
        <translation>&lt;i&gt;斜体&lt;/i&gt;：估计值，而非公开数据；悬停参数可查看其依据</translation>
    </message>
    <message>
        <source>Left at 0: %1, from %2</source>
        <translation>设为 0 时取 %1，来自 %2</translation>
    </message>
</context>
<context>
    <name>scoville::PhysicalView</name>
    <message>
        <source>Area per die (mm²)</source>
        <translation>每裸片面积 (mm²)</translation>
    </message>
    <message>
        <source>Power per chip on this workload (W)</source>
        <translation>此负载下每芯片功耗 (W)</translation>
    </message>
    <message>
        <source>Cost per million tokens (USD), owner&apos;s cost</source>
        <translation>每百万词元成本（美元），拥有成本</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>TDP %1 W</source>
        <translation>TDP %1 W</translation>
    </message>
    <message>
        <source>reticle limit %1 mm²</source>
        <translation>光罩极限 %1 mm²</translation>
    </message>
    <message>
        <source>No cost per token: no tokens served</source>
        <translation>无每词元成本：未服务任何词元</translation>
    </message>
    <message>
        <source>The chip&apos;s area cannot be estimated</source>
        <translation>无法估算该芯片的面积</translation>
    </message>
    <message>
        <source>%1 I/O die</source>
        <translation>%1 I/O 裸片</translation>
    </message>
    <message>
        <source>No power: the workload does not run on the design</source>
        <translation>无功耗：负载无法在此设计上运行</translation>
    </message>
    <message>
        <source>No cost: the workload does not run on the design</source>
        <translation>无成本：负载无法在此设计上运行</translation>
    </message>
</context>
<context>
    <name>scoville::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The interface changes to %1 when Scoville starts again.</source>
        <translation>重新启动 Scoville 后界面将切换为%1。</translation>
    </message>
</context>
<context>
    <name>scoville::RecordView</name>
    <message>
        <source>Which measured results: the public set or the extra one</source>
        <translation>使用哪组实测结果：公开集或额外集</translation>
    </message>
    <message>
        <source>Both sets</source>
        <translation>两组</translation>
    </message>
    <message>
        <source>Public set</source>
        <translation>公开集</translation>
    </message>
    <message>
        <source>Extra set</source>
        <translation>额外集</translation>
    </message>
    <message>
        <source>Only the cases measured on this chip</source>
        <translation>仅在此芯片上测得的案例</translation>
    </message>
    <message>
        <source>All chips</source>
        <translation>所有芯片</translation>
    </message>
    <message>
        <source>Only the cases of this model</source>
        <translation>仅此模型的案例</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Dense and MoE</source>
        <translation>稠密与 MoE</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <source>MoE</source>
        <translation>MoE</translation>
    </message>
    <message>
        <source>Serving and kernels</source>
        <translation>服务与内核</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Show fits</source>
        <translation>显示拟合</translation>
    </message>
    <message>
        <source>Predicted by the model</source>
        <translation>模型预测</translation>
    </message>
    <message>
        <source>%1: no rows</source>
        <translation>%1：无数据行</translation>
    </message>
    <message>
        <source>(%1 fits left out)</source>
        <translation>（不计 %1 个拟合）</translation>
    </message>
    <message>
        <source>Measured results not read: %1</source>
        <translation>未读取实测结果：%1</translation>
    </message>
    <message>
        <source>The cases are evaluated when this view is first shown.</source>
        <translation>首次显示此视图时评估这些案例。</translation>
    </message>
    <message>
        <source>Evaluating the cases: %1 of %2 done…</source>
        <translation>正在评估案例：已完成 %1 / %2…</translation>
    </message>
    <message>
        <source>Cases that could not be evaluated: %1 (hover for why)</source>
        <translation>无法评估的案例：%1（悬停查看原因）</translation>
    </message>
    <message>
        <source>%1 (%2 set, %3)</source>
        <translation>%1（%2 集，%3）</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>额外</translation>
    </message>
    <message>
        <source>check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>%1 on %2 × %3, %4, %5; input %6, output %7 tokens</source>
        <translation>%1 运行于 %2 × %3，%4，%5；输入 %6，输出 %7 个词元</translation>
    </message>
    <message>
        <source>%1 on %2 %3 %4</source>
        <translation>%1 运行于 %2 %3 %4</translation>
    </message>
    <message>
        <source>As measured: %1</source>
        <translation>实测条件：%1</translation>
    </message>
    <message>
        <source>Measured %1, predicted %2 %3 (%4)</source>
        <translation>实测 %1，预测 %2 %3（%4）</translation>
    </message>
    <message>
        <source>Model&apos;s choice: %1</source>
        <translation>模型的选择：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Click to load this case&apos;s chip and workload</source>
        <translation>点击以载入此案例的芯片与负载</translation>
    </message>
    <message>
        <source>%1: median |error| %2 over %3 rows; %4 within ±25 %, %5 within ±35 %; max %6</source>
        <translation>%1：%3 行的 |误差| 中位数 %2；%4 行在 ±25 % 以内，%5 行在 ±35 % 以内；最大 %6</translation>
    </message>
    <message>
        <source>±25 % band</source>
        <translation>±25 % 带</translation>
    </message>
    <message>
        <source>Cases that set a parameter of their chip, an efficiency or a latency (hollow squares). They match by construction, so the headline figures always leave them out.</source>
        <translation>用于设定其芯片某项参数（效率或延迟）的案例（空心方块）。它们按构造吻合，因此标题数字总是不计入它们。</translation>
    </message>
    <message>
        <source>fit: sets a chip parameter</source>
        <translation>拟合：设定一项芯片参数</translation>
    </message>
    <message>
        <source>Dense models or mixtures of experts (serving cases and MoE layers)</source>
        <translation>稠密模型或混合专家模型（服务案例与 MoE 层）</translation>
    </message>
    <message>
        <source>MoE layers</source>
        <translation>MoE 层</translation>
    </message>
    <message>
        <source>One layer&apos;s fused MoE op of %1 on %2 %3, %4</source>
        <translation>%1 的单层融合 MoE 算子，运行于 %2 %3，%4</translation>
    </message>
    <message>
        <source>Only the cases of this publication (engines of different years run the same chips at different speeds)</source>
        <translation>只看该出处的案例（不同年份的引擎在同一芯片上速度不同）</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部出处</translation>
    </message>
    <message>
        <source>GEMMs</source>
        <translation>GEMM</translation>
    </message>
    <message>
        <source>One layer&apos;s decode attention of %1 on %2, KV cache %3, %4</source>
        <translation>%1 一层的解码注意力，在 %2 上，KV 缓存 %3，%4</translation>
    </message>
    <message>
        <source>Measured (tokens/s for serving and through an MoE or attention layer, TFLOP/s for GEMMs, TB/s for STREAM, GB/s bus bandwidth for all-reduces)</source>
        <translation>实测值（服务与 MoE 或注意力层为 tokens/s，GEMM 为 TFLOP/s，STREAM 为 TB/s，all-reduce 为总线带宽 GB/s）</translation>
    </message>
    <message>
        <source>Serving throughput, or single kernels (GEMM, memory copy, all-reduce, one layer&apos;s fused MoE op, its attention in a decode or prefill step); GEMMs: bare GEMMs and engines&apos; Linear layers alone</source>
        <translation>服务吞吐量，或单个内核（GEMM、内存拷贝、all-reduce、一层的融合 MoE 算子、解码或预填充步中的注意力）；GEMM：仅裸 GEMM 与引擎的 Linear 层</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>One layer&apos;s prompt attention of %1 on %2, KV cache %3, %4</source>
        <translation>%1 一层的提示注意力，在 %2 上，KV 缓存 %3，%4</translation>
    </message>
    <message>
        <source>prediction = measurement</source>
        <translation>预测 = 实测</translation>
    </message>
    <message>
        <source>Fused MoE layer</source>
        <translation>融合 MoE 层</translation>
    </message>
    <message>
        <source>Fit (not in the headline)</source>
        <translation>拟合（不计入标题数字）</translation>
    </message>
    <message>
        <source>Serving cases by the prompt&apos;s share of a request&apos;s tokens: output-heavy below 0.2, prompt-heavy above 0.8, else mixed (the classes of the measured accuracy)</source>
        <translation>按提示在请求词元中所占比例筛选服务用例：低于 0.2 为输出为主，高于 0.8 为提示为主，其余为长度相当（即实测准确度的类别）</translation>
    </message>
    <message>
        <source>All lengths</source>
        <translation>所有长度</translation>
    </message>
    <message>
        <source>Output-heavy</source>
        <translation>输出为主</translation>
    </message>
    <message>
        <source>Mixed lengths</source>
        <translation>长度相当</translation>
    </message>
    <message>
        <source>Prompt-heavy</source>
        <translation>提示为主</translation>
    </message>
</context>
<context>
    <name>scoville::Report</name>
    <message>
        <source>Workload</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Parallelism chosen</source>
        <translation>所选并行方式</translation>
    </message>
    <message>
        <source>Efficiencies</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Economics</source>
        <translation>经济参数</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Design report: %1</source>
        <translation>设计报告：%1</translation>
    </message>
    <message>
        <source>Workload: %1</source>
        <translation>负载：%1</translation>
    </message>
    <message>
        <source>Against the baseline and the compared chips</source>
        <translation>相对基线与对比芯片</translation>
    </message>
    <message>
        <source>Roadmap: %1</source>
        <translation>路线图：%1</translation>
    </message>
    <message>
        <source>Area per die, power per chip, cost per million tokens</source>
        <translation>每裸片面积、每芯片功耗、每百万词元成本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>vs %1</source>
        <translation>相对 %1</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>相对基线</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>The design does not evaluate on this workload: %1</source>
        <translation>该设计无法在此负载上评估：%1</translation>
    </message>
    <message>
        <source>Owner&apos;s cost per chip-hour</source>
        <translation>每芯片小时的持有成本</translation>
    </message>
    <message>
        <source>No cost: the design has no throughput or cannot be made (see the warnings).</source>
        <translation>无成本：该设计没有吞吐或无法制造（见警告）。</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (%2) per chip; %3 per million tokens at %4 % utilisation.</source>
        <translation>每芯片 %1（%2）；利用率 %4 % 时每百万词元 %3。</translation>
    </message>
    <message>
        <source>built</source>
        <translation>自建</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Key assumptions</source>
        <translation>关键假设</translation>
    </message>
    <message>
        <source>%1 · weights %2, KV cache %3 · %4 chips · prompt %5, output %6 tokens</source>
        <translation>%1 · 权重 %2，KV 缓存 %3 · %4 个芯片 · 提示 %5，输出 %6 个词元</translation>
    </message>
    <message>
        <source>Design: %1</source>
        <translation>设计：%1</translation>
    </message>
    <message>
        <source> · baseline %1</source>
        <translation> · 基线 %1</translation>
    </message>
    <message>
        <source> · compared: %1</source>
        <translation> · 对比：%1</translation>
    </message>
    <message>
        <source>%1: a report is written as .pdf or .png</source>
        <translation>%1：报告须写为 .pdf 或 .png</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Scoville design report: %1</source>
        <translation>Scoville 设计报告：%1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 运行于 %2</translation>
    </message>
    <message>
        <source>%1: cannot start the PDF</source>
        <translation>%1：无法开始写入 PDF</translation>
    </message>
    <message>
        <source>%1: the image could not be written</source>
        <translation>%1：无法写入图像</translation>
    </message>
    <message>
        <source>%2–%3 tokens (%1)</source>
        <translation>%2–%3 个词元（%1 个分位数）</translation>
    </message>
    <message>
        <source>%1 (the quantiles&apos;)</source>
        <translation>%1（来自分位数）</translation>
    </message>
    <message>
        <source>Measured accuracy</source>
        <translation>实测准确度</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Request lengths</source>
        <translation>请求长度</translation>
    </message>
    <message>
        <source>Runs measured</source>
        <translation>实测运行次数</translation>
    </message>
    <message>
        <source>Median tokens/s error</source>
        <translation>词元/秒误差中位数</translation>
    </message>
    <message>
        <source>10th to 90th percentile</source>
        <translation>第 10 至第 90 百分位</translation>
    </message>
    <message>
        <source>Within ±35 %</source>
        <translation>±35 % 以内</translation>
    </message>
    <message>
        <source>%1 chips</source>
        <translation>%1 个芯片</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Prefill pool, %1</source>
        <translation>预填充池，%1</translation>
    </message>
    <message>
        <source>Decode pool, %1</source>
        <translation>解码池，%1</translation>
    </message>
    <message>
        <source>Scoville %1 · analytical model: values are estimates; a range spans the uncertain values of the chip, engine, model and power model; roadmap points without a chip spec show announced figures only.</source>
        <translation>Scoville %1 · 解析模型：数值均为估计；范围是在芯片、引擎、模型与功耗模型不确定参数上的结果；没有芯片规格的路线图点仅显示公布数据。</translation>
    </message>
</context>
<context>
    <name>scoville::RoadmapView</name>
    <message>
        <source>shipping</source>
        <translation>已出货</translation>
    </message>
    <message>
        <source>announced</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>估计</translation>
    </message>
    <message>
        <source>not modelled: no chip spec</source>
        <translation>未建模：无芯片规格</translation>
    </message>
    <message>
        <source>being evaluated</source>
        <translation>正在评估</translation>
    </message>
    <message>
        <source>does not apply to this chip</source>
        <translation>不适用于此芯片</translation>
    </message>
    <message>
        <source>The result each generation is placed at, on the current workload</source>
        <translation>每代芯片所处的结果指标，基于当前负载</translation>
    </message>
    <message>
        <source>The year your design is placed in, as its first generation</source>
        <translation>你的设计作为第一代所在的年份</translation>
    </message>
    <message>
        <source>Other designs as later generations</source>
        <translation>其他设计作为后续代</translation>
    </message>
    <message>
        <source>The session&apos;s other designs, in name order: the second two years after the first, then one a year</source>
        <translation>会话中的其他设计，按名称排序：第二个比第一个晚两年，之后每年一个</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <source>Your design in &amp;year:</source>
        <translation>你的设计所在年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>× %1: %2</source>
        <translation>× %1：%2</translation>
    </message>
    <message>
        <source>not modelled</source>
        <translation>未建模</translation>
    </message>
    <message>
        <source>%1 (announced)</source>
        <translation>%1（已公布）</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>已出货</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估计</translation>
    </message>
    <message>
        <source>Announced figure</source>
        <translation>公布数据</translation>
    </message>
    <message>
        <source>Your design</source>
        <translation>你的设计</translation>
    </message>
    <message>
        <source>Evaluating the roadmap&apos;s chips on this workload…</source>
        <translation>正在此负载上评估路线图中的芯片…</translation>
    </message>
    <message>
        <source>Computing each chip&apos;s range over its uncertain values…</source>
        <translation>正在计算每个芯片在其不确定参数上的范围…</translation>
    </message>
    <message>
        <source>Hover a point for its value, range, confidence and source.</source>
        <translation>悬停某点可查看其数值、范围、可信度与来源。</translation>
    </message>
    <message>
        <source>Not modelled (no chip spec, no announced %1): %2.</source>
        <translation>未建模（无芯片规格，也未公布 %1）：%2。</translation>
    </message>
    <message>
        <source>%1 (your design), %2</source>
        <translation>%1（你的设计），%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1: %2 (model)</source>
        <translation>%1：%2（模型）</translation>
    </message>
    <message>
        <source>%1: %2 (as announced; not modelled)</source>
        <translation>%1：%2（按公布值；未建模）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Status: %1; confidence %2</source>
        <translation>状态：%1；可信度 %2</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Announced: %1</source>
        <translation>公布：%1</translation>
    </message>
    <message>
        <source>does not run this workload</source>
        <translation>无法运行此负载</translation>
    </message>
    <message>
        <source>Cannot run this workload (hover its name along the bottom for why): %1.</source>
        <translation>无法运行此负载（将鼠标悬停在底部的名称上查看原因）：%1。</translation>
    </message>
    <message>
        <source>range %1 to %2 over the uncertain values of the chip, the engine, the model and the physical model</source>
        <translation>在芯片、引擎、模型与物理模型不确定参数上的范围 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>scoville::RooflineView</name>
    <message>
        <source>Arithmetic intensity (FLOP/byte)</source>
        <translation>算术强度 (FLOP/字节)</translation>
    </message>
    <message>
        <source>Attained TFLOP/s</source>
        <translation>实际 TFLOP/s</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>reference ridges</source>
        <translation>参考拐点</translation>
    </message>
    <message>
        <source>Show reference ridge points</source>
        <translation>显示参考芯片的拐点</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; ridge point: %2 FLOP/byte at %3 TFLOP/s (%4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 拐点：%2 FLOP/字节，%3 TFLOP/s（%4）</translation>
    </message>
    <message>
        <source>&lt;br&gt;shape (M×K)·(K×N): M=%1 N=%2 K=%3</source>
        <translation>&lt;br&gt;形状 (M×K)·(K×N)：M=%1 N=%2 K=%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3 layer (×%4)%5&lt;br&gt;FLOPs %6, bytes %7 (weights %8, activations %9, KV %10)&lt;br&gt;intensity %11 FLOP/byte, attained %12 TFLOP/s at %13&lt;br&gt;time %14: compute %15, memory %16, network %17 → &lt;b&gt;%18-bound&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2，%3 层（×%4）%5&lt;br&gt;FLOPs %6，字节 %7（权重 %8，激活 %9，KV %10）&lt;br&gt;算术强度 %11 FLOP/字节，在 %13 下实际 %12 TFLOP/s&lt;br&gt;时间 %14：计算 %15，内存 %16，网络 %17 → &lt;b&gt;%18受限&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No roofline: the workload does not run on the design</source>
        <translation>无屋顶线：负载无法在此设计上运行</translation>
    </message>
</context>
<context>
    <name>scoville::SeekDialog</name>
    <message>
        <source>Goal Seek</source>
        <translation>目标搜索</translation>
    </message>
    <message>
        <source>× the value now</source>
        <translation>× 当前值</translation>
    </message>
    <message>
        <source>absolute</source>
        <translation>绝对值</translation>
    </message>
    <message>
        <source>Search only between</source>
        <translation>仅在以下范围内搜索</translation>
    </message>
    <message>
        <source>Without a range the key&apos;s slider range is searched, widened to hold the design&apos;s value</source>
        <translation>不指定范围时搜索该键的滑块范围，并扩展到包含设计的当前值</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改变</translation>
    </message>
    <message>
        <source>until</source>
        <translation>直到</translation>
    </message>
    <message>
        <source>reaches</source>
        <translation>达到</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Seek finds the value of the key at which the objective reaches the target, starting from the design.</source>
        <translation>目标搜索从当前设计出发，求出使目标达到目标值的键取值。</translation>
    </message>
    <message>
        <source>%1 now: %2, with %3 at %4</source>
        <translation>当前 %1：%2，%3 为 %4</translation>
    </message>
    <message>
        <source>the design does not evaluate now: %1</source>
        <translation>当前设计无法评估：%1</translation>
    </message>
    <message>
        <source>The inputs or the design changed: seek again.</source>
        <translation>输入或设计已更改：请重新搜索。</translation>
    </message>
    <message>
        <source>Cannot seek: %1</source>
        <translation>无法搜索：%1</translation>
    </message>
    <message>
        <source>Cannot seek: the objective has no value on the design now.</source>
        <translation>无法搜索：目标在当前设计上没有值。</translation>
    </message>
    <message>
        <source>Seeking %1 = %2…</source>
        <translation>正在搜索 %1 = %2…</translation>
    </message>
    <message>
        <source>The inputs or the design changed during the search: seek again.</source>
        <translation>搜索期间输入或设计已更改：请重新搜索。</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>无法达到：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 = %2 gives %3 %4 (target %5); the design has %6, giving %7. %n evaluations.</source>
        <translation>
            <numerusform>%1 = %2 时得到 %3 %4（目标 %5）；当前设计为 %6，得到 %7。共 %n 次评估。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Applied: %1 = %2 (Undo takes it back).</source>
        <translation>已应用：%1 = %2（可撤销）。</translation>
    </message>
</context>
<context>
    <name>scoville::SensitivityView</name>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>Per mm²</source>
        <translation>每 mm²</translation>
    </message>
    <message>
        <source>Per W</source>
        <translation>每 W</translation>
    </message>
    <message>
        <source>Per $</source>
        <translation>每 $</translation>
    </message>
    <message>
        <source>The objective&apos;s change, in %, for +1 % of the key</source>
        <translation>键增加 1 % 时目标的变化（%）</translation>
    </message>
    <message>
        <source>The objective&apos;s change over the change of average power per chip when the key steps up</source>
        <translation>键增大一步时目标变化与每芯片平均功耗变化之比</translation>
    </message>
    <message>
        <source>The objective&apos;s change over the change of the chip&apos;s cost to its owner when the key steps up</source>
        <translation>键增大一步时目标变化与芯片拥有成本变化之比</translation>
    </message>
    <message>
        <source>%1 more of the key improves the objective &amp;nbsp; %2 more of it makes the objective worse</source>
        <translation>%1 增加该键会改善目标 &amp;nbsp; %2 增加该键会使目标变差</translation>
    </message>
    <message>
        <source>choose an objective</source>
        <translation>请选择一个目标</translation>
    </message>
    <message>
        <source>No parameter moves %1 by a measurable amount here.</source>
        <translation>此处没有参数能使 %1 产生可测量的变化。</translation>
    </message>
    <message>
        <source>memory-bound</source>
        <translation>内存受限</translation>
    </message>
    <message>
        <source>compute-bound</source>
        <translation>计算受限</translation>
    </message>
    <message>
        <source>network-bound</source>
        <translation>网络受限</translation>
    </message>
    <message>
        <source>%1 is limited most by %2 (+1 % gives %3).</source>
        <translation>%1 受 %2 限制最大（+1 % 带来 %3）。</translation>
    </message>
    <message>
        <source>%1 is limited most by %2 (+1 % gives %3); the decode step is %4.</source>
        <translation>%1 受 %2 限制最大（+1 % 带来 %3）；解码步为%4。</translation>
    </message>
    <message>
        <source>%1 is limited most by %2 (+1 % gives %3), then by %4 (%5).</source>
        <translation>%1 受 %2 限制最大（+1 % 带来 %3），其次是 %4（%5）。</translation>
    </message>
    <message>
        <source>%1 is limited most by %2 (+1 % gives %3), then by %4 (%5); the decode step is %6.</source>
        <translation>%1 受 %2 限制最大（+1 % 带来 %3），其次是 %4（%5）；解码步为%6。</translation>
    </message>
    <message>
        <source>No sensitivity: %1</source>
        <translation>无敏感性结果：%1</translation>
    </message>
    <message>
        <source>%1 now: %2; each key stepped by ±%3 %</source>
        <translation>当前 %1：%2；每个键按 ±%3 % 步进</translation>
    </message>
    <message>
        <source>Change of %1 for +1 % of the key (%)</source>
        <translation>键增加 1 % 时 %1 的变化（%）</translation>
    </message>
    <message>
        <source>Per mm²
%1</source>
        <translation>每 mm²
%1</translation>
    </message>
    <message>
        <source>Per W
%1</source>
        <translation>每 W
%1</translation>
    </message>
    <message>
        <source>Per $
%1</source>
        <translation>每 $
%1</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Which parameters are stepped: the chip&apos;s (with the economics&apos;), the workload&apos;s, the model&apos;s, or all of them</source>
        <translation>步进哪些参数：芯片的（含经济参数）、工作负载的、模型的，或全部</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>saves</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>更差</translation>
    </message>
    <message>
        <source>no gain</source>
        <translation>无收益</translation>
    </message>
    <message>
        <source>More of this key makes %1 no worse and takes less %2: no trade to price.</source>
        <translation>增大此参数时，%1 不变差，且占用的%2更少：没有需要定价的取舍。</translation>
    </message>
    <message>
        <source>More of this key takes more %2 and makes %1 worse.</source>
        <translation>增大此参数会占用更多%2，并使 %1 变差。</translation>
    </message>
    <message>
        <source>More of this key takes more %2 and does not change %1.</source>
        <translation>增大此参数会占用更多%2，而 %1 不变。</translation>
    </message>
    <message>
        <source>power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>capital</source>
        <translation>资本投入</translation>
    </message>
    <message>
        <source>The objective&apos;s change over the change of the chip&apos;s silicon area (all its dies) when the key steps up</source>
        <translation>键增大时，目标的变化除以芯片硅面积（其全部裸片）的变化</translation>
    </message>
    <message>
        <source>silicon area</source>
        <translation>硅面积</translation>
    </message>
</context>
<context>
    <name>scoville::ServingForm</name>
    <message>
        <source>best split</source>
        <translation>最优划分</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Speculative decoding</source>
        <translation>推测解码</translation>
    </message>
    <message>
        <source>Mixture of experts</source>
        <translation>混合专家</translation>
    </message>
    <message>
        <source>Prefill/decode disaggregation</source>
        <translation>预填充/解码分离</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>键：%1</translation>
    </message>
    <message>
        <source>MTP layers of the target</source>
        <translation>目标模型的 MTP 层</translation>
    </message>
    <message>
        <source>the design&apos;s chip</source>
        <translation>设计的芯片</translation>
    </message>
    <message>
        <source>steady stream</source>
        <translation>稳定请求流</translation>
    </message>
    <message>
        <source>Request lengths</source>
        <translation>请求长度</translation>
    </message>
    <message>
        <source>lognormal of the spread</source>
        <translation>按离散度的对数正态分布</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共用</translation>
    </message>
    <message>
        <source>It changes nothing for this workload: it applies %1.</source>
        <translation>对此工作负载不起作用：仅在%1时适用。</translation>
    </message>
    <message>
        <source>the model&apos;s</source>
        <translation>随模型</translation>
    </message>
</context>
<context>
    <name>scoville::SessionController</name>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>%1 is read-only: changes are kept in memory only (use Save As)</source>
        <translation>%1 为只读：更改仅保存在内存中（请使用另存为）</translation>
    </message>
    <message>
        <source>%1: the session has no designs and is read-only</source>
        <translation>%1：会话中没有设计且为只读</translation>
    </message>
    <message>
        <source>%1 already exists; open it, or choose another name for the new session</source>
        <translation>%1 已存在；请打开它，或为新会话选择其他名称</translation>
    </message>
    <message>
        <source>no design named &apos;%1&apos; in this session</source>
        <translation>此会话中没有名为“%1”的设计</translation>
    </message>
    <message>
        <source>a design named &apos;%1&apos; already exists</source>
        <translation>名为“%1”的设计已存在</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the only design of the session and cannot be removed</source>
        <translation>“%1”是会话中唯一的设计，无法删除</translation>
    </message>
    <message>
        <source>step %1 is outside the history (0 to %2)</source>
        <translation>第 %1 步不在历史范围内（0 至 %2）</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation>%1 为只读</translation>
    </message>
    <message>
        <source>no session file is open</source>
        <translation>没有打开的会话文件</translation>
    </message>
</context>
<context>
    <name>scoville::SessionPanel</name>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>whole chip</source>
        <translation>整颗芯片</translation>
    </message>
    <message>
        <source>workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>compared chips</source>
        <translation>对比芯片</translation>
    </message>
    <message>
        <source>before any edit</source>
        <translation>任何编辑之前</translation>
    </message>
    <message numerus="yes">
        <source>%n edits</source>
        <translation>
            <numerusform>%n 次编辑</numerusform>
        </translation>
    </message>
    <message>
        <source>The designs of this session; choose one to edit it</source>
        <translation>此会话中的设计；选择一个进行编辑</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>A new design from the default chip</source>
        <translation>基于默认芯片新建设计</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <source>Duplicate this design to try another direction</source>
        <translation>复制此设计以尝试另一个方向</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename this design</source>
        <translation>重命名此设计</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this design from the session</source>
        <translation>从会话中删除此设计</translation>
    </message>
    <message>
        <source>&amp;History (click a step to go to it):</source>
        <translation>历史(&amp;H)（单击某步跳转）：</translation>
    </message>
    <message>
        <source>Every step of this design&apos;s history, saved as it is made; click one to undo or redo to it</source>
        <translation>此设计历史中的每一步，即时保存；单击某步以撤销或重做到该步</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Free-text notes about this design, saved with the session</source>
        <translation>关于此设计的自由文本备注，随会话保存</translation>
    </message>
    <message>
        <source>Go back in history</source>
        <translation>回到历史</translation>
    </message>
    <message>
        <source>Switch design</source>
        <translation>切换设计</translation>
    </message>
    <message>
        <source>No session file: edits are not saved</source>
        <translation>无会话文件：编辑不会保存</translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>会话：%1</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>New design</source>
        <translation>新建设计</translation>
    </message>
    <message>
        <source>Name of the new design:</source>
        <translation>新设计的名称：</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Branch design</source>
        <translation>分支设计</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>副本的名称：</translation>
    </message>
    <message>
        <source>Rename design</source>
        <translation>重命名设计</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete design</source>
        <translation>删除设计</translation>
    </message>
    <message>
        <source>Delete the design &apos;%1&apos; and its history from this session?</source>
        <translation>从此会话中删除设计“%1”及其历史？</translation>
    </message>
</context>
<context>
    <name>scoville::SweepView</name>
    <message>
        <source>%1 misses a constraint &amp;nbsp; %2 does not evaluate &amp;nbsp; %3 the design now &amp;nbsp; click a point to load it into the design</source>
        <translation>%1 不满足约束 &amp;nbsp; %2 无法评估 &amp;nbsp; %3 当前设计 &amp;nbsp; 单击某点将其载入设计</translation>
    </message>
    <message>
        <source>First key</source>
        <translation>第一个键</translation>
    </message>
    <message>
        <source>Second key</source>
        <translation>第二个键</translation>
    </message>
    <message>
        <source>Two keys give a heat map, one a line</source>
        <translation>两个键生成热图，一个键生成曲线</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>The first value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>The last value</source>
        <translation>最后一个值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Values of the key, both ends included (at most %1)</source>
        <translation>键的取值，包含两端（最多 %1 个）</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Geometric steps: each value a fixed factor above the one before</source>
        <translation>几何步长：每个值是前一个值的固定倍数</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Pareto with</source>
        <translation>帕累托对比</translation>
    </message>
    <message>
        <source>e.g. die_area_mm2&lt;=858; fits_reticle</source>
        <translation>例如 die_area_mm2&lt;=858; fits_reticle</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the sweep (%1)</source>
        <translation>运行扫描（%1）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stored sweeps</source>
        <translation>已存储的扫描</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <source>Choose keys and an objective, then Run</source>
        <translation>选择键和目标，然后运行</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>A second objective gives a Pareto front here</source>
        <translation>再选一个目标可在此显示帕累托前沿</translation>
    </message>
    <message>
        <source>Cannot sweep: %1</source>
        <translation>无法扫描：%1</translation>
    </message>
    <message>
        <source>choose a key</source>
        <translation>请选择一个键</translation>
    </message>
    <message>
        <source>%1 needs at least two values</source>
        <translation>%1 至少需要两个值</translation>
    </message>
    <message>
        <source>choose two different keys</source>
        <translation>请选择两个不同的键</translation>
    </message>
    <message>
        <source>unknown objective %1</source>
        <translation>未知目标 %1</translation>
    </message>
    <message>
        <source>choose an objective</source>
        <translation>请选择一个目标</translation>
    </message>
    <message>
        <source>Sweeping %1 points on %2 threads…</source>
        <translation>正在 %2 个线程上扫描 %1 个点…</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 points.</source>
        <translation>已在 %2 个点中的第 %1 个后取消。</translation>
    </message>
    <message>
        <source>The sweep did not run: %1</source>
        <translation>扫描未运行：%1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 of %2 points…</source>
        <translation>%1 / %2 个点…</translation>
    </message>
    <message>
        <source>%1 points: %2 meet the constraints, %3 miss one, %4 do not evaluate.</source>
        <translation>%1 个点：%2 个满足约束，%3 个不满足，%4 个无法评估。</translation>
    </message>
    <message>
        <source>%1 s (%2 points/s).</source>
        <translation>%1 秒（每秒 %2 个点）。</translation>
    </message>
    <message numerus="yes">
        <source>%n on the Pareto front.</source>
        <translation>
            <numerusform>%n 个点在帕累托前沿上。</numerusform>
        </translation>
    </message>
    <message>
        <source>Misses a constraint</source>
        <translation>不满足约束</translation>
    </message>
    <message>
        <source>Does not evaluate</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <source>That point does not evaluate%1; the design is unchanged.</source>
        <translation>该点无法评估%1；设计未改变。</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>未载入：%1</translation>
    </message>
    <message>
        <source>Loaded %1 into the design (Undo takes it back).</source>
        <translation>已将 %1 载入设计（可撤销）。</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>Stored sweep “%1” of %2. %3</source>
        <translation>已存储的扫描“%1”（%2）。%3</translation>
    </message>
    <message>
        <source>%1 Stored in the session.</source>
        <translation>%1 已存储在会话中。</translation>
    </message>
    <message>
        <source>%1 Not stored: %2</source>
        <translation>%1 未存储：%2</translation>
    </message>
    <message>
        <source>Conditions every point must meet, separated by semicolons: a result key, &lt;=, &gt;=, &lt; or &gt; and a value (ttft_p99_s&lt;=2), fits_reticle (every die within the reticle) or fits_memory (every memory site on the dies&apos; edge and within its type&apos;s parts). Points that miss one are greyed.</source>
        <translation>每个点都必须满足的条件，用分号分隔：一个结果键，加上 &lt;=、&gt;=、&lt; 或 &gt; 与一个数值（ttft_p99_s&lt;=2），fits_reticle（每块裸片都在光罩之内）或 fits_memory（每个存储器位点都在裸片边缘之内，且不超出其类型器件的能力）。不满足任一条件的点显示为灰色。</translation>
    </message>
    <message>
        <source>Warnings not shown: %1</source>
        <translation>未列出的警告：%1 条</translation>
    </message>
</context>
<context>
    <name>scoville::WorkloadBar</name>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批量(&amp;B)</translation>
    </message>
    <message>
        <source>Concurrent sequences per replica; auto = the largest batch that fits memory and meets the latency limits</source>
        <translation>每个副本的并发序列数；auto = 内存能容纳且满足延迟限制的最大批量</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>输入(&amp;I)</translation>
    </message>
    <message>
        <source>Prompt tokens per request (the mean over the requests)</source>
        <translation>每个请求的提示词元数（所有请求的平均值）</translation>
    </message>
    <message>
        <source>&amp;Out</source>
        <translation>输出(&amp;O)</translation>
    </message>
    <message>
        <source>Generated tokens per request (the mean over the requests)</source>
        <translation>每个请求生成的词元数（所有请求的平均值）</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>权重(&amp;W)</translation>
    </message>
    <message>
        <source>Weight precision</source>
        <translation>权重精度</translation>
    </message>
    <message>
        <source>&amp;Act</source>
        <translation>激活(&amp;A)</translation>
    </message>
    <message>
        <source>Activation (GEMM compute) precision</source>
        <translation>激活（GEMM 计算）精度</translation>
    </message>
    <message>
        <source>&amp;KV</source>
        <translation>&amp;KV</translation>
    </message>
    <message>
        <source>KV-cache precision</source>
        <translation>KV 缓存精度</translation>
    </message>
    <message>
        <source>&amp;Chips</source>
        <translation>芯片(&amp;C)</translation>
    </message>
    <message>
        <source>Chips in the system; replicas = chips / (TP x DP x PP)</source>
        <translation>系统中的芯片数；副本数 = 芯片数 / (TP × DP × PP)</translation>
    </message>
    <message>
        <source>&amp;TP</source>
        <translation>&amp;TP</translation>
    </message>
    <message>
        <source>Tensor-parallel degree of attention and dense layers; auto = the best within the limits</source>
        <translation>注意力和稠密层的张量并行度；auto = 限制内的最优值</translation>
    </message>
    <message>
        <source>&amp;DP</source>
        <translation>&amp;DP</translation>
    </message>
    <message>
        <source>Attention data-parallel ranks, each with its own requests, that the MoE layers span (DeepSeek and Qwen3 deployments); auto = the best</source>
        <translation>注意力数据并行秩数，每个秩有自己的请求，MoE 层跨越这些秩（DeepSeek 和 Qwen3 部署）；auto = 最优值</translation>
    </message>
    <message>
        <source>&amp;PP</source>
        <translation>&amp;PP</translation>
    </message>
    <message>
        <source>Pipeline stages; auto = 1 unless the model only fits deeper</source>
        <translation>流水线级数；auto = 1，除非模型只有更多级才能放下</translation>
    </message>
    <message>
        <source>&amp;EP</source>
        <translation>&amp;EP</translation>
    </message>
    <message>
        <source>Expert-parallel degree: chips the routed experts spread over (divides TP x DP); auto = the best</source>
        <translation>专家并行度：路由专家分布的芯片数（整除 TP × DP）；auto = 最优值</translation>
    </message>
    <message>
        <source>Model: a preset of the library (resources/models), or one of the design&apos;s own read from a file (a model file of the library&apos;s form, or the config.json of a Hugging Face model repository), kept in the session</source>
        <translation>模型：库中的预设（resources/models），或从文件读入、属于本设计自己的模型（本库格式的模型文件，或 Hugging Face 模型仓库的 config.json），保存在会话中</translation>
    </message>
    <message>
        <source>Load Model File...</source>
        <translation>载入模型文件…</translation>
    </message>
    <message>
        <source>Load Model File</source>
        <translation>载入模型文件</translation>
    </message>
    <message>
        <source>Model files (*.json);;All files (*)</source>
        <translation>模型文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Edit Model...</source>
        <translation>编辑模型…</translation>
    </message>
</context>
<context>
    <name>scoville::WorkloadKeys</name>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Prompt tokens per request (the mean over the requests).</source>
        <translation>每个请求的提示词元数（所有请求的平均值）。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Generated tokens per request (the mean over the requests).</source>
        <translation>每个请求生成的词元数（所有请求的平均值）。</translation>
    </message>
    <message>
        <source>Prompt spread</source>
        <translation>提示长度离散度</translation>
    </message>
    <message>
        <source>Standard deviation / mean of the prompt lengths (MLPerf OpenOrca: 0.77).</source>
        <translation>提示长度的标准差 / 平均值（MLPerf OpenOrca：0.77）。</translation>
    </message>
    <message>
        <source>Output spread</source>
        <translation>输出长度离散度</translation>
    </message>
    <message>
        <source>Standard deviation / mean of the output lengths (MLPerf OpenOrca: 0.79).</source>
        <translation>输出长度的标准差 / 平均值（MLPerf OpenOrca：0.79）。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Number format of the weights.</source>
        <translation>权重的数值格式。</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Number format the GEMMs compute in.</source>
        <translation>GEMM 计算所用的数值格式。</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>Number format of the KV cache.</source>
        <translation>KV 缓存的数值格式。</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片数</translation>
    </message>
    <message>
        <source>Chips in the system; replicas = chips / (tp x attention_dp x pp).</source>
        <translation>系统中的芯片数；副本数 = 芯片数 / (tp × attention_dp × pp)。</translation>
    </message>
    <message>
        <source>Tensor parallel</source>
        <translation>张量并行</translation>
    </message>
    <message>
        <source>Tensor-parallel degree of attention, dense FFNs and the LM head; auto = the best within the limits.</source>
        <translation>注意力、稠密 FFN 和 LM 头的张量并行度；auto = 限制内的最优值。</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线级数</translation>
    </message>
    <message>
        <source>Pipeline stages; auto = 1 unless the model only fits deeper.</source>
        <translation>流水线级数；auto = 1，除非模型只有更多级才能放下。</translation>
    </message>
    <message>
        <source>Expert parallel</source>
        <translation>专家并行</translation>
    </message>
    <message>
        <source>Chips the routed experts are spread over (divides tp x attention_dp); auto = the best.</source>
        <translation>路由专家分布的芯片数（整除 tp × attention_dp）；auto = 最优值。</translation>
    </message>
    <message>
        <source>Attention data parallel</source>
        <translation>注意力数据并行</translation>
    </message>
    <message>
        <source>Attention ranks, each with its own requests, that MoE layers span (DeepSeek and Qwen3 deployments).</source>
        <translation>注意力秩数，每个秩有自己的请求，MoE 层跨越这些秩（DeepSeek 和 Qwen3 部署）。</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Token budget per step</source>
        <translation>每步词元预算</translation>
    </message>
    <message>
        <source>Decode and prompt-chunk tokens one step of an attention rank takes (TensorRT-LLM max_num_tokens: 8192).</source>
        <translation>注意力秩一步所处理的解码和提示分块词元数（TensorRT-LLM max_num_tokens：8192）。</translation>
    </message>
    <message>
        <source>Engine batch limit</source>
        <translation>引擎批量上限</translation>
    </message>
    <message>
        <source>Requests in flight per attention rank the engine allows (TensorRT-LLM max_batch_size: 2048).</source>
        <translation>引擎允许每个注意力秩同时处理的请求数（TensorRT-LLM max_batch_size：2048）。</translation>
    </message>
    <message>
        <source>KV allocation</source>
        <translation>KV 分配</translation>
    </message>
    <message>
        <source>Host time per request</source>
        <translation>每请求主机时间</translation>
    </message>
    <message>
        <source>Requests in the run</source>
        <translation>运行中的请求数</translation>
    </message>
    <message>
        <source>Requests issued at once and served to the last, as a benchmark runs them (trtllm-bench: 1,000-30,000 by length; MLPerf offline: at least 600 s of samples); the throughput includes the tail in which the batch drains. 0 = a steady stream.</source>
        <translation>一次性发出并服务到最后一个的请求数，与基准测试的运行方式相同（trtllm-bench：按长度 1,000-30,000；MLPerf 离线：至少 600 秒的样本）；吞吐量包含批量逐渐排空的尾段。0 = 稳定的请求流。</translation>
    </message>
    <message>
        <source>Speculative decoding</source>
        <translation>推测解码</translation>
    </message>
    <message>
        <source>Draft tokens</source>
        <translation>草稿词元数</translation>
    </message>
    <message>
        <source>Tokens drafted per step and verified in one pass of the target; 0 = off.</source>
        <translation>每步起草并由目标模型一次验证的词元数；0 = 关闭。</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>接受率</translation>
    </message>
    <message>
        <source>Probability a drafted token is accepted (DeepSeek-V3 MTP: 0.85-0.9 for the second token).</source>
        <translation>草稿词元被接受的概率（DeepSeek-V3 MTP：第二个词元为 0.85-0.9）。</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>草稿模型</translation>
    </message>
    <message>
        <source>Model id of a separate draft model; empty = MTP layers of the target.</source>
        <translation>独立草稿模型的模型 ID；为空 = 目标模型的 MTP 层。</translation>
    </message>
    <message>
        <source>Mixture of experts</source>
        <translation>混合专家</translation>
    </message>
    <message>
        <source>Expert imbalance</source>
        <translation>专家负载不均衡度</translation>
    </message>
    <message>
        <source>Communication overlap</source>
        <translation>通信重叠</translation>
    </message>
    <message>
        <source>Fraction of collective time hidden behind the layer&apos;s other ops (0: engines run the all-reduce between GEMMs; two-batch overlap hides most of an all-to-all).</source>
        <translation>集合通信时间被该层其他算子隐藏的比例（0：引擎在 GEMM 之间运行 all-reduce；双批次重叠可隐藏大部分 all-to-all）。</translation>
    </message>
    <message>
        <source>Disaggregation</source>
        <translation>预填充/解码分离</translation>
    </message>
    <message>
        <source>Prefill chips</source>
        <translation>预填充芯片数</translation>
    </message>
    <message>
        <source>Chips of the prefill pool (with decode_chips); 0 = one pool does both; -1 = the best split of chips.</source>
        <translation>预填充池的芯片数（与 decode_chips 一起使用）；0 = 一个池同时完成两者；-1 = 最优的芯片划分。</translation>
    </message>
    <message>
        <source>Decode chips</source>
        <translation>解码芯片数</translation>
    </message>
    <message>
        <source>Chips of the decode pool (prefill_chips + decode_chips = chips); -1 with prefill_chips -1.</source>
        <translation>解码池的芯片数（prefill_chips + decode_chips = chips）；与 prefill_chips 同为 -1。</translation>
    </message>
    <message>
        <source>Prefill chip</source>
        <translation>预填充芯片</translation>
    </message>
    <message>
        <source>Chip id of the prefill pool; empty = the design&apos;s chip.</source>
        <translation>预填充池的芯片 ID；为空 = 设计的芯片。</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>TTFT p99 limit</source>
        <translation>TTFT p99 限制</translation>
    </message>
    <message>
        <source>p99 time-to-first-token limit; empty = none (MLPerf Llama-2-70B server: 2 s).</source>
        <translation>p99 首词元时间限制；为空 = 无（MLPerf Llama-2-70B 在线服务：2 秒）。</translation>
    </message>
    <message>
        <source>TPOT p99 limit</source>
        <translation>TPOT p99 限制</translation>
    </message>
    <message>
        <source>p99 time-per-output-token limit; empty = none (MLPerf Llama-2-70B server: 0.2 s).</source>
        <translation>p99 每输出词元时间限制；为空 = 无（MLPerf Llama-2-70B 在线服务：0.2 秒）。</translation>
    </message>
    <message>
        <source>Traffic per routed token</source>
        <translation>每个路由词元的流量</translation>
    </message>
    <message>
        <source>Steps per scheduling block</source>
        <translation>每个调度块的步数</translation>
    </message>
    <message>
        <source>Engine all-reduce limit</source>
        <translation>引擎 all-reduce 上限</translation>
    </message>
    <message>
        <source>The largest all-reduce the engine runs with its own one-shot and two-shot kernels, its workspace (TensorRT-LLM: 16 MB at TP &lt;= 2, 8 MB above; vLLM: 8 MiB); a larger one goes to the vendor library (NCCL, RCCL), which pays the chip&apos;s collective library latency and window. 0 = every all-reduce through the library.</source>
        <translation>引擎用自身 one-shot 和 two-shot 内核执行的最大 all-reduce，即其工作区大小（TensorRT-LLM：TP ≤ 2 时 16 MB，更大时 8 MB；vLLM：8 MiB）；更大的交给厂商通信库（NCCL、RCCL），需付出芯片的集合通信库延迟和窗口开销。0 = 所有 all-reduce 都经由通信库。</translation>
    </message>
    <message>
        <source>Token exchange</source>
        <translation>词元交换</translation>
    </message>
    <message>
        <source>How tokens of several attention ranks reach the experts. allgather: every rank gathers all the group&apos;s tokens, runs the MoE op on each of them and returns the sums by a reduce-scatter (TensorRT-LLM on 8-GPU nodes, vLLM); alltoall: only the rows routed to a rank travel (DeepEP; TensorRT-LLM on NVL72). auto: all-to-all where the scale-up domain holds 72 chips or more and the experts are not split, or the group spans several domains; all-gather otherwise (NVIDIA aiconfigurator&apos;s rule for TensorRT-LLM).</source>
        <translation>多个注意力秩的词元如何到达专家。allgather：每个秩收集组内全部词元，对每个词元运行 MoE 算子，再以 reduce-scatter 返回求和结果（8 卡节点上的 TensorRT-LLM、vLLM）；alltoall：只有路由到某个秩的行才会传输（DeepEP；NVL72 上的 TensorRT-LLM）。auto：纵向扩展域不少于 72 个芯片且专家未被切分时，或组跨越多个域时用 all-to-all；其余情况用 all-gather（NVIDIA aiconfigurator 对 TensorRT-LLM 的规则）。</translation>
    </message>
    <message>
        <source>16-bit weight share</source>
        <translation>16 位权重份额</translation>
    </message>
    <message>
        <source>Share of the weights, and of each weight GEMM&apos;s work, a mixed-precision checkpoint keeps at 16 bits where the weights are narrower (ModelOpt auto_quantize at effective_bits 8.75 over fp8 and 16-bit layers: (8.75 - 8) / 8 = 0.094, MLPerf v5.1 Mixtral on H200). 0 = every weight at its precision.</source>
        <translation>混合精度检查点在权重精度更窄时保留为 16 位的权重份额，以及每个权重 GEMM 中相应的计算份额（ModelOpt auto_quantize 在 fp8 与 16 位层之间以 effective_bits 8.75 量化：(8.75 - 8) / 8 = 0.094，H200 上的 MLPerf v5.1 Mixtral）。0 = 所有权重都按其精度。</translation>
    </message>
    <message>
        <source>Bytes each routed copy of a token moves per hidden element outside the expert GEMMs: the expand into expert order, activation quantisation and the weighted sum back (auto: 4 at bf16, 5.2 at fp8 and int8, 16.3 at fp4, from TensorRT-LLM fused-MoE kernel timings on H100, H200 and B200).</source>
        <translation>每个词元的每份路由副本在专家 GEMM 之外、每个隐藏维元素所搬运的字节数：按专家顺序展开、激活量化及加权求和回写（自动：bf16 为 4，fp8 与 int8 为 5.2，fp4 为 16.3，依据 TensorRT-LLM 融合 MoE 内核在 H100、H200 与 B200 上的计时）。</translation>
    </message>
    <message>
        <source>Offline admission</source>
        <translation>离线准入</translation>
    </message>
    <message>
        <source>How an offline batch comes about. best: the requests in flight with the highest throughput within memory and the engine batch limit (a tuned deployment); fill: the engine admits queued requests until memory or its batch limit stops it (TensorRT-LLM and vLLM schedulers). A server&apos;s requests in flight follow from its arrival rate.</source>
        <translation>离线批次如何形成。best：在内存和引擎批次上限之内吞吐量最高的在途请求数（经过调优的部署）；fill：引擎不断接纳排队的请求，直到内存或其批次上限阻止（TensorRT-LLM 和 vLLM 的调度器）。服务器场景的在途请求数由其到达速率决定。</translation>
    </message>
    <message>
        <source>Requests in flight per replica; auto = offline, as the offline admission says (best: the highest throughput within memory and the engine batch limit; fill: as many as those allow); server, the most that meet the p99 latency limits.</source>
        <translation>每个副本中处理的请求数；auto = 离线时由离线准入决定（best：在内存和引擎批次上限之内吞吐量最高的值；fill：两者允许的最大值）；在线服务时为满足 p99 延迟限制的最大值。</translation>
    </message>
    <message>
        <source>Host time per step</source>
        <translation>每步主机时间</translation>
    </message>
    <message>
        <source>New requests join the batch only between blocks of this many steps (vLLM num_scheduler_steps, multi-step scheduling: AMD&apos;s MLPerf v5.1 server runs use 9), so an arrival first waits for the rest of the running block, and the block hands its tokens back at its end, so a request finishing within it waits for that end; 1 = at every step (TensorRT-LLM).</source>
        <translation>新请求只能在每块这么多步之间加入批次（vLLM num_scheduler_steps，多步调度：AMD 的 MLPerf v5.1 在线服务运行使用 9），因此新到达的请求先要等待当前块的剩余部分；块在结束时才交回其生成的 token，因此在块内完成的请求要等到块结束；1 = 每步都可加入（TensorRT-LLM）。</translation>
    </message>
    <message>
        <source>Prompt steps</source>
        <translation>提示词步</translation>
    </message>
    <message>
        <source>Where prompts run. mixed: in chunks inside the decode steps, within the token budget (chunked prefill: TensorRT-LLM, vLLM V1, SGLang); separate: whenever requests wait at the end of a scheduling block, one step of prompts alone runs and every decode waits for it (vLLM V0 with enable_chunked_prefill off, as AMD&apos;s MLPerf v5.1 offline and server runs and its MI300X interactive run).</source>
        <translation>提示词在哪里运行。mixed：按块放入解码步中，受每步 token 预算限制（分块预填充：TensorRT-LLM、vLLM V1、SGLang）；separate：每当调度块结束时有请求在等待，就运行一个只含提示词的步，所有解码都等待它（关闭 enable_chunked_prefill 的 vLLM V0，如 AMD 的 MLPerf v5.1 离线与服务器运行及其 MI300X 交互式运行）。</translation>
    </message>
    <message>
        <source>Host time per streamed token</source>
        <translation>每个流式令牌的主机时间</translation>
    </message>
    <message>
        <source>Output quantiles</source>
        <translation>输出长度分位数</translation>
    </message>
    <message>
        <source>Measured output lengths as probability:tokens pairs (MLPerf Llama-2-70B: 0.01:23 0.5:251 0.99:922 ...). Scaled to the mean output, they stand for the output lengths in place of the lognormal of the output spread: the time per output token&apos;s percentiles, the requests&apos; mean context in flight, the end of a finite run. Empty = the lognormal.</source>
        <translation>实测的输出长度，以 概率:词元数 对给出（MLPerf Llama-2-70B：0.01:23 0.5:251 0.99:922 ……）。按平均输出长度缩放后，以它们代替输出离散度的对数正态分布：用于每输出词元时间的百分位数、在途请求的平均上下文以及有限运行的收尾。留空 = 对数正态分布。</translation>
    </message>
    <message>
        <source>Routed load of the busiest expert-parallel rank / the mean (TensorRT-LLM DeepSeek-R1 at EP32: 1.11 with EPLB, 2.56 without). auto: 1 at EP 1; above, from the model&apos;s routing skew (moe.routing_alpha: the power law of tokens per expert, as aiconfigurator draws MoE workloads; Qwen3-235B at EP 8: about 2), or 1.1 where the model&apos;s skew is not known, times the busiest rank&apos;s extra expert where EP does not divide the experts (Mixtral&apos;s 8 over EP 6: 2 on the busiest against 1.33 on average).</source>
        <translation>最繁忙的专家并行秩的路由负载 / 平均值（TensorRT-LLM DeepSeek-R1 在 EP32 下：使用 EPLB 时 1.11，不使用时 2.56）。自动：EP 1 时为 1；更大时由模型的路由偏斜得出（moe.routing_alpha：每个专家所得词元数的幂律，与 aiconfigurator 生成 MoE 负载的方式相同；Qwen3-235B 在 EP 8 时约为 2），模型偏斜未知时为 1.1，在 EP 不能整除专家数时再乘以最繁忙秩多持有的专家（Mixtral 的 8 个专家分到 EP 6：最繁忙秩 2 个，平均 1.33 个）。</translation>
    </message>
    <message>
        <source>CPU time per step and request the accelerator waits for to hand the request&apos;s new token to its client: a response per request and step where the clients stream. Paid by a server (latency limits given: TTFT is the first streamed token); offline returns whole responses. NVIDIA&apos;s and AMD&apos;s MLPerf harnesses stream in every scenario but Offline: 15 us, an estimate: the submitters&apos; server runs spread it over 3-30 us, and NVIDIA&apos;s own two v5.1 Interactive runs (B200 at 255 requests a GPU, GB200 at 228) are too close in batch to tell it from the host time per step. 0 = handed over off the step&apos;s path.</source>
        <translation>加速器在每步每请求上为把该请求的新令牌交给其客户端而等待的 CPU 时间：客户端以流式接收时，每请求每步一个响应。由服务器承担（给定延迟限制：TTFT 即第一个流式令牌）；离线运行返回完整响应。NVIDIA 与 AMD 的 MLPerf 测试框架在除 Offline 外的所有场景中都以流式返回：15 µs，这是估计值：各提交者的服务器运行给出 3-30 µs，而 NVIDIA 自己的两次 v5.1 Interactive 运行（B200 每 GPU 255 个请求，GB200 228 个）批大小过于接近，无法把它与每步主机时间区分开。0 = 在步的路径之外交付。</translation>
    </message>
    <message>
        <source>CPU time per step the accelerator waits for whatever the batch: an engine loop that neither replays the step from a CUDA graph nor overlaps scheduling with it. TensorRT-LLM&apos;s C++ executor in NVIDIA&apos;s MLPerf harness (use_graphs off): 6.5 ms, beside 16 us per request (15 for its streamed tokens, stream_us_per_token, and 1 of bookkeeping): the measured step (TPOT p50 at the requests in flight) less the model&apos;s kernels on NVIDIA&apos;s own v5.1 Interactive Llama-2-70B runs leaves 10.70 ms at 255 requests a GPU (B200) and 10.05 ms at 228 (GB200), 6.62 and 6.40 ms beyond their requests. vLLM with enforce_eager in AMD&apos;s MLPerf harness: 4.9 ms with the same streamed 15 us (its MI300X and MI325X runs: 5.4 and 4.4 ms, MI300X&apos;s with its prompts in steps of their own). 0 = hidden behind the step (CUDA graphs, overlapped scheduling).</source>
        <translation>无论批大小，加速器每步都要等待的 CPU 时间：既不从 CUDA 图重放步、也不把调度与步重叠的引擎循环。NVIDIA MLPerf 测试框架中的 TensorRT-LLM C++ 执行器（use_graphs 关闭）：6.5 ms，另加每请求 16 µs（其中 15 µs 用于流式令牌，即 stream_us_per_token，1 µs 为簿记）：NVIDIA 自己的 v5.1 Interactive Llama-2-70B 运行中实测步（在途请求数下的 TPOT p50）减去模型的内核时间，在每 GPU 255 个请求时余 10.70 ms（B200），在 228 个时余 10.05 ms（GB200），扣除请求部分后为 6.62 与 6.40 ms。AMD MLPerf 测试框架中启用 enforce_eager 的 vLLM：4.9 ms，另加同样的流式 15 µs（其 MI300X 与 MI325X 运行：5.4 与 4.4 ms，MI300X 的提示词单独成步）。0 = 隐藏在步之后（CUDA 图、重叠调度）。</translation>
    </message>
    <message>
        <source>Aligned prompt chunks</source>
        <translation>对齐的提示词分块</translation>
    </message>
    <message>
        <source>With attention data parallelism, whether the ranks take their prompt chunks in the same steps. off: each rank schedules its own prompts (TensorRT-LLM&apos;s default, attention_dp_config enable_balance false), and every step waits for its slowest rank at the MoE layers&apos; exchange: a step in which any rank runs a chunk takes a chunk step&apos;s time, so with d ranks each carrying a chunk in a share q of the steps, 1 - (1 - q)^d of the steps are that long. on: the ranks take chunks together (enable_balance), in a share q of the steps.</source>
        <translation>启用注意力数据并行时，各秩是否在同一步中处理其提示词分块。off：每个秩自行调度其提示词（TensorRT-LLM 的默认值，attention_dp_config enable_balance 为 false），每一步都要在 MoE 层的交换处等待最慢的秩：只要有任一秩运行一个分块，该步就耗时一个分块步；因此当 d 个秩各自在 q 比例的步中携带分块时，有 1 - (1 - q)^d 的步是这么长。on：各秩一起处理分块（enable_balance），占 q 比例的步。</translation>
    </message>
    <message>
        <source>Chunked attention in decode</source>
        <translation>解码中的分块注意力</translation>
    </message>
    <message>
        <source>For a model with chunked local attention (Llama 4: each local layer&apos;s token attends only the tokens of its own chunk), what a decoding token attends. chunk: its own chunk, as the model defines it (vLLM, and TensorRT-LLM since 0.21); full: the whole context, as an engine that applies chunked attention to prompts only runs it. Prompts attend their chunk either way.</source>
        <translation>对于采用分块局部注意力的模型（Llama 4：每个局部层的 token 只关注其所在分块内的 token），解码 token 关注的范围。chunk：其所在分块，与模型定义一致（vLLM，以及 0.21 起的 TensorRT-LLM）；full：整个上下文，即只在提示词上使用分块注意力的引擎的做法。提示词在两种情况下都只关注其分块。</translation>
    </message>
    <message>
        <source>Chunked layers&apos; KV cache</source>
        <translation>分块层的 KV 缓存</translation>
    </message>
    <message>
        <source>For a model with chunked local attention (Llama 4), what a local layer&apos;s KV cache keeps of a request&apos;s context, which sets how many requests fit. chunk: its current chunk, at most the chunk size (vLLM frees the chunks before it); whole: every token, as TensorRT-LLM&apos;s cache manager does. Decodes that attend the whole context (chunked_decode full) keep it whole either way.</source>
        <translation>对于采用分块局部注意力的模型（Llama 4），局部层的 KV 缓存保留请求上下文中的哪些 token，这决定能容纳多少请求。chunk：只保留当前分块，至多为分块大小（vLLM 释放之前的分块）；whole：保留全部 token，与 TensorRT-LLM 的缓存管理器相同。关注整个上下文的解码（chunked_decode full）无论如何都保留全部上下文。</translation>
    </message>
    <message>
        <source>LM head format</source>
        <translation>LM head 格式</translation>
    </message>
    <message>
        <source>The format the LM head, the token embedding and an MoE model&apos;s routers run and are held in. bf16: 16 bits whatever the weights&apos; format, as quantisation tools leave them (ModelOpt&apos;s recipes disable their quantizers; AMD Quark&apos;s checkpoints exclude lm_head); weights: the weights&apos; format, like every other layer.</source>
        <translation>LM head、词嵌入表和 MoE 模型路由器的运行与存储格式。bf16：无论权重格式如何都为 16 位，这是量化工具的默认做法（ModelOpt 的配方禁用它们的量化器；AMD Quark 的检查点将 lm_head 列为排除项）；weights：与其他各层相同，采用权重格式。</translation>
    </message>
    <message>
        <source>CPU time per step and request the accelerator waits for: scheduling, sampling, bookkeeping (vLLM V1 update_from_output: 0.254 ms at batch 256, ~1 us; TensorRT-LLM PyTorch backend: ~580 us per step at 64 requests, ~9 us, issue 13957; vLLM V0 detokenizing every token: at least 18 us, issue 5206).</source>
        <translation>加速器在每步每请求上等待的 CPU 时间：调度、采样、记账（vLLM V1 update_from_output：批量 256 时 0.254 ms，约 1 µs；TensorRT-LLM PyTorch 后端：64 个请求时每步约 580 µs，约 9 µs，issue 13957；vLLM V0 逐词元反分词：至少 18 µs，issue 5206）。</translation>
    </message>
    <message>
        <source>reserve: a request&apos;s final KV is set aside when it is admitted (TensorRT-LLM default); on_demand: pages as tokens are made (vLLM, TensorRT-LLM max utilisation), so more requests fit, except in a run of requests of one length issued at once, which reach their whole context together.</source>
        <translation>reserve：请求被接纳时预留其最终 KV（TensorRT-LLM 默认）；on_demand：随词元生成按页分配（vLLM、TensorRT-LLM 最大利用率模式），可容纳更多请求；但同时发出、长度相同的一批请求会同时达到完整上下文，此时不再多容纳。</translation>
    </message>
    <message>
        <source>Expert GEMM token tile</source>
        <translation>专家 GEMM 词元分块</translation>
    </message>
    <message>
        <source>Tokens per tile of the grouped expert GEMMs at most: each expert&apos;s tokens fill whole tiles, so its last tile is part empty (half on average where the experts&apos; loads vary), and an expert with fewer tokens takes one tile of its size. 128: TensorRT-LLM&apos;s MoE kernels choose their tile from the tokens per expert up to 128 (calculate_tile_tokens_dim); DeepGEMM pads each expert&apos;s rows to 128. 0: the tiles are full.</source>
        <translation>分组专家 GEMM 每个分块至多容纳的词元数：每个专家的词元填满整块，因此其最后一块部分为空（各专家负载不均时平均空一半）；词元较少的专家使用一个与其大小相当的分块。128：TensorRT-LLM 的 MoE 内核按每个专家的词元数选择分块，至多 128（calculate_tile_tokens_dim）；DeepGEMM 将每个专家的行补齐到 128。0：分块全满。</translation>
    </message>
    <message>
        <source>Prefill tensor parallel</source>
        <translation>预填充张量并行</translation>
    </message>
    <message>
        <source>The prefill pool&apos;s tensor-parallel degree; shared (0) = tp, given or auto, as the decode pool takes it.</source>
        <translation>预填充池的张量并行度；共用（0）= 与解码池相同，取 tp（给定或自动）。</translation>
    </message>
    <message>
        <source>Prefill pipeline stages</source>
        <translation>预填充流水线级数</translation>
    </message>
    <message>
        <source>The prefill pool&apos;s pipeline stages; shared (0) = pp, as the decode pool takes it.</source>
        <translation>预填充池的流水线级数；共用（0）= 与解码池相同，取 pp。</translation>
    </message>
    <message>
        <source>Prefill expert parallel</source>
        <translation>预填充专家并行</translation>
    </message>
    <message>
        <source>The prefill pool&apos;s expert-parallel degree; shared (0) = ep, as the decode pool takes it.</source>
        <translation>预填充池的专家并行度；共用（0）= 与解码池相同，取 ep。</translation>
    </message>
    <message>
        <source>Prefill attention DP</source>
        <translation>预填充注意力数据并行</translation>
    </message>
    <message>
        <source>The prefill pool&apos;s attention data-parallel ranks; shared (0) = attention_dp, as the decode pool takes it.</source>
        <translation>预填充池的注意力数据并行组数；共用（0）= 与解码池相同，取 attention_dp。</translation>
    </message>
    <message>
        <source>on a mixture-of-experts model</source>
        <translation>使用混合专家模型</translation>
    </message>
    <message>
        <source>with attention data parallelism (DP auto or above 1)</source>
        <translation>启用注意力数据并行（DP 为自动或大于 1）</translation>
    </message>
    <message>
        <source>on a model with chunked local attention (Llama 4)</source>
        <translation>模型具有分块局部注意力（Llama 4）</translation>
    </message>
    <message>
        <source>with draft tokens</source>
        <translation>有草稿词元</translation>
    </message>
    <message>
        <source>with prefill/decode pools (prefill and decode chips set)</source>
        <translation>启用预填充/解码池（已设置预填充与解码芯片）</translation>
    </message>
    <message>
        <source>with prefill/decode pools on a mixture-of-experts model</source>
        <translation>启用预填充/解码池且使用混合专家模型</translation>
    </message>
    <message>
        <source>Host share over held requests</source>
        <translation>主机遍历在持请求的份额</translation>
    </message>
    <message>
        <source>Share of the host time per request that the engine&apos;s loop spends walking every request it holds rather than the micro-batch it steps: its scheduler and response handling (TensorRT-LLM&apos;s PyTorch executor runs _schedule and _handle_responses over all active requests every iteration). It tells over pipeline stages only: a rank holds pp micro-batches and runs pp iterations a step, each costing (1 + share x (pp - 1)) x the host time of the requests it steps. 0.59 is an estimate fitted to one measured row (TensorRT-LLM perf-overview: Llama 3.3 70B FP4 over 8 RTX PRO 6000 stages at 128/2048, marked as a fit), range 0.4 to 0.8 (the other 8-stage rows&apos; median error stays within +-8 %).</source>
        <translation>引擎循环每个请求的主机时间中，用于遍历其持有的全部请求（而非仅本次执行的微批次）的份额：其调度器与响应处理（TensorRT-LLM 的 PyTorch 执行器每次迭代都对所有活动请求运行 _schedule 和 _handle_responses）。仅在流水线各级上起作用：每个 rank 持有 pp 个微批次，每步运行 pp 次迭代，每次迭代的代价为所执行请求主机时间的 (1 + 份额 x (pp - 1)) 倍。0.59 是拟合到一行实测数据的估计值（TensorRT-LLM perf-overview：Llama 3.3 70B FP4 在 8 级 RTX PRO 6000 流水线上，128/2048，标记为拟合行），范围 0.4 到 0.8（其余 8 级行的中位误差保持在 +-8 % 以内）。</translation>
    </message>
    <message>
        <source>with pipeline stages (PP auto or above 1)</source>
        <translation>启用流水线并行（PP 为自动或大于 1）</translation>
    </message>
    <message>
        <source>Recurrent state</source>
        <translation>循环状态</translation>
    </message>
    <message>
        <source>Linear-attention chunk</source>
        <translation>线性注意力分块</translation>
    </message>
    <message>
        <source>For a model with linear-attention or Mamba-2 layers (Qwen3-Next, Qwen3.5, Nemotron 3), the format each layer&apos;s recurrent state is held in, per request. model: what the model&apos;s configuration asks (its linear.state_precision: Qwen3-Next bf16, Nemotron 3 fp32), as vLLM&apos;s mamba_ssm_cache_dtype auto follows it; bf16 or fp32 whatever it asks (vLLM&apos;s mamba_ssm_cache_dtype; llama.cpp: fp32). The convolution&apos;s last inputs stay at 16 bits.</source>
        <translation>用于含线性注意力或 Mamba-2 层的模型（Qwen3-Next、Qwen3.5、Nemotron 3）：每个请求在每层保存的循环状态的格式。model：模型配置所要求的（其 linear.state_precision：Qwen3-Next 为 bf16，Nemotron 3 为 fp32），与 vLLM 的 mamba_ssm_cache_dtype auto 一致；bf16 或 fp32：不论模型要求什么（vLLM 的 mamba_ssm_cache_dtype；llama.cpp：fp32）。卷积的最后输入仍为 16 位。</translation>
    </message>
    <message>
        <source>Tokens per chunk of a prompt&apos;s linear attention (the chunked delta rule, Mamba-2&apos;s chunked scan): within a chunk the tokens attend each other as in attention, across chunks they meet through the state. 0: the model&apos;s (its linear.chunk_tokens: 64, flash-linear-attention&apos;s chunk_gated_delta_rule, for Gated DeltaNet; a Mamba-2 config&apos;s chunk_size).</source>
        <translation>提示词线性注意力（分块 delta 规则、Mamba-2 的分块扫描）每块的 token 数：块内 token 像注意力那样相互关注，块间通过状态相遇。0：随模型（其 linear.chunk_tokens：Gated DeltaNet 为 64，即 flash-linear-attention 的 chunk_gated_delta_rule；Mamba-2 为其配置的 chunk_size）。</translation>
    </message>
    <message>
        <source>on a model with linear-attention or Mamba-2 layers (Qwen3-Next, Nemotron 3)</source>
        <translation>用于含线性注意力或 Mamba-2 层的模型（Qwen3-Next、Nemotron 3）</translation>
    </message>
</context>
<context>
    <name>scoville::store::HistoryModel</name>
    <message>
        <source>Design as first saved</source>
        <translation>首次保存时的设计</translation>
    </message>
</context>
</TS>
