package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/graph/generated"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	entsession "github.com/tollgate/tollgate/ent/session"
	"github.com/tollgate/tollgate/ent/user"
)

// call is one root field, called with made-up arguments of the right
// shape: what each principal is told decides the matrix, whatever the
// arguments (the gate answers before they are used).
type call struct {
	op, field string
	query     string
	upload    bool // the arguments hold an Upload: sent as multipart
}

// argValue writes a literal of type t: required input fields filled,
// enums their first value, Uploads the variable $f.
func argValue(s *ast.Schema, t *ast.Type, id string, upload *bool, depth int) string {
	if t.Elem != nil {
		return "[" + argValue(s, t.Elem, id, upload, depth) + "]"
	}
	switch t.NamedType {
	case "ID":
		return `"` + id + `"`
	case "String":
		return `"x"`
	case "Int":
		return "1"
	case "Float":
		return "1.5"
	case "Boolean":
		return "false"
	case "Decimal":
		return `"1"`
	case "Time":
		return `"2026-06-01T00:00:00Z"`
	case "Date":
		return `"2026-06-01"`
	case "Cursor":
		return "null"
	case "Upload":
		*upload = true
		return "$f"
	}
	d := s.Types[t.NamedType]
	switch d.Kind {
	case ast.Enum:
		return d.EnumValues[0].Name
	case ast.InputObject:
		var parts []string
		for _, f := range d.Fields {
			if f.Type.NonNull && f.DefaultValue == nil && depth < 6 {
				parts = append(parts, f.Name+": "+argValue(s, f.Type, id, upload, depth+1))
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "null"
}

func selection(s *ast.Schema, t *ast.Type) string {
	for t.Elem != nil {
		t = t.Elem
	}
	switch s.Types[t.NamedType].Kind {
	case ast.Object, ast.Interface, ast.Union:
		return " { __typename }"
	}
	return ""
}

// calls lists every Query and Mutation root field of the schema; every
// ID argument is id (a customer's, so that node and the like find
// something a staff user may read).
func calls(id string) []call {
	s := generated.NewExecutableSchema(generated.Config{}).Schema()
	var out []call
	for _, op := range []string{"Query", "Mutation"} {
		for _, f := range s.Types[op].Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			c := call{op: op, field: f.Name}
			var args []string
			for _, a := range f.Arguments {
				if a.Type.NonNull && a.DefaultValue == nil {
					args = append(args, a.Name+": "+argValue(s, a.Type, id, &c.upload, 0))
				}
			}
			q := f.Name
			if len(args) > 0 {
				q += "(" + strings.Join(args, ", ") + ")"
			}
			q += selection(s, f.Type)
			head := strings.ToLower(op)
			if c.upload {
				head += "($f: Upload!)"
			}
			c.query = head + " { " + q + " }"
			out = append(out, c)
		}
	}
	return out
}

// principal is one kind of caller: how its requests are signed, and which
// access levels it holds.
type principal struct {
	name   string
	prep   func(*http.Request)
	holds  map[graph.Access]bool
	signed bool // false: refused before GraphQL with 401
}

func (p principal) send(t *testing.T, base string, c call) (int, string) {
	t.Helper()
	var body bytes.Buffer
	ctype := "application/json"
	if c.upload {
		w := multipart.NewWriter(&body)
		ops, _ := json.Marshal(map[string]any{"query": c.query, "variables": map[string]any{"f": nil}})
		_ = w.WriteField("operations", string(ops))
		_ = w.WriteField("map", `{"0":["variables.f"]}`)
		fw, _ := w.CreateFormFile("0", "x.csv")
		_, _ = fw.Write([]byte("a,b\n1,2\n"))
		_ = w.Close()
		ctype = w.FormDataContentType()
	} else {
		b, _ := json.Marshal(map[string]any{"query": c.query})
		body.Write(b)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", &body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Origin", base)
	p.prep(req)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r testenv.Response
	_ = json.NewDecoder(res.Body).Decode(&r)
	code := "OK"
	if len(r.Errors) > 0 {
		code = r.Errors[0].Code()
		if code == "" {
			code = "GRAPHQL:" + r.Errors[0].Message
		}
	}
	return res.StatusCode, code
}

// The authorization matrix: every Query and Mutation root field of the
// schema, called by every kind of principal. Signed-out callers (nobody,
// a revoked token, an expired session) get 401 for all of it; a
// customer's token reaches only `viewer`; each role reaches exactly the
// fields its rule gives it, and is FORBIDDEN the rest before anything
// else is looked at. Nothing answers INTERNAL.
func TestAuthorizationMatrix(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	base := env.Server.URL

	// Staff of each role, signed in through their links.
	admin := newBrowser(t, env)
	if status, out := admin.post("/auth/link", map[string]any{"secret": setupLink(t, env), "email": "admin@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("set up: HTTP %d %v", status, out)
	}
	signedIn := func(email string, role viewer.Role) *browser {
		link, _, err := env.App.CreateStaff(ctx, email, role)
		if err != nil {
			t.Fatal(err)
		}
		_, secret, _ := strings.Cut(link, "link=")
		b := newBrowser(t, env)
		if status, out := b.post("/auth/link", map[string]any{"secret": secret, "password": "a long enough passphrase"}, nil); status != http.StatusOK {
			t.Fatalf("%s: HTTP %d %v", email, status, out)
		}
		return b
	}
	billing := signedIn("billing@example.com", viewer.RoleBilling)
	readonly := signedIn("readonly@example.com", viewer.RoleReadOnly)
	expired := signedIn("expired@example.com", viewer.RoleBilling)
	if _, err := env.App.DB.Client.Session.Update().Where(entsession.HasUserWith(user.Email("expired@example.com"))).
		SetLastSeenAt(time.Now().Add(-24 * time.Hour)).Save(ctx); err != nil {
		t.Fatal(err)
	}

	token := func(in map[string]any) string {
		data, code := gql(t, admin, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret token { id } } }`, map[string]any{"in": in})
		if code != "" {
			t.Fatalf("createApiToken %v: %s", in, code)
		}
		return data["createApiToken"].(map[string]any)["secret"].(string)
	}
	cust, code := gql(t, admin, `mutation { createCustomer(input: {reference: "MATRIX1", name: "Matrix Ltd"}) { id } }`, nil)
	if code != "" {
		t.Fatalf("createCustomer: %s", code)
	}
	customerToken := token(map[string]any{"name": "customer's own", "customerID": cust["createCustomer"].(map[string]any)["id"]})
	tokens := map[viewer.Role]string{}
	for _, r := range []viewer.Role{viewer.RoleAdmin, viewer.RoleBilling, viewer.RoleReadOnly} {
		tokens[r] = token(map[string]any{"name": "token " + string(r), "role": string(r)})
	}
	revoked := token(map[string]any{"name": "revoked", "role": "ADMIN"})
	data, _ := gql(t, admin, `{ apiTokens { id name } }`, nil)
	for _, tk := range data["apiTokens"].([]any) {
		if m := tk.(map[string]any); m["name"] == "revoked" {
			if _, code := gql(t, admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": m["id"]}); code != "" {
				t.Fatalf("revoke: %s", code)
			}
		}
	}

	withCookie := func(b *browser) func(*http.Request) {
		return func(r *http.Request) {
			for _, c := range b.c.Jar.Cookies(mustURL(base)) {
				r.AddCookie(c)
			}
			r.Header.Set("X-CSRF-Token", b.csrf)
		}
	}
	bearer := func(s string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+s) }
	}
	staff := func(role viewer.Role) map[graph.Access]bool {
		return map[graph.Access]bool{graph.Anyone: true, graph.Staff: true,
			graph.Writers: role != viewer.RoleReadOnly, graph.Admins: role == viewer.RoleAdmin}
	}
	principals := []principal{
		{name: "anonymous", prep: func(*http.Request) {}},
		{name: "expired session", prep: withCookie(expired)},
		{name: "revoked token", prep: bearer(revoked)},
		{name: "customer token", prep: bearer(customerToken), signed: true, holds: map[graph.Access]bool{graph.Anyone: true}},
		{name: "read-only user", prep: withCookie(readonly), signed: true, holds: staff(viewer.RoleReadOnly)},
		{name: "read-only token", prep: bearer(tokens[viewer.RoleReadOnly]), signed: true, holds: staff(viewer.RoleReadOnly)},
		{name: "billing user", prep: withCookie(billing), signed: true, holds: staff(viewer.RoleBilling)},
		{name: "billing token", prep: bearer(tokens[viewer.RoleBilling]), signed: true, holds: staff(viewer.RoleBilling)},
		{name: "admin token", prep: bearer(tokens[viewer.RoleAdmin]), signed: true, holds: staff(viewer.RoleAdmin)},
		{name: "admin user", prep: withCookie(admin), signed: true, holds: staff(viewer.RoleAdmin)},
	}

	all := calls(cust["createCustomer"].(map[string]any)["id"].(string))
	var missing []string
	for _, c := range all {
		if _, ok := graph.Rules[c.op][c.field]; !ok {
			missing = append(missing, c.op+"."+c.field)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Fatalf("root fields without an access rule in backend/graph/access.go: %s", strings.Join(missing, ", "))
	}
	if len(all) < 80 {
		t.Fatalf("only %d root fields found; the schema walk is broken", len(all))
	}

	// The downloads: staff data, every one (before the mutations below
	// delete the customer).
	custID := cust["createCustomer"].(map[string]any)["id"].(string)
	for _, p := range principals {
		for _, path := range []string{"/download/calls.csv", "/download/customers/" + custID + "/calls.csv"} {
			req, _ := http.NewRequest(http.MethodGet, base+path, nil)
			p.prep(req)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			want := http.StatusOK
			switch {
			case !p.signed:
				want = http.StatusUnauthorized
			case !p.holds[graph.Staff]:
				want = http.StatusForbidden
			}
			if res.StatusCode != want {
				t.Errorf("%s × GET %s: HTTP %d, want %d", p.name, path, res.StatusCode, want)
			}
		}
	}

	counts := map[string]int{}
	for _, p := range principals {
		for _, c := range all {
			// An admin's own changes must not spoil the rows after it: these
			// would sign the admin user out or end the tokens in use.
			if p.name == "admin user" && (c.field == "updateUser" || c.field == "revokeApiToken") {
				continue
			}
			status, code := p.send(t, base, c)
			rule := graph.Rules[c.op][c.field]
			where := fmt.Sprintf("%s × %s.%s", p.name, c.op, c.field)
			switch {
			case !p.signed:
				if status != http.StatusUnauthorized || code != "UNAUTHENTICATED" {
					t.Errorf("%s: HTTP %d %s, want 401 UNAUTHENTICATED", where, status, code)
				}
			case !p.holds[rule]:
				if code != "FORBIDDEN" {
					t.Errorf("%s: %s, want FORBIDDEN", where, code)
				}
			default:
				if code == "FORBIDDEN" || code == "UNAUTHENTICATED" || code == "INTERNAL" || strings.HasPrefix(code, "GRAPHQL") {
					t.Errorf("%s: %s, want it let through (OK, INVALID, NOT_FOUND or CONFLICT)", where, code)
				}
			}
			counts[p.name]++
		}
	}
	t.Logf("%d root fields × %d principals: %v", len(all), len(principals), counts)

}
