package openai_test

import (
	"testing"

	"github.com/hookweave/hookweave/stdlib/backend/openai"
)

func TestNewNeedsModel(t *testing.T) {
	if _, err := openai.New(openai.Config{BaseURL: "http://localhost:1/v1"}); err == nil {
		t.Error("New without a model succeeded")
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "k")
	t.Setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
	t.Setenv("OPENAI_MODEL", "llama3")
	got := openai.ConfigFromEnv()
	want := openai.Config{APIKey: "k", BaseURL: "http://localhost:11434/v1", Model: "llama3"}
	if got != want {
		t.Errorf("ConfigFromEnv = %+v, want %+v", got, want)
	}
	b, err := openai.New(got)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name() != "openai" || b.Model() != "llama3" || !b.Remote() {
		t.Errorf("Name, Model, Remote = %q, %q, %v", b.Name(), b.Model(), b.Remote())
	}
}
