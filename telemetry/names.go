package telemetry

// This file holds every name the telemetry emits, one table per mellea
// release (MELLEA-NAMES.md): namesV07 is mellea v0.7.0 (P1, the default) and
// namesMain is mellea main at 55d0080 (P2). A run uses one table throughout,
// chosen by MELLEA_TELEMETRY_NAMES. An empty key means the release has no
// such attribute: it is not written.

// The profiles, as MELLEA_TELEMETRY_NAMES spells them.
const (
	ProfileV07  = "v0.7"
	ProfileMain = "main"
)

// Instrumentation scopes, the same in both releases.
const (
	TracerApplication = "mellea.application" // session, start_session, action, stream
	TracerBackend     = "mellea.backend"     // chat
	MeterName         = "mellea.metrics"
)

// instrument is one metric: its name, unit, description and, for a
// histogram, bucket boundaries. An empty name means the release has none.
type instrument struct {
	name, unit, desc string
	buckets          []float64
}

// names is one release's table.
type names struct {
	profile string

	// Span names. The chat span is chat + " " + model when chatWithModel.
	spanSession, spanStartSession, spanAction, spanStream, spanChat string
	chatWithModel                                                   bool
	// clientProviders are the providers whose chat spans are CLIENT; the
	// others (all, when empty) are INTERNAL.
	clientProviders []string
	// chatModelAtStart: gen_ai.provider.name and gen_ai.request.model are
	// written at the chat span's start (and end), not at its end only.
	chatModelAtStart bool
	// providers maps a provider to its reported name; others are unchanged.
	providers map[string]string
	// chunking maps stdlib's chunking identity to the reported strategy
	// name; a custom chunker's name is reported unchanged.
	chunking map[string]string

	// Attributes shared by several spans.
	provider, requestModel, operation, errorType string
	operationChat                                string // value of operation

	// session and start_session.
	sessionID, sessionContextType, sessionProvider string
	startBackend, startModel                       string

	// action.
	actionType, actionHasReqs, actionHasStrategy, actionStrategy string
	actionHasFormat, actionToolCalls, actionGenerateLogs         string
	actionSamplingSuccess, actionResponse, actionResponseLen     string
	maxResponseChars                                             int
	truncationMark                                               string

	// stream span.
	streamHasReqs, streamReqCount, streamChunking, streamFullTextLen string

	// chat span.
	chatComponentType, chatHasFormat, chatToolCalls string
	chatStreamAtStart, chatStreamingAtEnd           string
	conversationID, responseModel, responseID       string
	finishReasons, timeToFirstChunk                 string
	inputTokens, outputTokens, totalTokens          string
	contextSize                                     string

	// Status descriptions and the exception event.
	cancelledStatus                                 string
	eventException, exceptionType, exceptionMessage string

	// Stream span events and their keys.
	evQuickCheck, evChunk, evStreamingDone, evFullValidation, evError, evCompleted string
	evChunkIndex, evPassed, evRequirementCount, evTextLength, evFullTextLength     string
	evExceptionType, evDetail, evSuccess                                           string
	// retry: an addition of the port (mellea's tracing drops RetryEvent).
	// Its keys follow each release's: v0.7's event keys are the event's
	// fields, main's are its sampling span's iteration and failure reason.
	evRetry, evAttempt, evRetryReason string
	// completedAtEnd: the completed event is written from streaming_end
	// (P1), not from the CompletedEvent (P2).
	completedAtEnd bool

	// chunk_processed on the chat span (empty: the release has none).
	evChunkProcessed, genChunkIndex, genChunkTextLength, genSinceLastMs string

	// Metrics.
	tokensIn, tokensOut, tokenUsage          instrument
	duration, ttfc, perChunk                 instrument
	llmErrors, cost                          instrument
	checks, failures, successes, samplFailed instrument
	mTokenType, mTokenInput, mTokenOutput    string // token.usage's type key and values
	mErrorCategory, mStreaming, mOperation   string
	mRequirement, mReason, mStrategy         string
	strategy                                 string // value of mStrategy
	// durationOnError: failed generations are timed too, with error.type.
	durationOnError bool
	unknown         string // model and provider when not known
}

