package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// call streams url with an otelhttp client under a span of its own,
// exported over OTLP/HTTP (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) as service
// "e2e-client", with W3C trace context on the request. With leave it goes
// away after the first chunk event; otherwise it reads to the end event.
// It returns the trace id.
func call(url string, leave bool) (string, error) {
	ctx := context.Background()
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return "", err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", "e2e-client"))))
	defer tp.Shutdown(ctx)
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(propagation.TraceContext{}))}

	ctx, span := tp.Tracer("e2echeck").Start(ctx, "e2e-call")
	defer span.End()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	var events []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		name, ok := strings.CutPrefix(sc.Text(), "event: ")
		if !ok {
			continue
		}
		events = append(events, name)
		if leave && name == "chunk" || name == "end" {
			break
		}
	}
	want := "end"
	if leave {
		want = "chunk"
	}
	if len(events) == 0 || events[len(events)-1] != want {
		return "", fmt.Errorf("GET %s: events %v do not end with %s (%v)", url, events, want, sc.Err())
	}
	return span.SpanContext().TraceID().String(), nil
}
