package semconv

import "unicode/utf8"

// This file holds the tables, one per mellea release: V07 is mellea
// v0.7.0 (tag v0.7.0, f2f4ba0; the default) and Main is mellea's main
// branch at 55d0080. A run uses one table throughout, chosen by
// MELLEA_TELEMETRY_NAMES. An empty key means the release has no such
// attribute or metric: it is not written.

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

// Instrument is one metric: its name, unit, description and, for a
// histogram, bucket boundaries. An empty Name means the release has none.
type Instrument struct {
	Name, Unit, Description string
	Buckets                 []float64
}

// Table is one release's names: span and event names, attribute keys and
// values, metrics, and the rules by which the release writes them. An
// empty string means the release has no such name: it is not written.
//
// To add a name, add a field to its group and a value to each table that
// has it (V07, Main); telemetry and the runtime benchmark read it from
// here, and neither spells it out.
type Table struct {
	Profile string // as MELLEA_TELEMETRY_NAMES spells it

	// Span names. The chat span is SpanChat + " " + model when
	// ChatWithModel (ChatName).
	SpanSession, SpanStartSession, SpanAction, SpanStream, SpanChat string
	ChatWithModel                                                   bool
	// ClientProviders are the providers whose chat spans are CLIENT; the
	// others (all, when empty) are INTERNAL.
	ClientProviders []string
	// ChatModelAtStart: gen_ai.provider.name and gen_ai.request.model are
	// written at the chat span's start (and end), not at its end only.
	ChatModelAtStart bool
	// Providers maps a provider to its reported name; others are unchanged.
	Providers map[string]string
	// Chunking maps stdlib's chunking identity to the reported strategy
	// name; a custom chunker's name is reported unchanged.
	Chunking map[string]string

	// Attributes shared by several spans.
	Provider, RequestModel, Operation, ErrorType string
	OperationChat                                string // value of Operation

	// The session and start_session spans.
	SessionID, SessionContextType, SessionProvider string
	StartBackend, StartModel                       string

	// The action span. ActionResponse is cut to MaxResponseChars
	// characters, followed by TruncationMark (Truncate).
	ActionType, ActionHasRequirements, ActionHasStrategy, ActionStrategy string
	ActionHasFormat, ActionToolCalls, ActionGenerateLogs                 string
	ActionSamplingSuccess, ActionResponse, ActionResponseLength          string
	MaxResponseChars                                                     int
	TruncationMark                                                       string

	// The stream span.
	StreamHasRequirements, StreamRequirementCount string
	StreamChunking, StreamFullTextLength          string

	// The chat span.
	ChatComponentType, ChatHasFormat, ChatToolCalls string
	ChatStreamAtStart, ChatStreamingAtEnd           string
	ConversationID, ResponseModel, ResponseID       string
	FinishReasons, TimeToFirstChunk                 string
	InputTokens, OutputTokens, TotalTokens          string
	ContextSize                                     string

	// Status descriptions and the exception event.
	CancelledStatus                                 string
	EventException, ExceptionType, ExceptionMessage string

	// The stream span's events.
	EventQuickCheck, EventChunk, EventStreamingDone string
	EventFullValidation, EventError, EventCompleted string
	// The stream span events' attribute keys.
	EventChunkIndex, EventPassed, EventRequirementCount string
	EventTextLength, EventFullTextLength                string
	EventExceptionType, EventDetail, EventSuccess       string
	// The retry event and its keys: an addition of the port (mellea's
	// tracing plugin drops RetryEvent), named in each release's style.
	EventRetry, EventAttempt, EventRetryReason string
	// CompletedAtEnd: the completed event is written as the stream ends
	// (v0.7), not from the CompletedEvent (main).
	CompletedAtEnd bool

	// The chat span's chunk_processed event and its keys (empty: the
	// release has none).
	EventChunkProcessed                             string
	GenerationChunkIndex, GenerationChunkTextLength string
	GenerationSinceLastChunkMs                      string

	// Metrics.
	MetricInputTokens, MetricOutputTokens, MetricTokenUsage Instrument
	MetricDuration, MetricTimeToFirstChunk                  Instrument
	MetricTimePerChunk, MetricLLMErrors, MetricCost         Instrument
	MetricRequirementChecks, MetricRequirementFailures      Instrument
	MetricSamplingSuccesses, MetricSamplingFailures         Instrument
	// Metric attribute keys, and values.
	MetricTokenType, MetricTokenInput, MetricTokenOutput  string // MetricTokenUsage's type key and values
	MetricErrorCategory, MetricStreaming, MetricOperation string
	MetricRequirement, MetricReason, MetricStrategy       string
	Strategy                                              string // value of MetricStrategy
	// DurationOnError: failed generations are timed too, with error.type.
	DurationOnError bool
	Unknown         string // model and provider when not known
}

