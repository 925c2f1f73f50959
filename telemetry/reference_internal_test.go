package telemetry

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// notInReference are the table's fields that a stream does not emit, or
// that Names offers through a method: the session and action spans, the
// opt-in chunk_processed event, the exception event and the mappings.
var notInReference = []string{
	"spanSession", "spanStartSession", "spanAction", "spanChat", "chatWithModel",
	"clientProviders", "providers", "chunking",
	"sessionID", "sessionContextType", "sessionProvider", "startBackend", "startModel",
	"actionType", "actionHasReqs", "actionHasStrategy", "actionStrategy", "actionHasFormat",
	"actionToolCalls", "actionGenerateLogs", "actionSamplingSuccess", "actionResponse",
	"actionResponseLen", "maxResponseChars", "truncationMark",
	"cancelledStatus", "eventException", "exceptionType", "exceptionMessage",
	"evChunkProcessed", "genChunkIndex", "genChunkTextLength", "genSinceLastMs",
	"durationOnError",
}

// tableField is the field of names that a field of Names copies.
func tableField(ref string) string {
	switch ref {
	case "TimeToFirstToken":
		return "ttfc"
	case "LLMErrors":
		return "llmErrors"
	}
	r := []rune(ref)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// TestReference_CopiesTheTable checks, for every profile, that each field
// of Reference's view holds the table's value, and that every name of the
// table a stream emits is in the view.
func TestReference_CopiesTheTable(t *testing.T) {
	for _, n := range profiles {
		ref, ok := Reference(n.profile)
		if !ok {
			t.Fatalf("Reference(%q) not found", n.profile)
		}
		rv, tv := reflect.ValueOf(ref), reflect.ValueOf(*n)
		covered := map[string]bool{}
		for i := range rv.NumField() {
			f := rv.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name := tableField(f.Name)
			covered[name] = true
			tf := tv.FieldByName(name)
			if !tf.IsValid() {
				t.Errorf("Names.%s copies no field of the table (looked for %s)", f.Name, name)
				continue
			}
			if got, want := rv.Field(i).Interface(), readable(tf); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Names.%s = %+v, want %+v", n.profile, f.Name, got, want)
			}
		}
		for i := range tv.NumField() {
			name := tv.Type().Field(i).Name
			if !covered[name] && !slices.Contains(notInReference, name) {
				t.Errorf("the table's %s is neither in Names nor in notInReference", name)
			}
		}
	}
}

// readable is the value of an unexported field of the table, as Names
// holds it.
func readable(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	}
	in := Instrument{
		Name:        v.FieldByName("name").String(),
		Unit:        v.FieldByName("unit").String(),
		Description: v.FieldByName("desc").String(),
	}
	if b := v.FieldByName("buckets"); b.Len() > 0 {
		for i := range b.Len() {
			in.Buckets = append(in.Buckets, b.Index(i).Float())
		}
	}
	return in
}

func TestReference_Profiles(t *testing.T) {
	def, ok := Reference("")
	if !ok || def.Profile != ProfileV07 {
		t.Errorf(`Reference("") = %q, %v; want the default profile %q`, def.Profile, ok, ProfileV07)
	}
	if _, ok := Reference("v0.6"); ok {
		t.Error(`Reference("v0.6") found a profile`)
	}
	main, _ := Reference(ProfileMain)
	if got, want := main.ChatSpan("m"), namesMain.chatName("m"); got != want {
		t.Errorf("main ChatSpan = %q, want %q", got, want)
	}
	if got, want := def.ChunkingName("sentence"), namesV07.chunkingName("sentence"); got != want {
		t.Errorf("v0.7 ChunkingName = %q, want %q", got, want)
	}
	if got, want := main.ProviderName("watsonx"), namesMain.providerName("watsonx"); got != want || !strings.Contains(got, ".") {
		t.Errorf("main ProviderName(watsonx) = %q, want %q", got, want)
	}
	if !main.ChatClient("openai") || def.ChatClient("openai") {
		t.Error("ChatClient: openai's chat span is CLIENT in main only")
	}
}

// TestReference_ReadOnly checks that changing a view's buckets leaves the
// table, and so what the plugins emit, alone.
func TestReference_ReadOnly(t *testing.T) {
	ref, _ := Reference(ProfileV07)
	want := slices.Clone(namesV07.duration.buckets)
	ref.Duration.Buckets[0] = -1
	if !slices.Equal(namesV07.duration.buckets, want) {
		t.Errorf("a view's buckets alias the table's: %v", namesV07.duration.buckets)
	}
}
