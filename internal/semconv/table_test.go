package semconv

import (
	"strings"
	"testing"
)

func TestTruncate(t *testing.T) {
	a := strings.Repeat("a", V07.MaxResponseChars)
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{a, a},
		{a + "b", a + "..."},
		{strings.Repeat("é", V07.MaxResponseChars+1), strings.Repeat("é", V07.MaxResponseChars) + "..."},
	} {
		if got := V07.Truncate(tc.in); got != tc.want {
			t.Errorf("Truncate(%d chars) = %d chars %q...", len(tc.in), len(got), got[max(0, len(got)-5):])
		}
	}
}

func TestOf(t *testing.T) {
	for _, n := range Profiles {
		if got, ok := Of(n.Profile); !ok || got != n {
			t.Errorf("Of(%q) = %v, %v; want its table", n.Profile, got.Profile, ok)
		}
	}
	for _, p := range []string{"", "v0.6", "Main"} {
		if got, ok := Of(p); ok || got != &V07 {
			t.Errorf("Of(%q) = %q, %v; want the default table and false", p, got.Profile, ok)
		}
	}
	if V07.Profile != ProfileV07 || Main.Profile != ProfileMain || Profiles[0] != &V07 {
		t.Error("the profiles are not named as MELLEA_TELEMETRY_NAMES spells them, or v0.7 is not the default")
	}
}

func TestTable_Rules(t *testing.T) {
	if got := Main.ChatName("m"); got != "chat m" {
		t.Errorf("Main.ChatName = %q", got)
	}
	if got := V07.ChatName("m"); got != "chat" {
		t.Errorf("V07.ChatName = %q", got)
	}
	if got := Main.ProviderName("watsonx"); got != "ibm.watsonx.ai" {
		t.Errorf("Main.ProviderName(watsonx) = %q", got)
	}
	if got := V07.ProviderName("watsonx"); got != "watsonx" {
		t.Errorf("V07.ProviderName(watsonx) = %q", got)
	}
	if got := V07.ChunkingName("sentence"); got != "SentenceChunker" {
		t.Errorf("V07.ChunkingName(sentence) = %q", got)
	}
	if got := Main.ChunkingName("mine"); got != "mine" {
		t.Errorf("a custom chunker's name is %q", got)
	}
	if !Main.ChatClient("openai") || V07.ChatClient("openai") {
		t.Error("chat spans of openai: CLIENT on main, INTERNAL on v0.7")
	}
}
