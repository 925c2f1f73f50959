// Command unrelated uses nothing of hookweave: a woven build must leave it
// exactly as a plain one.
package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"text/template"
)

func main() {
	rec := httptest.NewRecorder()
	json.NewEncoder(rec).Encode(map[string]int{"answer": 42})
	template.Must(template.New("t").Parse("body: {{.}}")).Execute(rec, "ok")
	fmt.Print(rec.Body.String())
}
