// Command chatserver is a chat service as a Go team writes one: an HTTP
// endpoint that streams a session's validated reply as server-sent events,
// with OpenTelemetry set up by the program itself (its own tracer and meter
// providers, exporter and resource, and otelhttp on the server).
//
//	go build -toolexec=hookweave .
//	MELLEA_TRACES_ENABLED=1 MELLEA_METRICS_ENABLED=1 \
//	OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 ./chatserver
//	curl -N 'http://127.0.0.1:8080/chat?prompt=Hello&max_words=20'
//
// Built with hookweave and with MELLEA_TRACES_ENABLED (MELLEA_METRICS_ENABLED)
// on and no exporter switch, the library's spans (session > action >
// stream_with_chunking > chat) nest under otelhttp's server span and leave
// through the program's exporter; the caller's trace context continues
// through otelhttp and the propagator. Built plainly, the program's own
// spans are all there is.
//
// The backend is the embedded scripted one unless -backend openai (which
// reads OPENAI_API_KEY, OPENAI_MODEL and OPENAI_BASE_URL, as the demo
// does). SIGINT or SIGTERM stops the server: it lets the streams in flight
// finish (up to -grace), then flushes its telemetry.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/hookweave/hookweave/stdlib/backend"
	"github.com/hookweave/hookweave/stdlib/backend/openai"
	"github.com/hookweave/hookweave/stdlib/backend/scripted"
)

// defaultReply is the scripted backend's reply.
const defaultReply = "Build-time instrumentation adds telemetry to a program while it is compiled. " +
	"The library code carries only annotations, and the build tool weaves the hooks in. " +
	"A plain build of the same code links no telemetry at all!"

type options struct {
	addr    string
	backend string
	model   string
	baseURL string
	delay   time.Duration
	grace   time.Duration
}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "chatserver:", err)
		os.Exit(1)
	}
}

// run parses args, serves until SIGINT or SIGTERM, then shuts down.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("chatserver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen `address`")
	fs.StringVar(&o.backend, "backend", "scripted", "model backend: scripted (embedded) or openai")
	fs.StringVar(&o.model, "model", "", "model name (openai: required, or OPENAI_MODEL)")
	fs.StringVar(&o.baseURL, "base-url", "", "OpenAI-compatible API root (default: OPENAI_BASE_URL or OpenAI's)")
	fs.DurationVar(&o.delay, "delay", 25*time.Millisecond, "pause between the scripted backend's deltas")
	fs.DurationVar(&o.grace, "grace", 10*time.Second, "how long a shutdown waits for the streams in flight")
	if err := fs.Parse(args); err != nil {
		return err
	}
	b, err := newBackend(o)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	shutdownOTel, err := setupOTel(ctx)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return errors.Join(err, shutdownOTel(context.Background()))
	}
	fmt.Fprintf(stderr, "chatserver: listening on http://%s/chat\n", ln.Addr())
	err = serve(ctx, ln, newMux(b), o.grace)
	// Flush what the last streams recorded, bounded.
	fctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return errors.Join(err, shutdownOTel(fctx))
}

// newMux is the service's routes, with otelhttp's server span around each.
func newMux(b backend.Backend) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /chat", chatHandler{backend: b})
	return otelhttp.NewHandler(mux, "chat", otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
		return r.Method + " " + r.URL.Path
	}))
}

// serve serves on ln until ctx ends, then stops accepting and waits up to
// grace for the requests in flight; those still running then are cancelled.
func serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	base, cancelAll := context.WithCancel(context.Background())
	defer cancelAll()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		cancelAll() // streams past the grace period stop, their end hooks fire
		err = srv.Close()
	}
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

func newBackend(o options) (backend.Backend, error) {
	switch o.backend {
	case "scripted":
		return scripted.New(defaultReply, scripted.WithDelay(o.delay)), nil
	case "openai":
		cfg := openai.ConfigFromEnv()
		if o.model != "" {
			cfg.Model = o.model
		}
		if o.baseURL != "" {
			cfg.BaseURL = o.baseURL
		}
		return openai.New(cfg)
	}
	return nil, fmt.Errorf("unknown backend %q: use scripted or openai", o.backend)
}