// V07 is mellea v0.7.0's table, the default.
var V07 = Table{
	Profile: ProfileV07,

	SpanSession:      "session",
	SpanStartSession: "start_session",
	SpanAction:       "action",
	SpanStream:       "stream_with_chunking",
	SpanChat:         "chat",
	Chunking: map[string]string{
		"sentence":  "SentenceChunker",
		"word":      "WordChunker",
		"paragraph": "ParagraphChunker",
		"none":      "none",
	},

	Provider:      "gen_ai.provider.name",
	RequestModel:  "gen_ai.request.model",
	Operation:     "gen_ai.operation.name",
	ErrorType:     "error.type",
	OperationChat: "chat",

	SessionID:          "mellea.session_id",
	SessionContextType: "mellea.context_type",
	SessionProvider:    "mellea.backend",
	StartBackend:       "mellea.backend",
	StartModel:         "mellea.model_id",

	ActionType:            "mellea.action_type",
	ActionHasRequirements: "mellea.has_requirements",
	ActionHasStrategy:     "mellea.has_strategy",
	ActionStrategy:        "mellea.strategy_type",
	ActionHasFormat:       "mellea.has_format",
	ActionToolCalls:       "mellea.tool_calls",
	ActionGenerateLogs:    "mellea.num_generate_logs",
	ActionSamplingSuccess: "mellea.sampling_success",
	ActionResponse:        "mellea.response",
	ActionResponseLength:  "mellea.response_length",
	MaxResponseChars:      500,
	TruncationMark:        "...",

	StreamHasRequirements:  "mellea.has_requirements",
	StreamRequirementCount: "mellea.requirement_count",
	StreamChunking:         "mellea.chunking_strategy",
	StreamFullTextLength:   "mellea.full_text_length",

	ChatComponentType:  "mellea.action_type",
	ChatHasFormat:      "mellea.has_format",
	ChatToolCalls:      "mellea.tool_calls_enabled",
	ChatStreamingAtEnd: "mellea.streaming",
	ConversationID:     "gen_ai.conversation.id",
	ResponseModel:      "gen_ai.response.model",
	ResponseID:         "gen_ai.response.id",
	FinishReasons:      "gen_ai.response.finish_reasons",
	InputTokens:        "gen_ai.usage.input_tokens",
	OutputTokens:       "gen_ai.usage.output_tokens",
	TotalTokens:        "gen_ai.usage.total_tokens",
	ContextSize:        "mellea.context_size",

	CancelledStatus:  "Generation cancelled",
	EventException:   "exception",
	ExceptionType:    "exception.type",
	ExceptionMessage: "exception.message",

	EventQuickCheck:       "quick_check",
	EventChunk:            "chunk",
	EventStreamingDone:    "streaming_done",
	EventFullValidation:   "full_validation",
	EventError:            "error",
	EventCompleted:        "completed",
	EventChunkIndex:       "chunk_index",
	EventPassed:           "passed",
	EventRequirementCount: "requirement_count",
	EventTextLength:       "text_length",
	EventFullTextLength:   "full_text_length",
	EventExceptionType:    "exception_type",
	EventDetail:           "detail",
	EventSuccess:          "success",
	EventRetry:            "retry",
	EventAttempt:          "attempt",
	EventRetryReason:      "reason",
	CompletedAtEnd:        true,

	MetricInputTokens:  Instrument{Name: "mellea.llm.tokens.input", Unit: "tokens", Description: "Total number of input tokens processed by LLM"},
	MetricOutputTokens: Instrument{Name: "mellea.llm.tokens.output", Unit: "tokens", Description: "Total number of output tokens generated by LLM"},
	MetricDuration: Instrument{Name: "mellea.llm.request.duration", Unit: "s", Description: "Total LLM request duration",
		Buckets: []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}},
	MetricTimeToFirstChunk: Instrument{Name: "mellea.llm.ttfb", Unit: "s", Description: "Time to first token for streaming LLM requests",
		Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}},
	MetricLLMErrors:           Instrument{Name: "mellea.llm.errors", Unit: "{error}", Description: "Total number of LLM errors categorized by semantic type"},
	MetricCost:                Instrument{Name: "mellea.llm.cost.usd", Unit: "USD", Description: "Estimated LLM request cost in USD"},
	MetricRequirementChecks:   Instrument{Name: "mellea.requirement.checks", Unit: "{check}", Description: "Total number of requirement validation checks"},
	MetricRequirementFailures: Instrument{Name: "mellea.requirement.failures", Unit: "{failure}", Description: "Total number of requirement validation failures"},
	MetricSamplingSuccesses:   Instrument{Name: "mellea.sampling.successes", Unit: "{sample}", Description: "Total number of successful sampling loops per strategy"},
	MetricSamplingFailures:    Instrument{Name: "mellea.sampling.failures", Unit: "{failure}", Description: "Total number of failed sampling loops (budget exhausted) per strategy"},

	MetricErrorCategory: "error_type",
	MetricStreaming:     "streaming",
	MetricRequirement:   "requirement",
	MetricReason:        "reason",
	MetricStrategy:      "strategy",
	Strategy:            "stream_with_chunking",
	Unknown:             "unknown",
}

