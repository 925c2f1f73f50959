// Package weave rewrites Go source for hookweave: each function annotated
// //mellea:hook gets its hook lifecycle, the main package of a binary
// gets the plugin set and the shutdown lifecycle, and package os gets the
// exit hook through which every os.Exit of a woven binary runs that
// shutdown first (OS; see exit.go for why os itself is rewritten rather
// than the call sites).
//
// The rewrite is purely syntactic (no go/types), so it never depends on the
// module's Go version, and it is textual: the woven code is inserted into
// the original bytes and every insertion is followed by a /*line*/
// directive that restores the original position of what comes next; a
// woven file begins with //line <file>:1:1. Lines and columns of the user's
// code are therefore unchanged, and compile errors, panics and debuggers
// point at the user's file (under the name it was given, which -trimpath
// rewrites). The generated
// lifecycle prologue is placed on the annotation's line, so a subject that
// does not implement the lifecycle's interface is a compile error at the
// annotation.
//
// An annotated function
//
//	//mellea:hook component
//	func (j *Job) Run(ctx context.Context) (err error) {
//
// becomes, on the same lines,
//
//	func (j *Job) Run(ctx context.Context) (err error) {ctx, _hookweave_call, _hookweave_err := _hookweave_hooks.BeginComponent(ctx, j); if _hookweave_err != nil { err = _hookweave_err; return }; defer func() { err = _hookweave_call.End(recover(), err) }()
//
// (with /*line*/ directives between). Unnamed results are named, and a
// blank error result, so return statements with values keep working.
//
// A function annotated //mellea:hook span (a program's own, with no
// subject) keeps its body, behind a guard that hands the call to a traced
// copy of the function while a plugin listens:
//
//	//mellea:hook span
//	func (s *store) lookup(ctx context.Context, key string) (string, error) {
//
// becomes
//
//	func (s *store) lookup(ctx context.Context, key string) (_hookweave_r0 string, _hookweave_r1 error) {if _hookweave_hooks.SpanListening() { return s._hookweave_span1_lookup(ctx, key) };
//
// and after the function comes its copy, the signature and the body
// copied from the source, with their positions, after the prologue:
//
//	func (s *store) _hookweave_span1_lookup(ctx context.Context, key string) (_hookweave_r0 string, _hookweave_r1 error) {var _hookweave_call *_hookweave_hooks.Call; ctx, _hookweave_call = _hookweave_hooks.BeginSpan(ctx, &_hookweave_span1); defer func() { _hookweave_call.End(recover(), _hookweave_r1) }();
//
// While no plugin listens, the function runs as written after one atomic
// load and a branch, with nothing deferred. The file ends with the
// function's site, its names and line fixed at build time:
//
//	var _hookweave_span1 = _hookweave_hooks.SpanSite{Name: "(*store).lookup", Function: "example.com/app/store.(*store).lookup", Line: 12}
//
// An unnamed or blank receiver, parameter or type parameter is named, so
// that the guard passes it on. A body that calls recover itself (a
// function deferred to stop a panic) is not copied: its prologue goes in
// place, behind the guard, since a copy that the deferred function calls
// could not stop the panic. A stack trace taken in a traced call names
// the copy (_hookweave_span1_lookup), called from the function.
//
// Only an error result is named (with the other results, when they are
// unnamed), and only when it is the last result; without one, the end
// hook gets nil and only a panic is the outcome.
// Identifiers that weaving adds begin with a prefix that no file of the
// package uses; the predeclared identifiers it uses (recover, nil) must
// not be redeclared by the package or the annotated function, or weaving
// fails saying what to rename.
//
// Package weave imports annotations and the standard library only;
// never hooks nor telemetry: the import paths it adds come from Config.
package weave
