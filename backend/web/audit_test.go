package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent/auditentry"
)

// Every mutation is recorded with who, what, the ids it names and its
// outcome; no secret reaches the log (not the token made, not a value
// that is not an id). Refused queries (depth) are recorded too. Only
// admins read the log, newest first, by filters, in capped pages.
func TestAuditLogRecordsMutationsAndRefusals(t *testing.T) {
	env := startMySQL(t, nil)
	sys := viewer.System(context.Background())

	var cust struct{ CreateCustomer struct{ ID string } }
	env.MustDo(t, `mutation Onboard { createCustomer(input: {reference: "AUD1", name: "Audit Ltd"}) { id } }`, nil, &cust)
	e := lastAudit(t, env, "createCustomer")
	if e.Operation != "Onboard" || e.Outcome != audit.OK || e.Who != "developer" || e.ViewerKind != auditentry.ViewerKindStaff || e.IP == "" {
		t.Fatalf("entry %+v", e)
	}
	// A failed mutation: its code, message and the ids it named.
	r := env.Do(t, `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`,
		map[string]any{"id": "987654321", "input": map[string]any{"name": "Hunter2 secret name"}})
	if len(r.Errors) == 0 {
		t.Fatal("updating a missing customer succeeded")
	}
	e = lastAudit(t, env, "updateCustomer")
	if e.Outcome != r.Errors[0].Code() || e.Ids != "987654321" || e.Message == "" {
		t.Fatalf("entry %+v; response %+v", e, r.Errors)
	}
	// The secret of a new token is nowhere in the log.
	c := newToken(t, env, map[string]any{"name": "Audited", "role": "READONLY"})
	all, err := env.App.DB.Client.AuditEntry.Query().All(sys)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if s := fmt.Sprintf("%+v", *a); strings.Contains(s, c.CreateApiToken.Secret) || strings.Contains(s, "Hunter2") {
			t.Fatalf("the log holds a secret or a value: %s", s)
		}
	}
	// Two mutations in one operation: both names.
	env.MustDo(t, `mutation { a: createTariff(input: {name: "AudT1"}) { id } b: createProvider(input: {name: "AudP1", cdrFormat: ASTERISK}) { id } }`, nil, nil)
	lastAudit(t, env, "createProvider,createTariff")

	// A query too deep is refused and recorded.
	// A query too costly is refused and recorded, as is one too deep.
	nested := `query($id: ID!) { customer(id: $id) { clis { customer { clis { customer { clis { value } } } } } } }`
	wantCode(t, env.Do(t, nested, map[string]any{"id": "1"}), "COMPLEXITY_LIMIT_EXCEEDED", "ask for fewer rows")
	if e := lastAudit(t, env, "refused:complexity"); e.Outcome != "COMPLEXITY_LIMIT_EXCEEDED" || e.Ids != "1" {
		t.Fatalf("complexity refusal %+v", e)
	}
	deep := `{ customer(id: "1") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`
	wantCode(t, env.Do(t, deep, nil), "INVALID", "levels deep")
	if e := lastAudit(t, env, "refused:depth"); e.Outcome != "INVALID" {
		t.Fatalf("depth refusal %+v", e)
	}

	// Reading: newest first, filtered, paged, admins only.
	q := `query($f: AuditFilter, $first: Int, $after: Cursor) { auditLog(filter: $f, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { node { action who outcome ids at viewerKind } } } }`
	type page struct {
		AuditLog struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct{ Node map[string]any }
		}
	}
	var p page
	env.MustDo(t, q, map[string]any{"first": 2}, &p)
	if len(p.AuditLog.Edges) != 2 || p.AuditLog.Edges[0].Node["action"] != "refused:depth" || !p.AuditLog.PageInfo.HasNextPage {
		t.Fatalf("first page %+v", p.AuditLog)
	}
	var next page
	env.MustDo(t, q, map[string]any{"first": 2, "after": p.AuditLog.PageInfo.EndCursor}, &next)
	if len(next.AuditLog.Edges) == 0 || next.AuditLog.Edges[0].Node["action"] == p.AuditLog.Edges[1].Node["action"] && next.AuditLog.Edges[0].Node["at"] == p.AuditLog.Edges[1].Node["at"] {
		t.Fatalf("second page repeats the first: %+v", next.AuditLog.Edges)
	}
	var f page
	env.MustDo(t, q, map[string]any{"f": map[string]any{"action": "customer", "outcome": "ERROR"}}, &f)
	if f.AuditLog.TotalCount != 1 || f.AuditLog.Edges[0].Node["action"] != "updateCustomer" {
		t.Fatalf("filtered %+v", f.AuditLog)
	}
	env.MustDo(t, q, map[string]any{"f": map[string]any{"from": time.Now().Add(time.Hour).Format(time.RFC3339)}}, &f)
	if f.AuditLog.TotalCount != 0 {
		t.Fatalf("entries from the future: %+v", f.AuditLog)
	}
	wantCode(t, env.Do(t, q, map[string]any{"first": 101}), "INVALID", "at most 100")
	r, _ = asToken(t, env, "Bearer "+c.CreateApiToken.Secret, q, nil)
	wantCode(t, r, "FORBIDDEN", "only an admin")
}

