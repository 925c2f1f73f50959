#!/bin/sh
# bench.sh: whole-process build benchmarks of hookweave, reported as ratios
# (make bench). Arguments go to the benchmark: -runs N -warm N -only NAME.
set -eu
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
exec go run ./bench -hookweave "${HOOKWEAVE:-bin/hookweave}" "$@"
