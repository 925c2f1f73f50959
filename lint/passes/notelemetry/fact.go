package notelemetry

import (
	"cmp"
	"go/types"
	"slices"
	"strings"
)

// reaches is the fact about a package that reaches forbidden trees: for
// each tree, the shortest import chain to its nearest package. A package
// that reaches none has no fact.
type reaches struct {
	Trees []reach // sorted by Tree, so the fact encodes deterministically
}

// reach is one forbidden tree that a package reaches.
type reach struct {
	Tree  string   // the import path of the tree's root
	Chain []string // the package, the packages it imports on the way, and the first one in Tree
}

func (*reaches) AFact() {}

func (r *reaches) String() string {
	var b strings.Builder
	for i, t := range r.Trees {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString("reaches " + t.Tree + " via " + strings.Join(t.Chain, " -> "))
	}
	return b.String()
}

// chain returns the chain to tree, nil if the package does not reach it.
func (r *reaches) chain(tree string) []string {
	if i, ok := slices.BinarySearchFunc(r.Trees, tree, func(t reach, tree string) int { return cmp.Compare(t.Tree, tree) }); ok {
		return r.Trees[i].Chain
	}
	return nil
}

// reachesOf computes the fact of the package path, from the facts of the
// packages it imports: the trees of forbid it is in itself, with a chain of one, and
// those its imports reach, one import longer.
func reachesOf(path string, forbid pairs, imports map[*types.Package]*reaches) *reaches {
	nearest := map[string][]string{}
	for _, tree := range forbid.treesHolding(path) {
		nearest[tree] = []string{path}
	}
	for _, r := range imports {
		if r == nil {
			continue
		}
		for _, t := range r.Trees {
			if cur, ok := nearest[t.Tree]; !ok || len(t.Chain)+1 < len(cur) || len(t.Chain)+1 == len(cur) && less(t.Chain, cur[1:]) {
				nearest[t.Tree] = append([]string{path}, t.Chain...)
			}
		}
	}
	r := new(reaches)
	for tree, chain := range nearest {
		r.Trees = append(r.Trees, reach{Tree: tree, Chain: chain})
	}
	slices.SortFunc(r.Trees, func(a, b reach) int { return cmp.Compare(a.Tree, b.Tree) })
	return r
}

// less orders chains of one length, so that the choice among equally short
// chains does not depend on map order.
func less(a, b []string) bool { return slices.Compare(a, b) < 0 }
