#!/bin/sh
# cold-test.sh: run the README's set-up commands as a new user would, on a
# fresh HOME (empty module and build caches) and a fresh clone of HEAD, and
# report wall times: the whole run, each test package, the slowest scripts
# and the warm-up builds, with the margin left under go test's -timeout.
#
#	scripts/cold-test.sh              make test
#	scripts/cold-test.sh demo test    make demo, then make test
#
# It takes as long as those commands take on an empty cache (tens of
# minutes on two cores). The logs stay in the printed directory.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- test
home=$(mktemp -d "${TMPDIR:-/tmp}/hookweave-cold.XXXXXX")
git clone -q "$root" "$home/hookweave"
cd "$home/hookweave"
unset GOCACHE GOMODCACHE GOPATH GOFLAGS
export HOME="$home" GOTOOLCHAIN=local
timeout=$(make -s -f Makefile -f - print-timeout <<'EOF'
print-timeout:
	@echo $(TEST_TIMEOUT)
EOF
)
echo "cold-test: HOME=$home, make $*, go test -timeout $timeout"
status=0
for target in "$@"; do
	start=$(date +%s)
	make "$target" TESTFLAGS=-v >"$home/$target.log" 2>&1 || status=$?
	echo "make $target: $(($(date +%s) - start)) s (exit $status)"
	[ "$status" -eq 0 ] || break
done
log=$home/test.log
[ -f "$log" ] || exit "$status"
echo "packages (plain pass, woven pass, then allocation counts):"
grep -E '^(ok|FAIL)[[:space:]]' "$log" |
	awk 'BEGIN {split("plain woven allocs", name)} {n = ++seen[$2]; printf "  %-6s %-4s %-62s %s\n", name[n], $1, $2, $3}'
echo "slowest scripts:"
grep -E -- '--- (PASS|FAIL|SKIP): TestScript/' "$log" |
	sed -E 's/.*TestScript\/([^ ]+) \(([0-9.]+)s\).*/\2 \1/' | sort -rn | head -8 |
	awk '{printf "  %8.1f s  %s\n", $1, $2}'
grep -E 'warm-up: ' "$log" | sed -E 's/^[[:space:]]*warmup_test.go:[0-9]+: /  /' || true
exit "$status"
