// Package openai is a backend for OpenAI-compatible chat completion servers
// (OpenAI, Ollama, vLLM and the like), built on the official SDK
// github.com/openai/openai-go/v3. It streams replies as deltas, enforces a
// per-delta timeout, and classifies every failure into a *backend.Error
// with one of mellea's error categories (the hooks.Category* values).
//
// The SDK's automatic retries are off unless Config.MaxRetries asks for
// them, so that a failure surfaces at once, with its category, to the
// caller that decides what to do about it.
//
// Every failure of Stream and Generate is a *backend.Error, except a
// cancel of the caller's context (returned as ctx.Err()) and an error
// returned by onDelta (returned as it is). Categories:
//
//	HTTP error status (*openai.Error)      backend.CategoryForStatus(status)
//	  ... whose code or type names a       content_policy
//	  content filter or content policy
//	error event in the stream              content_policy as above; else by a
//	  (*StreamError)                       numeric code as an HTTP status; else
//	                                       by type words (rate_limit,
//	                                       invalid_request, auth, timeout);
//	                                       else server_error
//	no chunk within DeltaTimeout           timeout (*DeltaTimeoutError)
//	caller's context deadline              timeout
//	network timeout (net.Error.Timeout)    timeout
//	connection refused or reset, EOF or    transport_error
//	  unexpected EOF mid-stream
//	stream ended without finish reason     transport_error (ErrTruncated)
//	undecodable stream data                transport_error (*MalformedError)
//	anything else                          unknown
//
// Package openai never imports telemetry or OpenTelemetry.
package openai
