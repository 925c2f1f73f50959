package weave

import (
	"bytes"
	"fmt"
	"go/token"
	"sort"
)

// edit replaces src[off:end] with text, followed by the pieces of splice.
// A /*line*/ directive after it gives what follows its original position
// again.
type edit struct {
	off, end int
	text     string
	splice   []piece
	// original is set for an edit made in the original source only: a
	// copy of the source around it (a piece) leaves it out.
	original bool
}

// piece is a part of a splice: generated text, or, when to > from, a copy
// of src[from:to] with the edits inside it (all but the original ones),
// after a directive that gives the copy the original's position.
type piece struct {
	text     string
	from, to int
}

// insert adds text before pos.
func (w *fileWeaver) insert(pos token.Pos, text string) {
	off := w.offset(pos)
	w.edits = append(w.edits, edit{off: off, end: off, text: text})
}

// insertOriginal adds text before pos in the original only: a copy of
// the source around pos leaves it out.
func (w *fileWeaver) insertOriginal(pos token.Pos, text string) {
	off := w.offset(pos)
	w.edits = append(w.edits, edit{off: off, end: off, text: text, original: true})
}

// replace replaces the source from pos to end with text.
func (w *fileWeaver) replace(pos, end token.Pos, text string) {
	w.edits = append(w.edits, edit{off: w.offset(pos), end: w.offset(end), text: text})
}

// splice adds the pieces before pos, in the original only.
func (w *fileWeaver) splice(pos token.Pos, pieces ...piece) {
	off := w.offset(pos)
	w.edits = append(w.edits, edit{off: off, end: off, splice: pieces, original: true})
}

// text is a piece of generated text.
func text(s string) piece { return piece{text: s} }

// source is a piece that copies the source from pos to end, with the
// edits inside it.
func (w *fileWeaver) source(pos, end token.Pos) piece {
	return piece{from: w.offset(pos), to: w.offset(end)}
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
	w.write(&b, 0, len(w.src), w.edits)
	return b.Bytes()
}

// write writes src[from:to] with edits, the sorted edits inside it.
func (w *fileWeaver) write(b *bytes.Buffer, from, to int, edits []edit) {
	last := from
	for i, e := range edits {
		b.Write(w.src[last:e.off])
		b.WriteString(e.text)
		for _, p := range e.splice {
			if p.to <= p.from {
				b.WriteString(p.text)
				continue
			}
			b.WriteString(w.lineDirective(p.from))
			w.write(b, p.from, p.to, w.copied(p.from, p.to))
		}
		last = max(last, e.end)
		if (i+1 == len(edits) || edits[i+1].off != e.off) && e.end < to {
			b.WriteString(w.lineDirective(e.end))
		}
	}
	b.Write(w.src[last:to])
}

// copied returns the sorted edits that a copy of src[from:to] makes: those
// inside it, but for the original ones and the insertions at to, which
// come after it.
func (w *fileWeaver) copied(from, to int) []edit {
	var in []edit
	for _, e := range w.edits {
		if !e.original && from <= e.off && e.off < to && e.end <= to {
			in = append(in, e)
		}
	}
	return in
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
