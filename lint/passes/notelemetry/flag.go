package notelemetry

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hookweave/hookweave/lint/internal/lintutil"
)

// pair forbids imports from the tree from to the tree to.
type pair struct{ from, to string }

// pairs is the value of the -forbid flag: from:to,from:to...
type pairs []pair

func (p *pairs) String() string {
	s := make([]string, len(*p))
	for i, x := range *p {
		s[i] = x.from + ":" + x.to
	}
	return strings.Join(s, ",")
}

func (p *pairs) Set(s string) error {
	list, err := parse(strings.Split(s, ","))
	if err != nil {
		return err
	}
	*p = list
	return nil
}

// parse parses pairs written from:to.
func parse(items []string) (pairs, error) {
	var list pairs
	for _, item := range items {
		from, to, ok := strings.Cut(strings.TrimSpace(item), ":")
		if !ok || !lintutil.IsTree(from) || !lintutil.IsTree(to) {
			return nil, fmt.Errorf("invalid pair %q: want from:to with two trees, such as stdlib:telemetry", item)
		}
		list = append(list, pair{from, to})
	}
	return list, nil
}

// mustParse parses pairs known to be valid.
func mustParse(items []string) pairs {
	list, err := parse(items)
	if err != nil {
		panic(err)
	}
	return list
}

// from returns the pairs whose from tree, in module, holds the package path.
func (p pairs) from(path, module string) []pair {
	var rules []pair
	for _, x := range p {
		if lintutil.Under(path, lintutil.Resolve(x.from, module)) {
			rules = append(rules, x)
		}
	}
	return rules
}

// treesHolding returns the roots of every forbidden tree the package path
// may be in, whatever module the package that imports it belongs to: each
// prefix of path that ends with the elements of a to tree. A relative tree
// then matches when an importer's module resolves it to one of them
// (module/telemetry), an import path when it is one of them.
func (p pairs) treesHolding(pkgPath string) []string {
	var roots []string
	elems := strings.Split(pkgPath, "/")
	for _, x := range p {
		tree := strings.Split(x.to, "/")
		for end := len(tree); end <= len(elems); end++ {
			if slices.Equal(elems[end-len(tree):end], tree) {
				root := strings.Join(elems[:end], "/")
				if !slices.Contains(roots, root) {
					roots = append(roots, root)
				}
			}
		}
	}
	return roots
}
