package telemetry

// Instrumentation scopes.
const (
	TracerApplication = "mellea.application" // session, action, stream_with_chunking
	TracerBackend     = "mellea.backend"     // chat <model>
	MeterName         = "mellea.metrics"
)

// Span names. The chat span is named SpanChat + " " + model.
const (
	SpanSession = "session"
	SpanAction  = "action"
	SpanChat    = "chat"
	SpanStream  = "stream_with_chunking"
)

// Span attribute keys (SPEC §4).
const (
	AttrSessionID          = "mellea.session.id"
	AttrSessionContextType = "mellea.session.context_type"

	AttrComponentType      = "mellea.component.type"
	AttrActionHasReqs      = "mellea.action.has_requirements"
	AttrActionHasStrategy  = "mellea.action.has_strategy"
	AttrSamplingStrategy   = "mellea.sampling.strategy_type"
	AttrActionHasFormat    = "mellea.action.has_format"
	AttrActionToolCalls    = "mellea.action.tool_calls"
	AttrActionResponseLen  = "mellea.action.response_length"
	AttrActionGenerateLogs = "mellea.action.num_generate_logs"
	AttrSamplingSuccess    = "mellea.sampling.success"
	AttrActionResponse     = "mellea.action.response"
	AttrStreamHasReqs      = "mellea.has_requirements"
	AttrStreamReqCount     = "mellea.requirement_count"
	AttrStreamChunking     = "mellea.chunking_strategy"
	AttrStreamFullTextLen  = "mellea.full_text_length"
	AttrGenAIProvider      = "gen_ai.provider.name"
	AttrGenAIRequestModel  = "gen_ai.request.model"
	AttrGenAIOperation     = "gen_ai.operation.name"
	AttrGenAIRequestStream = "gen_ai.request.stream"
	AttrGenAIResponseModel = "gen_ai.response.model"
	AttrGenAIResponseID    = "gen_ai.response.id"
	AttrGenAIFinishReasons = "gen_ai.response.finish_reasons"
	AttrGenAIInputTokens   = "gen_ai.usage.input_tokens"
	AttrGenAIOutputTokens  = "gen_ai.usage.output_tokens"
	AttrErrorType          = "error.type"
	OperationChat          = "chat" // value of gen_ai.operation.name
	maxResponseChars       = 500    // mellea.action.response is cut here
	truncationMark         = "..."  // and ends with this when cut
)

// Span events of stream_with_chunking and their attribute keys (SPEC §4).
const (
	EventQuickCheck     = "quick_check"
	EventChunk          = "chunk"
	EventStreamingDone  = "streaming_done"
	EventFullValidation = "full_validation"
	EventError          = "error"
	EventCompleted      = "completed"

	EvAttrChunkIndex       = "chunk_index"
	EvAttrPassed           = "passed"
	EvAttrRequirementCount = "requirement_count"
	EvAttrTextLength       = "text_length"
	EvAttrFullTextLength   = "full_text_length"
	EvAttrExceptionType    = "exception_type"
	EvAttrDetail           = "detail"
	EvAttrSuccess          = "success"
)

// Metric names and units (SPEC §5). The generation metrics (tokens, request
// duration, time to first token) are mellea v0.7.0's, from
// mellea/telemetry/metrics.py.
const (
	MetricRequirementChecks   = "mellea.requirement.checks"
	MetricRequirementFailures = "mellea.requirement.failures"
	MetricSamplingSuccesses   = "mellea.sampling.successes"
	MetricSamplingFailures    = "mellea.sampling.failures"
	MetricLLMErrors           = "mellea.llm.errors"
	MetricTokensInput         = "mellea.llm.tokens.input"
	MetricTokensOutput        = "mellea.llm.tokens.output"
	MetricRequestDuration     = "mellea.llm.request.duration"
	MetricTimeToFirstToken    = "mellea.llm.ttfb"

	UnitCheck   = "{check}"
	UnitFailure = "{failure}"
	UnitSample  = "{sample}"
	UnitError   = "{error}"
	UnitTokens  = "tokens"
	UnitSeconds = "s"
)

// Metric attribute keys (SPEC §5). The error counter also carries
// AttrGenAIRequestModel, AttrGenAIProvider and AttrErrorType.
const (
	MAttrRequirement = "requirement"
	MAttrReason      = "reason"
	MAttrStrategy    = "strategy"
	MAttrErrorType   = "error_type"
	MAttrStreaming   = "streaming"

	StrategyStream = "stream_with_chunking" // strategy of the stream's sampling outcome
	unknownValue   = "unknown"              // model and provider when not known
)

// Bucket boundaries (seconds) of the latency histograms, as mellea's views.
var (
	durationBuckets = []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}
	ttfbBuckets     = []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}
)
