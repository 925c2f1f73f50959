package weave

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookweave/hookweave/internal/race"
)

// everyFuncConfig weaves every function with a body as if annotated.
var everyFuncConfig = &Config{HooksPath: hooksPath, annotate: everyFuncAnnotations}

// TestGoroot weaves every .go file of the Go source tree outside testdata
// directories, every function with a body treated as annotated, and
// checks each woven file: it parses, and every token of the original, at
// its position as //line directives give it, is in the output at the same
// file, line and column.
func TestGoroot(t *testing.T) {
	if testing.Short() {
		t.Skip("weaves the whole Go source tree")
	}
	files := gorootFiles(t)
	if race.Enabled {
		// the race detector makes the weaver several times slower: one
		// file in four, every fourth from a different start each time
		files = sample(files, 4)
	}
	var (
		mu                       sync.Mutex
		woven, funcs, unparsable int
		wg                       sync.WaitGroup
	)
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range next {
				src, err := os.ReadFile(name)
				if err != nil {
					t.Error(err)
					continue
				}
				n, err := checkWeave(name, src)
				mu.Lock()
				switch {
				case err == errUnparsable:
					unparsable++
				case err != nil:
					t.Error(err)
				default:
					woven++
					funcs += n
				}
				mu.Unlock()
			}
		})
	}
	for _, name := range files {
		next <- name
	}
	close(next)
	wg.Wait()
	t.Logf("%d of %d files woven (race: %v), %d functions; %d files that go/parser rejects skipped", woven, len(files), race.Enabled, funcs, unparsable)
	if woven < len(files)/2 {
		t.Errorf("only %d of %d files woven", woven, len(files))
	}
}

// FuzzWeave weaves any source with every function treated as annotated:
// what parses weaves into what parses, with every token in place; what
// does not parse is an error, never a panic.
func FuzzWeave(f *testing.F) {
	files := gorootFiles(f)
	for i := 0; i < len(files); i += max(1, len(files)/40) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("package p\n\nfunc f() (int, error) { return 0, nil }\n"))
	// the second function is woven as a span: its unnamed receiver and
	// parameters, blank type parameter and variadic are passed on
	f.Add([]byte("package p\n\nfunc f() {}\n\nfunc (T) m(_ int, xs ...int) {}\n\nfunc g() {}\n\nfunc h[_ any](int, ...string) (_ int, _ error) { return }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := checkWeave("/src/fuzz/x.go", src); err != nil && err != errUnparsable {
			t.Fatal(err)
		}
	})
}

// sample returns every n-th of files, from an offset that changes with
// the time, so that successive runs cover the whole tree.
func sample(files []string, n int) []string {
	var out []string
	for i := int(time.Now().UnixNano() % int64(n)); i < len(files); i += n {
		out = append(out, files[i])
	}
	return out
}

// gorootFiles returns the .go files under $GOROOT/src outside testdata.
func gorootFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	root := filepath.Join(goroot(t), "src")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("walking %s: %d files, %v", root, len(files), err)
	}
	return files
}

var errUnparsable = fmt.Errorf("the input does not parse")

// checkWeave weaves src as the one file of a package, every function
// annotated, and checks the output; it returns the number of functions
// woven.
func checkWeave(name string, src []byte) (int, error) {
	fset := token.NewFileSet()
	orig, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		// the weaver must refuse it too, with a positioned error
		if _, werr := everyFuncConfig.Package("p", []File{{Name: name, Src: src}}, false); werr == nil {
			return 0, fmt.Errorf("%s: the weaver accepted a file that does not parse", name)
		}
		return 0, errUnparsable
	}
	res, err := everyFuncConfig.Package("p", []File{{Name: name, Src: src}}, false)
	if err != nil {
		return 0, fmt.Errorf("%s: %v", name, err)
	}
	out := res.Files[0].Src
	if _, err := parser.ParseFile(token.NewFileSet(), name, out, parser.SkipObjectResolution); err != nil {
		return 0, fmt.Errorf("%s: the woven output does not parse: %v", name, err)
	}
	// a token that the weaver copies is in the output twice, at its
	// position each time
	copies := copiedRanges(fset, orig) // in order, as the tokens are
	var want []string
	for _, tk := range scanTokens(name, src) {
		want = append(want, tk.text)
		for len(copies) > 0 && copies[0][1] <= tk.off {
			copies = copies[1:]
		}
		if len(copies) > 0 && copies[0][0] <= tk.off {
			want = append(want, tk.text)
		}
	}
	got := map[string]int{}
	for _, tk := range scanTokens(name, out) {
		got[tk.text]++
	}
	for _, tk := range want {
		if got[tk] == 0 {
			return 0, fmt.Errorf("%s: token %s is not in the woven output at its position (as often as the weaver copies it)", name, tk)
		}
		got[tk]--
	}
	return countFuncs(orig), nil
}

// copiedRanges returns the offsets of what the weaver copies from f into
// the traced copy of each function that everyFuncAnnotations annotates
// span: the signature but for the name, and the body.
func copiedRanges(fset *token.FileSet, f *ast.File) [][2]int {
	off := func(p token.Pos) int { return fset.File(p).Offset(p) }
	var ranges [][2]int
	for _, a := range everyFuncAnnotations(f) {
		if fd := a.Func; a.Lifecycle.Subject == "" && !callsRecover(fd.Body) {
			ranges = append(ranges, [2]int{off(fd.Type.Func), off(fd.Name.Pos())}, [2]int{off(fd.Name.End()), off(fd.End())})
		}
	}
	return ranges
}

// scanned is a token of a file: its offset, and its position (adjusted by
// //line directives), kind and literal as text.
type scanned struct {
	off  int
	text string
}

// scanTokens returns the tokens of src, as "file:line:col token literal",
// the positions adjusted by //line directives; automatic semicolons,
// which are not in the text, are left out. The names that the weaver
// gives results, receivers, type parameters and parameters read as _: a
// blank one is renamed in place.
func scanTokens(name string, src []byte) []scanned {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
	var toks []scanned
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return toks
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		if tok == token.IDENT && givenName.MatchString(lit) {
			lit = "_"
		}
		p := fset.Position(pos)
		toks = append(toks, scanned{fset.File(pos).Offset(pos), fmt.Sprintf("%s:%d:%d %s %q", p.Filename, p.Line, p.Column, tok, lit)})
	}
}

// givenName matches the names that the weaver gives results, receivers,
// type parameters and parameters (names.go).
var givenName = regexp.MustCompile(`^_hookweave[0-9]*_([rpt][0-9]+|recv)$`)

func countFuncs(f *ast.File) int {
	n := 0
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			n++
		}
	}
	return n
}