// genAIBuckets are the GenAI semantic conventions' duration buckets, which
// mellea main uses for every latency histogram.
var genAIBuckets = []float64{0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92}

// Main is the table of mellea's main branch at 55d0080.
var Main = Table{
	Profile: ProfileMain,

	SpanSession:      "session",
	SpanStartSession: "start_session",
	SpanAction:       "action",
	SpanStream:       "stream",
	SpanChat:         "chat",
	ChatWithModel:    true,
	ClientProviders:  []string{"openai", "ollama", "watsonx", "litellm"},
	ChatModelAtStart: true,
	Providers:        map[string]string{"watsonx": "ibm.watsonx.ai"},
	Chunking: map[string]string{
		"sentence":  "SentenceChunking",
		"word":      "WordChunking",
		"paragraph": "ParagraphChunking",
		"none":      "none",
	},

	Provider:      "gen_ai.provider.name",
	RequestModel:  "gen_ai.request.model",
	Operation:     "gen_ai.operation.name",
	ErrorType:     "error.type",
	OperationChat: "chat",

	SessionID:          "mellea.session.id",
	SessionContextType: "mellea.session.context_type",
	SessionProvider:    "gen_ai.provider.name",
	StartBackend:       "mellea.session.backend_name",
	StartModel:         "gen_ai.request.model",

	ActionType:            "mellea.component.type",
	ActionHasRequirements: "mellea.action.has_requirements",
	ActionHasStrategy:     "mellea.action.has_strategy",
	ActionStrategy:        "mellea.sampling.strategy_type",
	ActionHasFormat:       "mellea.action.has_format",
	ActionToolCalls:       "mellea.action.tool_calls",
	ActionGenerateLogs:    "mellea.action.num_generate_logs",
	ActionSamplingSuccess: "mellea.sampling.success",
	ActionResponse:        "mellea.action.response",
	ActionResponseLength:  "mellea.action.response_length",
	MaxResponseChars:      500,
	TruncationMark:        "...",

	StreamHasRequirements:  "mellea.streaming.has_requirements",
	StreamRequirementCount: "mellea.streaming.requirement_count",
	StreamChunking:         "mellea.streaming.chunking_strategy",
	StreamFullTextLength:   "mellea.streaming.full_text_length",

	ChatComponentType: "mellea.component.type",
	ChatToolCalls:     "mellea.action.tool_calls",
	ChatStreamAtStart: "gen_ai.request.stream",
	ConversationID:    "gen_ai.conversation.id",
	ResponseModel:     "gen_ai.response.model",
	ResponseID:        "gen_ai.response.id",
	FinishReasons:     "gen_ai.response.finish_reasons",
	TimeToFirstChunk:  "gen_ai.response.time_to_first_chunk",
	InputTokens:       "gen_ai.usage.input_tokens",
	OutputTokens:      "gen_ai.usage.output_tokens",
	TotalTokens:       "mellea.usage.total_tokens",
	ContextSize:       "mellea.request.context_size",

	CancelledStatus:  "Generation cancelled",
	EventException:   "exception",
	ExceptionType:    "exception.type",
	ExceptionMessage: "exception.message",

	EventQuickCheck:       "quick_check",
	EventChunk:            "chunk",
	EventStreamingDone:    "streaming_done",
	EventFullValidation:   "full_validation",
	EventError:            "error",
	EventCompleted:        "completed",
	EventChunkIndex:       "mellea.streaming.chunk_index",
	EventPassed:           "mellea.validation.passed",
	EventRequirementCount: "mellea.validation.requirement_count",
	EventTextLength:       "mellea.streaming.chunk_text_length",
	EventFullTextLength:   "mellea.streaming.full_text_length",
	EventExceptionType:    "mellea.error.type",
	EventDetail:           "mellea.error.detail",
	EventSuccess:          "mellea.streaming.success",
	EventRetry:            "retry",
	EventAttempt:          "mellea.sampling.iteration",
	EventRetryReason:      "mellea.sampling.failure_reason",

	EventChunkProcessed:        "chunk_processed",
	GenerationChunkIndex:       "mellea.generation.chunk_index",
	GenerationChunkTextLength:  "mellea.generation.chunk_text_length",
	GenerationSinceLastChunkMs: "mellea.generation.time_since_last_chunk_ms",

	MetricTokenUsage: Instrument{Name: "gen_ai.client.token.usage", Unit: "{token}", Description: "Number of input and output tokens used",
		Buckets: []float64{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864}},
	MetricDuration: Instrument{Name: "gen_ai.client.operation.duration", Unit: "s", Description: "GenAI operation duration", Buckets: genAIBuckets},
	MetricTimeToFirstChunk: Instrument{Name: "gen_ai.client.operation.time_to_first_chunk", Unit: "s",
		Description: "Time to receive the first chunk, measured from when the client issues the generation request to when the first chunk is received in the response stream.",
		Buckets:     genAIBuckets},
	MetricTimePerChunk: Instrument{Name: "gen_ai.client.operation.time_per_output_chunk", Unit: "s",
		Description: "Time per output chunk, recorded for each chunk received after the first one, measured as the time elapsed from the end of the previous chunk to the end of the current chunk.",
		Buckets:     genAIBuckets},
	MetricLLMErrors:           Instrument{Name: "mellea.llm.errors", Unit: "{error}", Description: "Total number of LLM errors categorized by semantic type"},
	MetricCost:                Instrument{Name: "mellea.llm.cost.usd", Unit: "USD", Description: "Estimated LLM request cost in USD"},
	MetricRequirementChecks:   Instrument{Name: "mellea.requirement.checks", Unit: "{check}", Description: "Total number of requirement validation checks"},
	MetricRequirementFailures: Instrument{Name: "mellea.requirement.failures", Unit: "{failure}", Description: "Total number of requirement validation failures"},
	MetricSamplingSuccesses:   Instrument{Name: "mellea.sampling.successes", Unit: "{sample}", Description: "Total number of successful sampling loops per strategy"},
	MetricSamplingFailures:    Instrument{Name: "mellea.sampling.failures", Unit: "{failure}", Description: "Total number of failed sampling loops (budget exhausted) per strategy"},

	MetricTokenType:     "gen_ai.token.type",
	MetricTokenInput:    "input",
	MetricTokenOutput:   "output",
	MetricErrorCategory: "mellea.error.category",
	MetricStreaming:     "gen_ai.request.stream",
	MetricOperation:     "gen_ai.operation.name",
	MetricRequirement:   "requirement",
	MetricReason:        "reason",
	MetricStrategy:      "strategy",
	Strategy:            "stream",
	DurationOnError:     true,
	Unknown:             "unknown",
}

