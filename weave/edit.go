package weave

import (
	"bytes"
	"fmt"
	"go/token"
	"sort"
)

// edit replaces src[off:end] with text. A /*line*/ directive after the text
// gives what follows its original position again.
type edit struct {
	off, end int
	text     string
}

// insert adds text before pos.
func (w *fileWeaver) insert(pos token.Pos, text string) {
	off := w.offset(pos)
	w.edits = append(w.edits, edit{off, off, text})
}

// replace replaces the source from pos to end with text.
func (w *fileWeaver) replace(pos, end token.Pos, text string) {
	w.edits = append(w.edits, edit{w.offset(pos), w.offset(end), text})
}

// apply returns the source with the edits, which must not overlap. Edits
// at one offset keep the order they were made in; one directive follows
// them.
func (w *fileWeaver) apply() []byte {
	sort.SliceStable(w.edits, func(i, j int) bool { return w.edits[i].off < w.edits[j].off })
	var b bytes.Buffer
	// The whole file keeps the user's name. A //line directive on a line
	// of its own, not a /*line*/ one, so that a //go: directive on the
	// first line stays at the start of its line.
	fmt.Fprintf(&b, "//line %s:1:1\n", w.name)
	last := 0
	for i, e := range w.edits {
		b.Write(w.src[last:e.off])
		b.WriteString(e.text)
		last = max(last, e.end)
		if (i+1 == len(w.edits) || w.edits[i+1].off != e.off) && e.end < len(w.src) {
			b.WriteString(w.lineDirective(e.end))
		}
	}
	b.Write(w.src[last:])
	return b.Bytes()
}

// lineDirective returns a /*line*/ directive that gives the next character
// the original position of the byte at off.
func (w *fileWeaver) lineDirective(off int) string {
	return w.directive(w.tf.Pos(off))
}

// directive formats a /*line*/ directive that gives what follows the
// position of pos, adjusted by the file's own //line directives, if any
// (cgo's output has them), whose file names are kept as written. A
// position without a column (after a //line directive that gives none)
// gets a directive without one.
func (w *fileWeaver) directive(pos token.Pos) string {
	p := w.pkg.fset.Position(pos)
	if raw, ok := w.lineNames[p.Filename]; ok {
		p.Filename = raw
	}
	if p.Column == 0 {
		return fmt.Sprintf("/*line %s:%d*/", p.Filename, p.Line)
	}
	return fmt.Sprintf("/*line %s:%d:%d*/", p.Filename, p.Line, p.Column)
}
