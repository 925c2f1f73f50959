package annotations

// Lifecycle is a hook lifecycle an annotation can open.
type Lifecycle struct {
	Name       string   // as written in the annotation, such as "streaming"
	Begin      string   // the function in package hooks that starts it
	Subject    string   // the interface in package hooks its subject implements; "" for span, which has none
	Keys       []string // the keys its annotation takes
	StartHooks []string // hooks fired at entry, in order
	EndHooks   []string // hooks of which exactly one fires at the end (success first)
}

var lifecycles = []*Lifecycle{
	{
		Name: "session", Begin: "BeginSession", Subject: "SessionSubject", Keys: subjectKeys,
		StartHooks: []string{"session_pre_init", "session_post_init"},
		EndHooks:   []string{"session_cleanup"},
	},
	{
		Name: "component", Begin: "BeginComponent", Subject: "ComponentSubject", Keys: subjectKeys,
		StartHooks: []string{"component_pre_execute"},
		EndHooks:   []string{"component_post_success", "component_post_error"},
	},
	{
		Name: "generation", Begin: "BeginGeneration", Subject: "GenerationSubject", Keys: subjectKeys,
		StartHooks: []string{"generation_pre_call"},
		EndHooks:   []string{"generation_post_call", "generation_error"},
	},
	{
		Name: "streaming", Begin: "BeginStreaming", Subject: "StreamingSubject", Keys: subjectKeys,
		StartHooks: []string{"streaming_start"},
		EndHooks:   []string{"streaming_end"},
	},
	{
		// A program's own function: no subject, no required result.
		Name: "span", Begin: "BeginSpan", Keys: []string{"name", "ctx"},
		StartHooks: []string{"span_start"},
		EndHooks:   []string{"span_end"},
	},
}

var subjectKeys = []string{"subject", "ctx"}

// Lifecycles returns the known lifecycles.
func Lifecycles() []*Lifecycle { return append([]*Lifecycle(nil), lifecycles...) }

// Lookup returns the lifecycle named name, or nil.
func Lookup(name string) *Lifecycle {
	for _, lc := range lifecycles {
		if lc.Name == name {
			return lc
		}
	}
	return nil
}

func lifecycleNames() string {
	s := ""
	for i, lc := range lifecycles {
		if i > 0 {
			s += ", "
		}
		s += lc.Name
	}
	return s
}