var namesV07 = names{
	profile: ProfileV07,

	spanSession:      "session",
	spanStartSession: "start_session",
	spanAction:       "action",
	spanStream:       "stream_with_chunking",
	spanChat:         "chat",
	chunking: map[string]string{
		"sentence":  "SentenceChunker",
		"word":      "WordChunker",
		"paragraph": "ParagraphChunker",
		"none":      "none",
	},

	provider:      "gen_ai.provider.name",
	requestModel:  "gen_ai.request.model",
	operation:     "gen_ai.operation.name",
	errorType:     "error.type",
	operationChat: "chat",

	sessionID:          "mellea.session_id",
	sessionContextType: "mellea.context_type",
	sessionProvider:    "mellea.backend",
	startBackend:       "mellea.backend",
	startModel:         "mellea.model_id",

	actionType:            "mellea.action_type",
	actionHasReqs:         "mellea.has_requirements",
	actionHasStrategy:     "mellea.has_strategy",
	actionStrategy:        "mellea.strategy_type",
	actionHasFormat:       "mellea.has_format",
	actionToolCalls:       "mellea.tool_calls",
	actionGenerateLogs:    "mellea.num_generate_logs",
	actionSamplingSuccess: "mellea.sampling_success",
	actionResponse:        "mellea.response",
	actionResponseLen:     "mellea.response_length",
	maxResponseChars:      500,
	truncationMark:        "...",

	streamHasReqs:     "mellea.has_requirements",
	streamReqCount:    "mellea.requirement_count",
	streamChunking:    "mellea.chunking_strategy",
	streamFullTextLen: "mellea.full_text_length",

	chatComponentType:  "mellea.action_type",
	chatHasFormat:      "mellea.has_format",
	chatToolCalls:      "mellea.tool_calls_enabled",
	chatStreamingAtEnd: "mellea.streaming",
	conversationID:     "gen_ai.conversation.id",
	responseModel:      "gen_ai.response.model",
	responseID:         "gen_ai.response.id",
	finishReasons:      "gen_ai.response.finish_reasons",
	inputTokens:        "gen_ai.usage.input_tokens",
	outputTokens:       "gen_ai.usage.output_tokens",
	totalTokens:        "gen_ai.usage.total_tokens",
	contextSize:        "mellea.context_size",

	cancelledStatus:  "Generation cancelled",
	eventException:   "exception",
	exceptionType:    "exception.type",
	exceptionMessage: "exception.message",

	evQuickCheck:       "quick_check",
	evChunk:            "chunk",
	evStreamingDone:    "streaming_done",
	evFullValidation:   "full_validation",
	evError:            "error",
	evCompleted:        "completed",
	evChunkIndex:       "chunk_index",
	evPassed:           "passed",
	evRequirementCount: "requirement_count",
	evTextLength:       "text_length",
	evFullTextLength:   "full_text_length",
	evExceptionType:    "exception_type",
	evDetail:           "detail",
	evSuccess:          "success",
	evRetry:            "retry",
	evAttempt:          "attempt",
	evRetryReason:      "reason",
	completedAtEnd:     true,

	tokensIn:  instrument{name: "mellea.llm.tokens.input", unit: "tokens", desc: "Total number of input tokens processed by LLM"},
	tokensOut: instrument{name: "mellea.llm.tokens.output", unit: "tokens", desc: "Total number of output tokens generated by LLM"},
	duration: instrument{name: "mellea.llm.request.duration", unit: "s", desc: "Total LLM request duration",
		buckets: []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}},
	ttfc: instrument{name: "mellea.llm.ttfb", unit: "s", desc: "Time to first token for streaming LLM requests",
		buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}},
	llmErrors:   instrument{name: "mellea.llm.errors", unit: "{error}", desc: "Total number of LLM errors categorized by semantic type"},
	cost:        instrument{name: "mellea.llm.cost.usd", unit: "USD", desc: "Estimated LLM request cost in USD"},
	checks:      instrument{name: "mellea.requirement.checks", unit: "{check}", desc: "Total number of requirement validation checks"},
	failures:    instrument{name: "mellea.requirement.failures", unit: "{failure}", desc: "Total number of requirement validation failures"},
	successes:   instrument{name: "mellea.sampling.successes", unit: "{sample}", desc: "Total number of successful sampling loops per strategy"},
	samplFailed: instrument{name: "mellea.sampling.failures", unit: "{failure}", desc: "Total number of failed sampling loops (budget exhausted) per strategy"},

	mErrorCategory: "error_type",
	mStreaming:     "streaming",
	mRequirement:   "requirement",
	mReason:        "reason",
	mStrategy:      "strategy",
	strategy:       "stream_with_chunking",
	unknown:        "unknown",
}