// Nobody changes or deletes an audit entry: not an admin, not the system,
// not through a context that skips the privacy rules.
func TestAuditEntriesAreNeverChanged(t *testing.T) {
	env := startMySQL(t, nil)
	env.MustDo(t, `mutation { createTariff(input: {name: "Never changed"}) { id } }`, nil, nil)
	e := lastAudit(t, env, "createTariff")
	cl := env.App.DB.Client
	for name, ctx := range map[string]context.Context{
		"system": viewer.System(context.Background()),
		"admin":  viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleAdmin, Name: "boss"}),
	} {
		// Every field is immutable, so Ent has no setters; the update
		// itself is refused.
		if err := cl.AuditEntry.UpdateOneID(e.ID).Exec(ctx); err == nil {
			t.Errorf("%s updated an audit entry", name)
		}
		if _, err := cl.AuditEntry.Update().Save(ctx); err == nil {
			t.Errorf("%s updated audit entries", name)
		}
		if err := cl.AuditEntry.DeleteOneID(e.ID).Exec(ctx); err == nil {
			t.Errorf("%s deleted an audit entry", name)
		}
		if _, err := cl.AuditEntry.Delete().Exec(ctx); err == nil {
			t.Errorf("%s deleted audit entries", name)
		}
	}
	staff := viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindStaff, Role: viewer.RoleBilling, Name: "clerk"})
	if _, err := cl.AuditEntry.Query().All(staff); err == nil {
		t.Error("a billing user read the audit log")
	}
	if err := cl.AuditEntry.Create().SetViewerKind(auditentry.ViewerKindStaff).SetAction("forged").SetOutcome("OK").Exec(staff); err == nil {
		t.Error("a billing user wrote an audit entry")
	}
	got, err := cl.AuditEntry.Get(viewer.System(context.Background()), e.ID)
	if err != nil || got.Message != e.Message || got.Who != e.Who {
		t.Fatalf("entry after the attempts: %+v (%v), was %+v", got, err, e)
	}
	if n, _ := cl.AuditEntry.Query().Where(auditentry.Action("forged")).Count(viewer.System(context.Background())); n != 0 {
		t.Fatal("a forged entry was stored")
	}
}

