package telemetry

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// treeExporter is the human-readable console exporter: it buffers the
// ended spans of each trace and, when the trace's root span ends, prints
// the trace as an indented tree of spans with their kind, duration, status,
// attributes and events. At shutdown it prints what is left.
//
//	trace 0102030405060708090a0b0c0d0e0f10
//	session 40ms mellea.session.id=s-1 ...
//	└─ action 30ms mellea.component.type=Instruction ...
//	   └─ stream_with_chunking 20ms ERROR "Streaming validation failed: too long" ...
//	      │  • quick_check +2ms chunk_index=0 passed=false requirement_count=1
//	      │  • completed +3ms success=false full_text_length=0
//	      └─ chat m1 client 10ms gen_ai.provider.name=scripted ...
//
// A span that reached the SDK's event limit says how many events it
// dropped: "… 40 events dropped (raise OTEL_SPAN_EVENT_COUNT_LIMIT)".
type treeExporter struct {
	mu      sync.Mutex
	w       io.Writer
	pending map[trace.TraceID][]sdktrace.ReadOnlySpan
	order   []trace.TraceID // traces in the order their first span ended
}

func newTreeExporter(w io.Writer) *treeExporter {
	return &treeExporter{w: w, pending: map[trace.TraceID][]sdktrace.ReadOnlySpan{}}
}

// ExportSpans implements sdktrace.SpanExporter.
func (e *treeExporter) ExportSpans(_ context.Context, spans []sdktrace.ReadOnlySpan) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range spans {
		id := s.SpanContext().TraceID()
		if _, ok := e.pending[id]; !ok {
			e.order = append(e.order, id)
		}
		e.pending[id] = append(e.pending[id], s)
		if isRoot(s) {
			e.flush(id)
		}
	}
	return nil
}

// Shutdown implements sdktrace.SpanExporter: it prints every trace whose
// root has not ended.
func (e *treeExporter) Shutdown(context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, id := range slices.Clone(e.order) {
		e.flush(id)
	}
	return nil
}

func isRoot(s sdktrace.ReadOnlySpan) bool {
	return !s.Parent().IsValid() || s.Parent().IsRemote()
}

// flush prints trace id and forgets it; e.mu is held.
func (e *treeExporter) flush(id trace.TraceID) {
	spans := e.pending[id]
	delete(e.pending, id)
	e.order = slices.DeleteFunc(e.order, func(t trace.TraceID) bool { return t == id })
	var b strings.Builder
	writeTrace(&b, id, spans)
	io.WriteString(e.w, b.String())
}

// writeTrace writes the tree of one trace's spans. A span whose parent is
// not among them is a root.
func writeTrace(b *strings.Builder, id trace.TraceID, spans []sdktrace.ReadOnlySpan) {
	fmt.Fprintf(b, "trace %s\n", id)
	known := map[trace.SpanID]bool{}
	for _, s := range spans {
		known[s.SpanContext().SpanID()] = true
	}
	children := map[trace.SpanID][]sdktrace.ReadOnlySpan{}
	var roots []sdktrace.ReadOnlySpan
	for _, s := range spans {
		if p := s.Parent().SpanID(); s.Parent().IsValid() && known[p] {
			children[p] = append(children[p], s)
		} else {
			roots = append(roots, s)
		}
	}
	for _, r := range byStart(roots) {
		writeSpan(b, r, children, "", "")
	}
}

func byStart(spans []sdktrace.ReadOnlySpan) []sdktrace.ReadOnlySpan {
	slices.SortStableFunc(spans, func(a, b sdktrace.ReadOnlySpan) int { return a.StartTime().Compare(b.StartTime()) })
	return spans
}

// writeSpan writes s on a line that begins with lead, then its events and
// its children, each of whose lines begin with indent.
func writeSpan(b *strings.Builder, s sdktrace.ReadOnlySpan, children map[trace.SpanID][]sdktrace.ReadOnlySpan, lead, indent string) {
	b.WriteString(lead)
	b.WriteString(s.Name())
	if k := s.SpanKind(); k != trace.SpanKindInternal && k != trace.SpanKindUnspecified {
		b.WriteString(" " + k.String())
	}
	b.WriteString(" " + duration(s.EndTime().Sub(s.StartTime())))
	writeStatus(b, s.Status())
	writeAttrs(b, s.Attributes())
	b.WriteByte('\n')
	kids := byStart(children[s.SpanContext().SpanID()])
	bar := "   "
	if len(kids) > 0 {
		bar = "│  "
	}
	for _, ev := range s.Events() {
		fmt.Fprintf(b, "%s%s• %s +%s", indent, bar, ev.Name, duration(ev.Time.Sub(s.StartTime())))
		writeAttrs(b, ev.Attributes)
		b.WriteByte('\n')
	}
	if n := s.DroppedEvents(); n > 0 {
		fmt.Fprintf(b, "%s%s… %d events dropped (raise %s)\n", indent, bar, n, EnvSpanEventCountLimit)
	}
	for i, k := range kids {
		if i == len(kids)-1 {
			writeSpan(b, k, children, indent+"└─ ", indent+"   ")
		} else {
			writeSpan(b, k, children, indent+"├─ ", indent+"│  ")
		}
	}
}

func writeStatus(b *strings.Builder, st sdktrace.Status) {
	switch st.Code {
	case codes.Ok:
		b.WriteString(" OK")
	case codes.Error:
		b.WriteString(" ERROR")
		if st.Description != "" {
			b.WriteString(" " + strconv.Quote(st.Description))
		}
	}
}

func writeAttrs(b *strings.Builder, attrs []attribute.KeyValue) {
	for _, kv := range attrs {
		b.WriteString(" " + string(kv.Key) + "=" + value(kv.Value))
	}
}

// value formats v compactly: strings are quoted when they would not read
// as one word.
func value(v attribute.Value) string {
	if v.Type() != attribute.STRING {
		return v.Emit()
	}
	s := v.AsString()
	if s == "" || strings.ContainsAny(s, " \t\n\"=") || !strconv.CanBackquote(s) {
		return strconv.Quote(s)
	}
	return s
}

// duration formats d to the microsecond.
func duration(d time.Duration) string {
	return d.Round(time.Microsecond).String()
}
