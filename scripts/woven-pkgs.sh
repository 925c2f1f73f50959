#!/bin/sh
# woven-pkgs.sh: the packages whose tests make test runs a second time woven
# (go test -toolexec=hookweave): those whose tests link the hooks package,
# test-only imports included. Weaving changes nothing else: the other
# packages (the weaver, the lint, cmd/hookweave, whose scripts weave
# programs themselves) would only be compiled again under another identity.
set -eu
cd "$(dirname "$0")/.."
hooks=github.com/hookweave/hookweave/hooks
${GO:-go} list -test -f '{{.ImportPath}}|{{join .Deps " "}}' ./... |
	awk -F'|' -v h="$hooks" '{ split($1, id, " "); n = split($2, deps, " "); keep = id[1] == h; for (i = 1; i <= n && !keep; i++) keep = deps[i] == h; if (keep) print id[1] }' |
	sed -e 's/\.test$//' -e 's/_test$//' | sort -u
