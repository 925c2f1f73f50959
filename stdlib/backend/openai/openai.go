package openai

import (
	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/hookweave/hookweave/stdlib/backend"
)

// Provider is the provider name of this backend, gen_ai.provider.name.
const Provider = "openai"

// Backend talks to one model on an OpenAI-compatible server. It implements
// backend.Streamer and is safe for concurrent use.
type Backend struct {
	cfg    Config
	client sdk.Client
}

var _ backend.Streamer = (*Backend)(nil)

// New returns a backend for cfg. It fails when cfg has no model.
//
// The SDK client still reads the OPENAI_* variables that Config has no
// field for (OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_CUSTOM_HEADERS);
// BaseURL and APIKey always come from cfg.
func New(cfg Config) (*Backend, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	opts := []option.RequestOption{
		option.WithBaseURL(cfg.BaseURL),
		option.WithAPIKey(cfg.APIKey),
		option.WithMaxRetries(cfg.MaxRetries),
	}
	if cfg.HTTPClient != nil {
		opts = append(opts, option.WithHTTPClient(cfg.HTTPClient))
	}
	return &Backend{cfg: cfg, client: sdk.NewClient(opts...)}, nil
}

// Name returns "openai".
func (b *Backend) Name() string { return Provider }

// Model returns the configured model.
func (b *Backend) Model() string { return b.cfg.Model }

// Remote returns true: the server is reached over the network.
func (b *Backend) Remote() bool { return true }
