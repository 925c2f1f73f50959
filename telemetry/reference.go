package telemetry

import "slices"

// Instrument is one metric of a profile: its name, unit, description and,
// for a histogram, bucket boundaries (seconds or tokens). An empty Name
// means the release has no such metric.
type Instrument struct {
	Name, Unit, Description string
	Buckets                 []float64
}

// Names is a read-only view of one profile's names for a stream: its
// stream and chat spans, the stream's span events and the metrics a stream
// records. It is for code that writes the same telemetry as the plugins
// without them (the runtime benchmark's inline reference), so that it
// takes every name from this package. An empty key means the release has
// no such attribute: it is not written. The values are copies: changing
// them changes nothing the plugins emit.
type Names struct {
	Profile string

	// Span names; the chat span's is ChatSpan(model).
	SpanStream string
	// ChatModelAtStart: gen_ai.provider.name and gen_ai.request.model are
	// written at the chat span's start (and end), not at its end only.
	ChatModelAtStart bool

	// Attributes shared by several spans and metrics.
	Provider, RequestModel, Operation, ErrorType string
	OperationChat                                string // value of Operation

	// Stream span.
	StreamHasReqs, StreamReqCount, StreamChunking, StreamFullTextLen string

	// Chat span.
	ChatComponentType, ChatHasFormat, ChatToolCalls string
	ChatStreamAtStart, ChatStreamingAtEnd           string
	ConversationID, ResponseModel, ResponseID       string
	FinishReasons, TimeToFirstChunk                 string
	InputTokens, OutputTokens, TotalTokens          string
	ContextSize                                     string

	// Stream span events and their keys. CompletedAtEnd: the completed
	// event is written as the stream ends (v0.7), not from the
	// CompletedEvent (main); the attributes are the same.
	EvQuickCheck, EvChunk, EvStreamingDone, EvFullValidation, EvError, EvCompleted string
	EvChunkIndex, EvPassed, EvRequirementCount, EvTextLength, EvFullTextLength     string
	EvExceptionType, EvDetail, EvSuccess                                           string
	EvRetry, EvAttempt, EvRetryReason                                              string
	CompletedAtEnd                                                                 bool

	// Metrics; an instrument the release lacks has an empty Name.
	TokensIn, TokensOut, TokenUsage          Instrument
	Duration, TimeToFirstToken, PerChunk     Instrument
	LLMErrors, Cost                          Instrument
	Checks, Failures, Successes, SamplFailed Instrument
	MTokenType, MTokenInput, MTokenOutput    string // TokenUsage's type key and values
	MErrorCategory, MStreaming, MOperation   string
	MRequirement, MReason, MStrategy         string
	Strategy                                 string // value of MStrategy
	Unknown                                  string // model and provider when not known

	n *names
}

// Reference returns the names of profile (ProfileV07, ProfileMain; ""
// is the default), and false for an unknown profile.
func Reference(profile string) (Names, bool) {
	if profile == "" {
		profile = profiles[0].profile
	}
	n, ok := namesOf(profile)
	if !ok {
		return Names{}, false
	}
	return Names{
		Profile:          n.profile,
		SpanStream:       n.spanStream,
		ChatModelAtStart: n.chatModelAtStart,

		Provider:      n.provider,
		RequestModel:  n.requestModel,
		Operation:     n.operation,
		ErrorType:     n.errorType,
		OperationChat: n.operationChat,

		StreamHasReqs:     n.streamHasReqs,
		StreamReqCount:    n.streamReqCount,
		StreamChunking:    n.streamChunking,
		StreamFullTextLen: n.streamFullTextLen,

		ChatComponentType:  n.chatComponentType,
		ChatHasFormat:      n.chatHasFormat,
		ChatToolCalls:      n.chatToolCalls,
		ChatStreamAtStart:  n.chatStreamAtStart,
		ChatStreamingAtEnd: n.chatStreamingAtEnd,
		ConversationID:     n.conversationID,
		ResponseModel:      n.responseModel,
		ResponseID:         n.responseID,
		FinishReasons:      n.finishReasons,
		TimeToFirstChunk:   n.timeToFirstChunk,
		InputTokens:        n.inputTokens,
		OutputTokens:       n.outputTokens,
		TotalTokens:        n.totalTokens,
		ContextSize:        n.contextSize,

		EvQuickCheck:       n.evQuickCheck,
		EvChunk:            n.evChunk,
		EvStreamingDone:    n.evStreamingDone,
		EvFullValidation:   n.evFullValidation,
		EvError:            n.evError,
		EvCompleted:        n.evCompleted,
		EvChunkIndex:       n.evChunkIndex,
		EvPassed:           n.evPassed,
		EvRequirementCount: n.evRequirementCount,
		EvTextLength:       n.evTextLength,
		EvFullTextLength:   n.evFullTextLength,
		EvExceptionType:    n.evExceptionType,
		EvDetail:           n.evDetail,
		EvSuccess:          n.evSuccess,
		EvRetry:            n.evRetry,
		EvAttempt:          n.evAttempt,
		EvRetryReason:      n.evRetryReason,
		CompletedAtEnd:     n.completedAtEnd,

		TokensIn:         n.tokensIn.view(),
		TokensOut:        n.tokensOut.view(),
		TokenUsage:       n.tokenUsage.view(),
		Duration:         n.duration.view(),
		TimeToFirstToken: n.ttfc.view(),
		PerChunk:         n.perChunk.view(),
		LLMErrors:        n.llmErrors.view(),
		Cost:             n.cost.view(),
		Checks:           n.checks.view(),
		Failures:         n.failures.view(),
		Successes:        n.successes.view(),
		SamplFailed:      n.samplFailed.view(),
		MTokenType:       n.mTokenType,
		MTokenInput:      n.mTokenInput,
		MTokenOutput:     n.mTokenOutput,
		MErrorCategory:   n.mErrorCategory,
		MStreaming:       n.mStreaming,
		MOperation:       n.mOperation,
		MRequirement:     n.mRequirement,
		MReason:          n.mReason,
		MStrategy:        n.mStrategy,
		Strategy:         n.strategy,
		Unknown:          n.unknown,

		n: n,
	}, true
}

// view is a copy of i.
func (i instrument) view() Instrument {
	return Instrument{Name: i.name, Unit: i.unit, Description: i.desc, Buckets: slices.Clone(i.buckets)}
}

// ChatSpan is the chat span's name for model.
func (r Names) ChatSpan(model string) string { return r.n.chatName(model) }

// ChatClient reports whether the chat span of provider is CLIENT (else
// INTERNAL).
func (r Names) ChatClient(provider string) bool { return r.n.clientKind(provider) }

// ProviderName is provider as the release reports it.
func (r Names) ProviderName(provider string) string { return r.n.providerName(provider) }

// ChunkingName is the reported strategy of stdlib's chunking identity id.
func (r Names) ChunkingName(id string) string { return r.n.chunkingName(id) }
