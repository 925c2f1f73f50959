package main

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"
)

// otlpReceiver is an OTLP/HTTP trace receiver for scripts: it records the
// names of the spans that POSTs to /v1/traces carry.
type otlpReceiver struct {
	mu    sync.Mutex
	spans []string
	errs  []error
}

// cmdOTLP runs an in-test OTLP/HTTP receiver for the script:
//
//	otlp start   listen on 127.0.0.1:0 and set OTLP_TRACES to the
//	             traces endpoint (http://127.0.0.1:port/v1/traces)
//	otlp spans   print the names of the spans received since the last
//	             otlp spans, one a line; fail if a request was malformed
func cmdOTLP(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: otlp start|spans")
	}
	r, ok := ts.Value(otlpKey{}).(*otlpReceiver)
	if !ok {
		ts.Fatalf("otlp: the script's setup made no receiver")
	}
	switch args[0] {
	case "start":
		l, err := net.Listen("tcp", "127.0.0.1:0")
		ts.Check(err)
		srv := &http.Server{Handler: r}
		go srv.Serve(l)
		ts.Defer(func() { srv.Close() })
		ts.Setenv("OTLP_TRACES", "http://"+l.Addr().String()+"/v1/traces")
	case "spans":
		w := ts.Stdout() // sets stdout, to nothing when no span arrived
		spans, errs := r.take()
		ts.Check(errors.Join(errs...))
		for _, s := range spans {
			fmt.Fprintln(w, s)
		}
	default:
		ts.Fatalf("usage: otlp start|spans")
	}
}

// otlpKey is the key of a script's receiver in its testscript.Env.Values.
type otlpKey struct{}

func (r *otlpReceiver) take() ([]string, []error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	spans, errs := r.spans, r.errs
	r.spans, r.errs = nil, nil
	return spans, errs
}

func (r *otlpReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost || req.URL.Path != "/v1/traces" {
		http.NotFound(w, req)
		return
	}
	names, err := readSpanNames(req)
	r.mu.Lock()
	r.spans = append(r.spans, names...)
	if err != nil {
		r.errs = append(r.errs, err)
	}
	r.mu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/x-protobuf")
	w.WriteHeader(http.StatusOK) // an empty ExportTraceServiceResponse
}

// readSpanNames decodes an ExportTraceServiceRequest in protobuf form and
// returns the names of its spans.
func readSpanNames(req *http.Request) ([]string, error) {
	if ct := req.Header.Get("Content-Type"); ct != "application/x-protobuf" {
		return nil, fmt.Errorf("otlp: content type %q, want application/x-protobuf", ct)
	}
	body := io.Reader(req.Body)
	if strings.EqualFold(req.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(req.Body)
		if err != nil {
			return nil, fmt.Errorf("otlp: %w", err)
		}
		body = zr
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, fmt.Errorf("otlp: %w", err)
	}
	var names []string
	// resource_spans = 1, scope_spans = 2, spans = 2, name = 5
	err = protoFields(data, 1, func(rs []byte) error {
		return protoFields(rs, 2, func(ss []byte) error {
			return protoFields(ss, 2, func(span []byte) error {
				return protoFields(span, 5, func(name []byte) error {
					names = append(names, string(name))
					return nil
				})
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("otlp: malformed request: %w", err)
	}
	return names, nil
}

// protoFields calls fn with the contents of each length-delimited field
// number num of the protobuf message msg, skipping every other field.
func protoFields(msg []byte, num uint64, fn func([]byte) error) error {
	for len(msg) > 0 {
		key, n := binary.Uvarint(msg)
		if n <= 0 {
			return errors.New("bad field key")
		}
		msg = msg[n:]
		var value []byte
		switch key & 7 {
		case 0: // varint
			if _, n = binary.Uvarint(msg); n <= 0 {
				return errors.New("bad varint")
			}
		case 1: // 64-bit
			n = 8
		case 5: // 32-bit
			n = 4
		case 2: // length-delimited
			l, m := binary.Uvarint(msg)
			if m <= 0 || l > uint64(len(msg)-m) {
				return errors.New("bad length")
			}
			value, n = msg[m:m+int(l)], m+int(l)
		default:
			return fmt.Errorf("unsupported wire type %d", key&7)
		}
		if n > len(msg) {
			return errors.New("truncated field")
		}
		msg = msg[n:]
		if key>>3 == num && key&7 == 2 {
			if err := fn(value); err != nil {
				return err
			}
		}
	}
	return nil
}
