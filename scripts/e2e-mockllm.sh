#!/bin/sh
# e2e-mockllm.sh: run the woven demo with -backend openai against an
# OpenAI-compatible server that this project did not write,
# @dwmkerr/mock-llm, and check a complete stream, an early exit and a rate
# limit error event on stdout, the exit status and the console trace.
#
# mock-llm is installed with npm, pinned, into $E2E_CACHE (default: the
# user cache dir), outside the repository, and runs on 127.0.0.1 with the
# responses of scripts/mockllm/mock-llm.yaml. Needs node and npm.
set -eu
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
HOOKWEAVE=${HOOKWEAVE:-$PWD/bin/hookweave}
MOCKLLM_VERSION=0.1.29
E2E_CACHE=${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hookweave-e2e}
ADDR=127.0.0.1:${E2E_MOCKLLM_PORT:-6556}
run=$(mktemp -d)
mock_pid=
cleanup() {
	[ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
	rm -rf "$run"
}
trap cleanup EXIT INT TERM

mock=$E2E_CACHE/mock-llm-$MOCKLLM_VERSION
main=$mock/node_modules/@dwmkerr/mock-llm/dist/main.js
if [ ! -f "$main" ]; then
	echo "e2e: installing @dwmkerr/mock-llm@$MOCKLLM_VERSION into $E2E_CACHE (once)"
	rm -rf "$mock.tmp" && mkdir -p "$mock.tmp"
	npm install --prefix "$mock.tmp" --no-audit --no-fund --loglevel=error "@dwmkerr/mock-llm@$MOCKLLM_VERSION" >/dev/null
	rm -rf "$mock" && mv "$mock.tmp" "$mock"
fi

HOST=127.0.0.1 PORT=${ADDR#*:} node "$main" --config scripts/mockllm/mock-llm.yaml >"$run/mock.log" 2>&1 &
mock_pid=$!

echo "e2e: building the woven demo"
go build -toolexec="$HOOKWEAVE" -o "$run/mellea-stream" ./cmd/mellea-stream

# node starts slowly on a busy machine: wait up to 60 s for /health.
i=0
until node -e "fetch('http://$ADDR/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -ge 120 ] || ! kill -0 "$mock_pid" 2>/dev/null; then
		echo "e2e: mock-llm did not answer on $ADDR" >&2
		cat "$run/mock.log" >&2
		exit 1
	fi
	sleep 0.5
done

# demo NAME ARGS...: run the woven demo against mock-llm with the console
# trace on; its stdout, stderr and exit status go to $run/NAME.*.
demo() {
	name=$1
	shift
	status=0
	MELLEA_TRACES_ENABLED=1 MELLEA_TRACES_CONSOLE=1 OPENAI_API_KEY=mock \
		"$run/mellea-stream" -backend openai -base-url "http://$ADDR/v1" -model mock-e2e "$@" \
		>"$run/$name.out" 2>"$run/$name.err" || status=$?
	echo "$status" >"$run/$name.status"
}

# expect_status NAME STATUS: the exit status of the run NAME.
expect_status() {
	got=$(cat "$run/$1.status")
	[ "$got" = "$2" ] || fail "$1: exit status $got, want $2"
}

# expect FILE REGEXP...: each extended regular expression matches a line of
# $run/FILE.
expect() {
	f=$1
	shift
	for re in "$@"; do
		grep -Eq -- "$re" "$run/$f" || fail "$f: no line matches: $re"
	done
}

# reject FILE REGEXP: no line of $run/FILE matches.
reject() {
	! grep -Eq -- "$2" "$run/$1" || fail "$1: a line matches: $2"
}

fail() {
	echo "e2e: mock-llm: $*" >&2
	for f in "$run"/*.out "$run"/*.err; do
		echo "--- $(basename "$f")" >&2
		cat "$f" >&2
	done
	exit 1
}

echo "e2e: mock-llm: a complete stream"
demo complete "Say hello."
expect_status complete 0
printf '%s\n' "Hooks are woven in at build time." "Spans nest under the session." "A plain build links no telemetry." >"$run/complete.want"
cmp -s "$run/complete.out" "$run/complete.want" || fail "complete: stdout is not the three sentences"
expect complete.err '^mellea-stream: completed: 3 chunks, 97 characters \(woven build\)$' \
	'stream_with_chunking .*mellea.full_text_length=97' \
	'• completed .*success=true full_text_length=97' \
	'gen_ai.provider.name=openai'
reject complete.err ' ERROR'


echo "e2e: mock-llm: an early exit on a failed check"
demo early -forbid nest "Say hello."
expect_status early 3
printf '%s\n' "Hooks are woven in at build time." >"$run/early.want"
cmp -s "$run/early.out" "$run/early.want" || fail "early: stdout is not the first sentence alone"
expect early.err '^mellea-stream: stopped after 1 chunks, 33 characters \(woven build\): .*chunk contains forbidden word "nest"$' \
	'stream_with_chunking .* ERROR "Streaming validation failed: chunk contains forbidden word' \
	'• quick_check .*passed=false'
reject early.err 'rate_limit'


echo "e2e: mock-llm: a rate limit error event"
demo ratelimit "Please rate-limit me."
expect_status ratelimit 1
[ ! -s "$run/ratelimit.out" ] || fail "ratelimit: stdout is not empty"
expect ratelimit.err '^mellea-stream: error after 0 chunks \(woven build\): openai: rate_limit: error event in stream: Rate limit reached for requests' \
	'chat.* ERROR "openai: rate_limit: error event in stream' \
	'stream_with_chunking .* ERROR "openai: rate_limit: ' \
	'error.type=RateLimitError'


echo "e2e: mock-llm: ok (complete, early exit, rate limit)"