// Past the per-IP limit a request gets 429 with Retry-After and a
// sentence; the refusal is audited once a minute, not per request. The
// per-token limit counts a token's requests apart from its address's.
func TestRateLimitsRefuseWith429(t *testing.T) {
	env := startMySQL(t, func(c *platform.Config) {
		// Buckets that refill once in 1000 s: the test's own pace
		// cannot add a request.
		c.RatePerIP, c.RateBurstPerIP = 0.001, 5
		c.RatePerToken, c.RateBurstPerToken = 0.001, 2
	})
	c := newToken(t, env, map[string]any{"name": "Busy", "role": "READONLY"}) // 1 request of the address's 5
	auth := "Bearer " + c.CreateApiToken.Secret
	for i := range 2 {
		if r, res := asToken(t, env, auth, `{ viewer { kind } }`, nil); res.StatusCode != 200 {
			t.Fatalf("token request %d: HTTP %d %+v", i+1, res.StatusCode, r.Errors)
		}
	}
	r, res := asToken(t, env, auth, `{ viewer { kind } }`, nil)
	wantRefused(t, r, res, http.StatusTooManyRequests, "RATE_LIMITED", "this API token")
	if res.Header.Get("Retry-After") == "" {
		t.Fatal("429 without Retry-After")
	}
	// The address has one request left (5 - 1 - 3); then it is refused.
	if _, res := asToken(t, env, "", `{ viewer { kind } }`, nil); res.StatusCode != 200 {
		t.Fatalf("the address's last request: HTTP %d", res.StatusCode)
	}
	for range 3 {
		r, res = asToken(t, env, "", `{ viewer { kind } }`, nil)
		wantRefused(t, r, res, http.StatusTooManyRequests, "RATE_LIMITED", "your address")
	}
	n, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action("refused:rate-limit")).Count(viewer.System(context.Background()))
	if err != nil || n != 2 {
		t.Fatalf("%d rate-limit entries (%v), want 2: one for the token, one for the address", n, err)
	}
	// The SPA's files and the health check are not counted.
	if st, _ := env.Get(t, "/healthz"); st != 200 {
		t.Fatalf("/healthz under the limit: %d", st)
	}
}

// Each kind of refusal of a stranger ends in a clear answer and an audit
// entry: guessing a password, posting or opening a WebSocket from another
// site, a body over the limit.
func TestRefusalsOfStrangersAreAudited(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	admin := signedInAdmin(t, env)
	base := env.Server.URL

	// Brute force: wrong passwords, then the lock-out, each recorded.
	guesser := newBrowser(t, env)
	var status int
	for i := range 7 {
		status, _ = guesser.post("/auth/sign-in", map[string]any{"email": "admin@example.com", "password": fmt.Sprintf("guess number %d", i)}, nil)
	}
	if status != http.StatusTooManyRequests {
		t.Fatalf("the 7th wrong password: HTTP %d, want 429", status)
	}
	if e := lastAudit(t, env, "refused:signIn"); e.Outcome != "RATE_LIMITED" || e.Who != "admin@example.com" || e.IP == "" {
		t.Errorf("the lock-out's entry: %+v", e)
	}

	// A cross-origin POST with the admin's cookie: refused, recorded.
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"mutation { createTariff(input: {name: \"X\"}) { id } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	for _, c := range admin.c.Jar.Cookies(mustURL(base)) {
		req.AddCookie(c)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-origin POST: HTTP %d, want 403", res.StatusCode)
	}
	if e := lastAudit(t, env, "refused:csrf"); !strings.Contains(e.Message, "evil.example") || e.Who != "admin@example.com" {
		t.Errorf("the cross-origin POST's entry: %+v", e)
	}

	// A cross-origin WebSocket with the cookie.
	hdr := http.Header{"Origin": {"https://evil.example"}}
	for _, c := range admin.c.Jar.Cookies(mustURL(base)) {
		hdr.Add("Cookie", c.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if conn, res, err := websocket.Dial(ctx, strings.Replace(base, "http", "ws", 1)+"/graphql",
		&websocket.DialOptions{HTTPHeader: hdr, Subprotocols: []string{"graphql-transport-ws"}}); err == nil {
		conn.CloseNow()
		t.Errorf("a cross-origin WebSocket opened")
	} else if res == nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-origin WebSocket: %v, want 403", err)
	}
	if e := lastAudit(t, env, "refused:cross-origin"); !strings.Contains(e.Message, "WebSocket") {
		t.Errorf("the cross-origin WebSocket's entry: %+v", e)
	}

	// A body over the limit, from the signed-in admin.
	body := `{"query": "{ viewer { name } }` + strings.Repeat(" ", 2<<20) + `"}`
	status, out := admin.post("/graphql", json.RawMessage(body), nil)
	if code, msg := message(out); code != "INVALID" || !strings.Contains(msg, "too large") {
		t.Errorf("an oversized body: HTTP %d %s %q", status, code, msg)
	}
	if e := lastAudit(t, env, "refused:too-large"); e.Outcome != "INVALID" || e.Who != "admin@example.com" {
		t.Errorf("the oversized body's entry: %+v", e)
	}
}
