#!/bin/sh
# e2e.sh: export a woven demo run over OTLP to a local Jaeger and check the
# trace tree through Jaeger's query API, then the example chat service's
# trace across an otelhttp client and the server (make e2e).
#
# Jaeger (github.com/jaegertracing/jaeger/cmd/jaeger v1.76.0) is built from
# the module proxy into $E2E_CACHE (default: the user cache dir), outside
# the repository, and runs on 127.0.0.1 with in-memory storage.
set -eu
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
HOOKWEAVE=${HOOKWEAVE:-$PWD/bin/hookweave}
JAEGER_VERSION=${JAEGER_VERSION:-v1.76.0}
E2E_CACHE=${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hookweave-e2e}
OTLP_HTTP=127.0.0.1:${E2E_OTLP_PORT:-4318}
QUERY=127.0.0.1:${E2E_QUERY_PORT:-16686}
mkdir -p "$E2E_CACHE"
run=$(mktemp -d)
jaeger_pid=
cleanup() {
	[ -n "$jaeger_pid" ] && kill "$jaeger_pid" 2>/dev/null || true
	rm -rf "$run"
}
trap cleanup EXIT INT TERM

# go install pkg@version refuses jaeger (its go.mod has replace directives),
# so it is required as a tool of a scratch module in the cache and built there.
jaeger=$E2E_CACHE/jaeger-$JAEGER_VERSION
if [ ! -x "$jaeger" ]; then
	echo "e2e: building jaeger $JAEGER_VERSION into $E2E_CACHE (once; several minutes)"
	mod=$E2E_CACHE/mod-$JAEGER_VERSION
	rm -rf "$mod" && mkdir -p "$mod"
	(
		cd "$mod" && export GOFLAGS= &&
			go mod init hookweave.e2e/jaeger >/dev/null 2>&1 &&
			go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION" &&
			go build -o "$jaeger.tmp" github.com/jaegertracing/jaeger/cmd/jaeger
	)
	mv "$jaeger.tmp" "$jaeger"
fi

cat >"$run/jaeger.yaml" <<YAML
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 10000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: $QUERY
    grpc:
      endpoint: 127.0.0.1:0
receivers:
  otlp:
    protocols:
      http:
        endpoint: $OTLP_HTTP
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
YAML
"$jaeger" --config "$run/jaeger.yaml" >"$run/jaeger.log" 2>&1 &
jaeger_pid=$!

echo "e2e: building the woven demo"
go build -toolexec="$HOOKWEAVE" -o "$run/mellea-stream" ./cmd/mellea-stream

go run ./internal/cmd/e2echeck -wait "http://$QUERY/" || { cat "$run/jaeger.log"; exit 1; }

# One run per name profile, each under its own service name.
for profile in v0.7 main; do
	echo "e2e: running the demo with MELLEA_TRACES_OTLP=1 MELLEA_TELEMETRY_NAMES=$profile"
	MELLEA_TRACES_ENABLED=1 MELLEA_TRACES_OTLP=1 OTEL_SERVICE_NAME="mellea-e2e-$profile" \
		MELLEA_TELEMETRY_NAMES=$profile \
		OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
		OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://$OTLP_HTTP/v1/traces" \
		"$run/mellea-stream" -max-words 20 "Say hello in one sentence." >/dev/null
	go run ./internal/cmd/e2echeck -query "http://$QUERY" -service "mellea-e2e-$profile" -profile "$profile"
done

# The example chat service, woven, with its own OpenTelemetry.
OTLP_HTTP=$OTLP_HTTP QUERY=$QUERY HOOKWEAVE=$HOOKWEAVE ./scripts/e2e-chatserver.sh

# The OpenAI backend against an OpenAI-compatible server written elsewhere.
HOOKWEAVE=$HOOKWEAVE E2E_CACHE=$E2E_CACHE ./scripts/e2e-mockllm.sh