// Profiles lists the tables, the default first.
var Profiles = []*Table{&V07, &Main}

// Of returns the table of profile, and false (with the default table) for
// an unknown one; "" is an unknown profile.
func Of(profile string) (*Table, bool) {
	for _, n := range Profiles {
		if n.Profile == profile {
			return n, true
		}
	}
	return Profiles[0], false
}

// ProviderName is provider as the release reports it.
func (n *Table) ProviderName(provider string) string {
	if p, ok := n.Providers[provider]; ok {
		return p
	}
	return provider
}

// ChunkingName is the reported name of stdlib's chunking identity id.
func (n *Table) ChunkingName(id string) string {
	if c, ok := n.Chunking[id]; ok {
		return c
	}
	return id
}

// ChatName is the chat span's name for model.
func (n *Table) ChatName(model string) string {
	if n.ChatWithModel && model != "" {
		return n.SpanChat + string(' ') + model
	}
	return n.SpanChat
}

// ChatClient reports whether the chat span of provider is CLIENT.
func (n *Table) ChatClient(provider string) bool {
	for _, p := range n.ClientProviders {
		if p == provider {
			return true
		}
	}
	return false
}

// Truncate cuts s to the release's response length, followed by its mark.
func (n *Table) Truncate(s string) string {
	if utf8.RuneCountInString(s) <= n.MaxResponseChars {
		return s
	}
	i := 0
	for j := range s {
		if i == n.MaxResponseChars {
			return s[:j] + n.TruncationMark
		}
		i++
	}
	return s
}
