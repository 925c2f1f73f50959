package openai

import (
	"errors"
	"net/http"
	"os"
	"time"
)

// DefaultBaseURL is the base URL used when Config.BaseURL is empty.
const DefaultBaseURL = "https://api.openai.com/v1/"

// Config says which server and model a Backend talks to.
type Config struct {
	// BaseURL is the API root, such as "http://localhost:11434/v1" for
	// Ollama; DefaultBaseURL when empty.
	BaseURL string
	// Model is the model requests go to. It is required.
	Model string
	// APIKey is sent as a bearer token; servers that need none accept
	// an empty one.
	APIKey string
	// DeltaTimeout bounds each wait of a stream: for the response
	// headers, for the first chunk, and for each chunk after that (any
	// chunk counts, with content or not). Time spent in the caller's
	// onDelta does not count. Zero means no bound. Generate ignores it.
	DeltaTimeout time.Duration
	// HTTPClient, when not nil, replaces the SDK's default client.
	HTTPClient *http.Client
	// MaxRetries is how many times the SDK retries a failed request
	// (connection errors, 408, 409, 429, 5xx). Zero, the default, means
	// never: errors surface at once.
	MaxRetries int
}

// ConfigFromEnv returns a Config from the environment: OPENAI_API_KEY,
// OPENAI_BASE_URL and OPENAI_MODEL. Unset variables leave their field
// empty.
func ConfigFromEnv() Config {
	return Config{
		APIKey:  os.Getenv("OPENAI_API_KEY"),
		BaseURL: os.Getenv("OPENAI_BASE_URL"),
		Model:   os.Getenv("OPENAI_MODEL"),
	}
}

// check reports what makes c unusable.
func (c Config) check() error {
	if c.Model == "" {
		return errors.New("openai: no model configured (set Config.Model or OPENAI_MODEL)")
	}
	if c.DeltaTimeout < 0 {
		return errors.New("openai: negative delta timeout")
	}
	if c.MaxRetries < 0 {
		return errors.New("openai: negative max retries")
	}
	return nil
}