// genAIBuckets are the GenAI semantic conventions' duration buckets, which
// mellea main uses for every latency histogram.
var genAIBuckets = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}

var namesMain = names{
	profile: ProfileMain,

	spanSession:      "session",
	spanStartSession: "start_session",
	spanAction:       "action",
	spanStream:       "stream",
	spanChat:         "chat",
	chatWithModel:    true,
	clientProviders:  []string{"openai", "ollama", "watsonx", "litellm"},
	chatModelAtStart: true,
	providers:        map[string]string{"watsonx": "ibm.watsonx.ai"},
	chunking: map[string]string{
		"sentence":  "SentenceChunking",
		"word":      "WordChunking",
		"paragraph": "ParagraphChunking",
		"none":      "none",
	},

	provider:      "gen_ai.provider.name",
	requestModel:  "gen_ai.request.model",
	operation:     "gen_ai.operation.name",
	errorType:     "error.type",
	operationChat: "chat",

	sessionID:          "mellea.session.id",
	sessionContextType: "mellea.session.context_type",
	sessionProvider:    "gen_ai.provider.name",
	startBackend:       "mellea.session.backend_name",
	startModel:         "gen_ai.request.model",

	actionType:            "mellea.component.type",
	actionHasReqs:         "mellea.action.has_requirements",
	actionHasStrategy:     "mellea.action.has_strategy",
	actionStrategy:        "mellea.sampling.strategy_type",
	actionHasFormat:       "mellea.action.has_format",
	actionToolCalls:       "mellea.action.tool_calls",
	actionGenerateLogs:    "mellea.action.num_generate_logs",
	actionSamplingSuccess: "mellea.sampling.success",
	actionResponse:        "mellea.action.response",
	actionResponseLen:     "mellea.action.response_length",
	maxResponseChars:      500,
	truncationMark:        "...",

	streamHasReqs:     "mellea.streaming.has_requirements",
	streamReqCount:    "mellea.streaming.requirement_count",
	streamChunking:    "mellea.streaming.chunking_strategy",
	streamFullTextLen: "mellea.streaming.full_text_length",

	chatComponentType: "mellea.component.type",
	chatToolCalls:     "mellea.action.tool_calls",
	chatStreamAtStart: "gen_ai.request.stream",
	conversationID:    "gen_ai.conversation.id",
	responseModel:     "gen_ai.response.model",
	responseID:        "gen_ai.response.id",
	finishReasons:     "gen_ai.response.finish_reasons",
	timeToFirstChunk:  "gen_ai.response.time_to_first_chunk",
	inputTokens:       "gen_ai.usage.input_tokens",
	outputTokens:      "gen_ai.usage.output_tokens",
	totalTokens:       "mellea.usage.total_tokens",
	contextSize:       "mellea.request.context_size",

	cancelledStatus:  "Generation cancelled",
	eventException:   "exception",
	exceptionType:    "exception.type",
	exceptionMessage: "exception.message",

	evQuickCheck:       "quick_check",
	evChunk:            "chunk",
	evStreamingDone:    "streaming_done",
	evFullValidation:   "full_validation",
	evError:            "error",
	evCompleted:        "completed",
	evChunkIndex:       "mellea.streaming.chunk_index",
	evPassed:           "mellea.validation.passed",
	evRequirementCount: "mellea.validation.requirement_count",
	evTextLength:       "mellea.streaming.chunk_text_length",
	evFullTextLength:   "mellea.streaming.full_text_length",
	evExceptionType:    "mellea.error.type",
	evDetail:           "mellea.error.detail",
	evSuccess:          "mellea.streaming.success",
	evRetry:            "retry",
	evAttempt:          "mellea.sampling.iteration",
	evRetryReason:      "mellea.sampling.failure_reason",

	evChunkProcessed:   "chunk_processed",
	genChunkIndex:      "mellea.generation.chunk_index",
	genChunkTextLength: "mellea.generation.chunk_text_length",
	genSinceLastMs:     "mellea.generation.time_since_last_chunk_ms",

	tokenUsage: instrument{name: "gen_ai.client.token.usage", unit: "{token}", desc: "Number of input and output tokens used",
		buckets: []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}},
	duration: instrument{name: "gen_ai.client.operation.duration", unit: "s", desc: "GenAI operation duration", buckets: genAIBuckets},
	ttfc: instrument{name: "gen_ai.client.operation.time_to_first_chunk", unit: "s",
		desc:    "Time to receive the first chunk, measured from when the client issues the generation request to when the first chunk is received in the response stream.",
		buckets: genAIBuckets},
	perChunk: instrument{name: "gen_ai.client.operation.time_per_output_chunk", unit: "s",
		desc:    "Time per output chunk, recorded for each chunk received after the first one, measured as the time elapsed from the end of the previous chunk to the end of the current chunk.",
		buckets: genAIBuckets},
	llmErrors:   instrument{name: "mellea.llm.errors", unit: "{error}", desc: "Total number of LLM errors categorized by semantic type"},
	cost:        instrument{name: "mellea.llm.cost.usd", unit: "USD", desc: "Estimated LLM request cost in USD"},
	checks:      instrument{name: "mellea.requirement.checks", unit: "{check}", desc: "Total number of requirement validation checks"},
	failures:    instrument{name: "mellea.requirement.failures", unit: "{failure}", desc: "Total number of requirement validation failures"},
	successes:   instrument{name: "mellea.sampling.successes", unit: "{sample}", desc: "Total number of successful sampling loops per strategy"},
	samplFailed: instrument{name: "mellea.sampling.failures", unit: "{failure}", desc: "Total number of failed sampling loops (budget exhausted) per strategy"},

	mTokenType:      "gen_ai.token.type",
	mTokenInput:     "input",
	mTokenOutput:    "output",
	mErrorCategory:  "mellea.error.category",
	mStreaming:      "gen_ai.request.stream",
	mOperation:      "gen_ai.operation.name",
	mRequirement:    "requirement",
	mReason:         "reason",
	mStrategy:       "strategy",
	strategy:        "stream",
	durationOnError: true,
	unknown:         "unknown",
}

// profiles lists the tables by profile name, the default first.
var profiles = []*names{&namesV07, &namesMain}

// namesOf returns the table of profile, and false (with the default
// table) for an unknown one.
func namesOf(profile string) (*names, bool) {
	for _, n := range profiles {
		if n.profile == profile {
			return n, true
		}
	}
	return profiles[0], false
}

// providerName is provider as the release reports it.
func (n *names) providerName(provider string) string {
	if p, ok := n.providers[provider]; ok {
		return p
	}
	return provider
}

// chunkingName is the reported name of stdlib's chunking identity id.
func (n *names) chunkingName(id string) string {
	if c, ok := n.chunking[id]; ok {
		return c
	}
	return id
}

// chatName is the chat span's name for model.
func (n *names) chatName(model string) string {
	if n.chatWithModel && model != "" {
		return n.spanChat + string(' ') + model
	}
	return n.spanChat
}

// clientKind reports whether the chat span of provider is CLIENT.
func (n *names) clientKind(provider string) bool {
	for _, p := range n.clientProviders {
		if p == provider {
			return true
		}
	}
	return false
}
