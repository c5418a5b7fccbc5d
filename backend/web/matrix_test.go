package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
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

// The authorization matrix: every Query, Mutation and Subscription root
// field of the schema and every download, called by every kind of
// principal, with another customer's (B's) id wherever an id is asked
// for. Signed-out callers (nobody, a revoked token, an expired session)
// get 401 for all of it; a customer's token and the portal users of A and
// of A's parent reach only `viewer`, `portal` and their own invoices'
// documents; each role reaches exactly the fields its rule gives it, and
// is FORBIDDEN the rest before anything else is looked at. Nothing
// answers INTERNAL.
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
	// Portal users of a customer A and of A's parent, with data of their
	// own and of a customer B (the world of portal_test.go).
	w := newWorld(t, env, admin)
	portalA := portalUser(t, env, admin, w.A1, "a@child.example")
	portalParent := portalUser(t, env, admin, w.A, "a@parent.example")
	customers := map[graph.Access]bool{graph.Anyone: true, graph.Customers: true}
	principals := []principal{
		{name: "anonymous", prep: func(*http.Request) {}},
		{name: "expired session", prep: withCookie(expired)},
		{name: "revoked token", prep: bearer(revoked)},
		{name: "customer token", prep: bearer(customerToken), signed: true, holds: customers},
		{name: "portal user of A", prep: withCookie(portalA), signed: true, holds: customers},
		{name: "portal user of A's parent", prep: withCookie(portalParent), signed: true, holds: customers},
		{name: "read-only user", prep: withCookie(readonly), signed: true, holds: staff(viewer.RoleReadOnly)},
		{name: "read-only token", prep: bearer(tokens[viewer.RoleReadOnly]), signed: true, holds: staff(viewer.RoleReadOnly)},
		{name: "billing user", prep: withCookie(billing), signed: true, holds: staff(viewer.RoleBilling)},
		{name: "billing token", prep: bearer(tokens[viewer.RoleBilling]), signed: true, holds: staff(viewer.RoleBilling)},
		{name: "admin token", prep: bearer(tokens[viewer.RoleAdmin]), signed: true, holds: staff(viewer.RoleAdmin)},
		{name: "admin user", prep: withCookie(admin), signed: true, holds: staff(viewer.RoleAdmin)},
	}

	// Every id argument is B's customer: a guessed id of someone else's.
	all := calls(strconv.Itoa(w.B))
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

	// The downloads (before the mutations below delete the customers):
	// staff data, the portal's export, and an invoice's PDF, which staff
	// and only its own customer's portal read (B's is no one else's).
	custID := strconv.Itoa(w.B)
	downloads := []struct {
		path  string
		level graph.Access
		owner string // a portal principal that may read it besides staff
	}{
		{"/download/calls.csv", graph.Staff, ""},
		{"/download/customers/" + custID + "/calls.csv", graph.Staff, ""},
		{"/download/uploads/1/priced.csv", graph.Staff, ""},
		{"/download/rate-sheets/1.csv", graph.Staff, ""},
		{"/download/outbox/1/message.eml", graph.Staff, ""},
		{"/download/settings/logo", graph.Staff, ""},
		{"/download/portal/calls.csv", graph.Customers, ""},
		{fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["B1"]), graph.Staff, "-"},
		{fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["C1"]), graph.Staff, "portal user of A"},
	}
	for _, p := range principals {
		for _, d := range downloads {
			req, _ := http.NewRequest(http.MethodGet, base+d.path, nil)
			p.prep(req)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			where := fmt.Sprintf("%s × GET %s", p.name, d.path)
			switch {
			case !p.signed:
				if res.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s: HTTP %d, want 401", where, res.StatusCode)
				}
			case d.owner != "" && !p.holds[graph.Staff]:
				// The invoice PDF: its own customer's portal (and its parent's) reads it; anyone else's is not found.
				own := d.owner == p.name || (d.owner == "portal user of A" && p.name == "portal user of A's parent")
				if own != (res.StatusCode == http.StatusOK) || (!own && res.StatusCode != http.StatusNotFound) {
					t.Errorf("%s: HTTP %d (its own: %v)", where, res.StatusCode, own)
				}
			case !p.holds[d.level]:
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("%s: HTTP %d, want 403", where, res.StatusCode)
				}
			case d.level == graph.Customers || d.owner != "" || strings.HasSuffix(d.path, "calls.csv"):
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: HTTP %d, want 200", where, res.StatusCode)
				}
			default:
				// Let through: found or not, never refused.
				if res.StatusCode == http.StatusForbidden || res.StatusCode == http.StatusUnauthorized || res.StatusCode >= 500 {
					t.Errorf("%s: HTTP %d, want it let through", where, res.StatusCode)
				}
			}
		}
	}

	// Subscriptions over WebSocket: each principal's first answer.
	subs := generated.NewExecutableSchema(generated.Config{}).Schema().Types["Subscription"].Fields
	for _, p := range principals {
		for _, f := range subs {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			first := subscribeOnce(t, base, p, f.Name, strconv.Itoa(w.B))
			rule := graph.Rules["Subscription"][f.Name]
			where := fmt.Sprintf("%s × Subscription.%s", p.name, f.Name)
			switch {
			case !p.signed:
				if first != "UNAUTHENTICATED" && first != "REFUSED" {
					t.Errorf("%s: %s, want it refused before or at the connection", where, first)
				}
			case !p.holds[rule]:
				if first != "FORBIDDEN" {
					t.Errorf("%s: %s, want FORBIDDEN", where, first)
				}
			default:
				if first == "FORBIDDEN" || first == "UNAUTHENTICATED" || first == "REFUSED" || first == "INTERNAL" {
					t.Errorf("%s: %s, want it let through", where, first)
				}
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

// subscribeOnce opens a WebSocket as p, subscribes to field (its ID
// arguments id) and returns the first answer's error code, "OK" for data
// or a quiet stream, or REFUSED when the connection itself was refused.
func subscribeOnce(t *testing.T, base string, p principal, field, id string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base, nil)
	p.prep(req)
	hdr := http.Header{}
	for _, k := range []string{"Cookie", "Authorization"} {
		if v := req.Header.Get(k); v != "" {
			hdr.Set(k, v)
		}
	}
	hdr.Set("Origin", base)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, res, err := websocket.Dial(ctx, strings.Replace(base, "http", "ws", 1)+"/graphql",
		&websocket.DialOptions{HTTPHeader: hdr, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		if res != nil && res.StatusCode == http.StatusUnauthorized {
			return "UNAUTHENTICATED"
		}
		return "REFUSED"
	}
	defer conn.CloseNow()
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"}); err != nil {
		return "REFUSED"
	}
	var ack map[string]any
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack["type"] != "connection_ack" {
		return "REFUSED"
	}
	s := generated.NewExecutableSchema(generated.Config{}).Schema()
	f := s.Types["Subscription"].Fields.ForName(field)
	var args []string
	var upload bool
	for _, a := range f.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			args = append(args, a.Name+": "+argValue(s, a.Type, id, &upload, 0))
		}
	}
	q := field
	if len(args) > 0 {
		q += "(" + strings.Join(args, ", ") + ")"
	}
	q = "subscription { " + q + selection(s, f.Type) + " }"
	if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": q}}); err != nil {
		return "REFUSED"
	}
	// A quiet subscription the gate let through sends nothing: wait a moment.
	wait, stop := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer stop()
	for {
		var msg struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		if err := wsjson.Read(wait, conn, &msg); err != nil {
			return "OK"
		}
		switch msg.Type {
		case "ping":
			_ = wsjson.Write(ctx, conn, map[string]any{"type": "pong"})
		case "next":
			var r testenv.Response
			_ = json.Unmarshal(msg.Payload, &r)
			if len(r.Errors) > 0 {
				return r.Errors[0].Code()
			}
			return "OK"
		case "error":
			var errs []testenv.GraphQLError
			_ = json.Unmarshal(msg.Payload, &errs)
			if len(errs) > 0 {
				return errs[0].Code()
			}
			return "ERROR"
		case "complete":
			return "OK"
		}
	}
}
