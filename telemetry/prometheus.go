package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

// prometheusPath is where the metrics are served.
const prometheusPath = "/metrics"

// promServer serves the metrics of one meter provider in Prometheus' text
// format for as long as the program runs (until Shutdown).
type promServer struct {
	ln  net.Listener
	srv *http.Server
}

// newPrometheus returns the reader that feeds the endpoint, and the
// endpoint listening on addr. The registry is the reader's own, so two
// sets never collide on the global one.
func newPrometheus(addr string) (sdkmetric.Reader, *promServer, error) {
	reg := prometheus.NewRegistry()
	exp, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		return nil, nil, fmt.Errorf("prometheus exporter: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("prometheus endpoint: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle(prometheusPath, promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	p := &promServer{ln: ln, srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}}
	go p.srv.Serve(ln)
	return exp, p, nil
}

// URL is the endpoint's address, http://host:port/metrics.
func (p *promServer) URL() string { return "http://" + p.ln.Addr().String() + prometheusPath }

// Shutdown stops serving.
func (p *promServer) Shutdown(ctx context.Context) error {
	if err := p.srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
