package openai

import (
	"maps"
	"slices"

	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/hookweave/hookweave/stdlib/backend"
)

// reserved are request fields the backend sets itself; model options of
// these names are ignored.
var reserved = map[string]bool{"model": true, "messages": true, "stream": true, "stream_options": true}

// params is the chat completion request for req.
func (b *Backend) params(req backend.Request, stream bool) sdk.ChatCompletionNewParams {
	p := sdk.ChatCompletionNewParams{Model: backend.ModelFor(b, req), Messages: messages(req.Messages)}
	if stream {
		p.StreamOptions.IncludeUsage = sdk.Bool(true)
	}
	return p
}

// modelOptions sends each of req.Options as a top-level JSON field of the
// request ("temperature", "max_tokens", "seed", ...), as the server spells
// it, in key order.
func modelOptions(req backend.Request) []option.RequestOption {
	var opts []option.RequestOption
	for _, k := range slices.Sorted(maps.Keys(req.Options)) {
		if !reserved[k] {
			opts = append(opts, option.WithJSONSet(k, req.Options[k]))
		}
	}
	return opts
}

// messages converts the conversation; an unknown role is sent as a user
// message.
func messages(ms []backend.Message) []sdk.ChatCompletionMessageParamUnion {
	out := make([]sdk.ChatCompletionMessageParamUnion, 0, len(ms))
	for _, m := range ms {
		switch m.Role {
		case "system":
			out = append(out, sdk.SystemMessage(m.Content))
		case "developer":
			out = append(out, sdk.DeveloperMessage(m.Content))
		case "assistant":
			out = append(out, sdk.AssistantMessage(m.Content))
		default:
			out = append(out, sdk.UserMessage(m.Content))
		}
	}
	return out
}
