#!/bin/sh
# e2e-chatserver.sh: run the example chat service (examples/chatserver)
# woven, with its own OpenTelemetry exporting to the Jaeger that e2e.sh
# started, call it with an otelhttp client and check in Jaeger one trace
# holding the client span, the server span and session > action >
# stream_with_chunking > chat below it; then a client that goes away
# mid-stream: the stream ends stopped, its generation cancelled, and the
# plugin set's Prometheus endpoint counts no LLM error. make e2e runs it
# from e2e.sh, with OTLP_HTTP and QUERY set.
set -eu
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
HOOKWEAVE=${HOOKWEAVE:-$PWD/bin/hookweave}
: "${OTLP_HTTP:?} ${QUERY:?}"
ADDR=127.0.0.1:${E2E_CHAT_PORT:-18080}
PROM=127.0.0.1:${E2E_PROM_PORT:-19464}
run=$(mktemp -d)
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
	rm -rf "$run"
}
trap cleanup EXIT INT TERM
fail() {
	echo "e2e: chatserver: $*" >&2
	cat "$run/server.err" >&2 || true
	exit 1
}

echo "e2e: building the example chat service woven"
(cd examples/chatserver && go build -toolexec="$HOOKWEAVE" -o "$run/chatserver" .)
go build -o "$run/e2echeck" ./internal/cmd/e2echeck
export OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://$OTLP_HTTP/v1/traces"

# Traces: the program's own provider (no exporter switch); metrics: the
# plugin set's Prometheus endpoint, where the LLM error counter would be.
MELLEA_TRACES_ENABLED=1 MELLEA_METRICS_ENABLED=1 MELLEA_METRICS_PROMETHEUS=1 \
	MELLEA_METRICS_PROMETHEUS_ADDR=$PROM OTEL_SERVICE_NAME=chatserver-e2e \
	"$run/chatserver" -addr "$ADDR" -delay 20ms 2>"$run/server.err" &
server_pid=$!
"$run/e2echeck" -wait "http://$ADDR/chat" || fail "the server did not answer"

echo "e2e: chatserver: a whole stream through an otelhttp client"
whole=$("$run/e2echeck" -call "http://$ADDR/chat?prompt=Hello&max_words=30") || fail "call"
echo "e2e: chatserver: a client going away mid-stream"
left=$("$run/e2echeck" -call "http://$ADDR/chat?prompt=Leave" -leave) || fail "call -leave"
sleep 1 # the server notices the client has gone
"$run/e2echeck" -metrics "http://$PROM/metrics" || fail "metrics"

# SIGTERM: the server drains and flushes its spans.
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"

"$run/e2echeck" -query "http://$QUERY" -trace "$whole" || fail "trace of the whole stream"
"$run/e2echeck" -query "http://$QUERY" -trace "$left" -stopped || fail "trace of the stopped stream"
echo "e2e: chatserver: ok (one trace across client and server, a stopped stream)"
