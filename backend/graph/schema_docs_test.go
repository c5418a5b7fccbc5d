package graph_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Every type and field of the hand-written API says what it is: the
// schema is the API's documentation (GraphiQL shows it).
func TestTheHandWrittenSchemaIsDocumented(t *testing.T) {
	var missing []string
	for _, name := range []string{"schema.graphql", "dashboard.graphql", "portal.graphql"} {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.ParseSchema(&ast.Source{Name: name, Input: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		check := func(defs ast.DefinitionList, extension bool) {
			for _, d := range defs {
				if !extension && d.Description == "" && d.Kind != ast.Scalar {
					missing = append(missing, name+": type "+d.Name)
				}
				for _, f := range d.Fields {
					if f.Description == "" {
						missing = append(missing, name+": "+d.Name+"."+f.Name)
					}
				}
			}
		}
		check(doc.Definitions, false)
		check(doc.Extensions, true)
	}
	if len(missing) > 0 {
		t.Errorf("%d types and fields have no description:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
