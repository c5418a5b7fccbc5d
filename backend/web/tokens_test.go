package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/apitoken"
	"github.com/tollgate/tollgate/ent/auditentry"
)

// asToken posts a GraphQL operation with Authorization: auth (empty: none).
func asToken(t *testing.T, env *testenv.Env, auth, query string, vars map[string]any) (testenv.Response, *http.Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, env.Server.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "tokens-test/1")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r testenv.Response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("decode (HTTP %d): %v", res.StatusCode, err)
	}
	return r, res
}

const createToken = `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret token { id name prefix role scope customerID expiresAt lastUsedAt revokedAt createdBy } } }`

type created struct {
	CreateApiToken struct {
		Secret string
		Token  struct {
			ID, Name, Prefix, Role, Scope string
			CustomerID                    *string
			ExpiresAt, LastUsedAt         *time.Time
			RevokedAt                     *time.Time
			CreatedBy                     string
		}
	}
}

func newToken(t *testing.T, env *testenv.Env, in map[string]any) created {
	t.Helper()
	var c created
	env.MustDo(t, createToken, map[string]any{"in": in}, &c)
	return c
}

func startMySQL(t *testing.T, tune func(*platform.Config)) *testenv.Env {
	t.Helper()
	return startIn(t, testenv.MySQL, tune)
}

func lastAudit(t *testing.T, env *testenv.Env, action string) *ent.AuditEntry {
	t.Helper()
	e, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action(action)).
		Order(ent.Desc(auditentry.FieldID)).First(viewer.System(context.Background()))
	if err != nil {
		t.Fatalf("no audit entry %q: %v", action, err)
	}
	return e
}

func wantRefused(t *testing.T, r testenv.Response, res *http.Response, status int, code, say string) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("HTTP %d, want %d (%+v)", res.StatusCode, status, r.Errors)
	}
	wantCode(t, r, code, say)
}

// An admin makes a token and sees its secret once; the token then calls
// the API with its role, last use is recorded at most once a minute, and
// once revoked or expired it is refused with 401 saying why, each refusal
// in the audit log. A request with a token never falls back to the
// development viewer.
func TestApiTokenLifecycle(t *testing.T) {
	env := startMySQL(t, nil)
	sys := viewer.System(context.Background())
	c := newToken(t, env, map[string]any{"name": "Switch upload", "role": "BILLING"})
	secret, tok := c.CreateApiToken.Secret, c.CreateApiToken.Token
	if !strings.HasPrefix(secret, "tg_") || len(secret) != 46 || tok.Prefix != secret[:10] {
		t.Fatalf("secret %q with prefix %q; want tg_ and 43 characters, the list showing its first 10", secret, tok.Prefix)
	}
	if tok.Role != "BILLING" || tok.Scope != "ROLE" || tok.CreatedBy != "developer" || tok.LastUsedAt != nil {
		t.Fatalf("token %+v", tok)
	}
	stored, err := env.App.DB.Client.ApiToken.Query().Only(sys)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored.TokenHash, secret[3:]) || len(stored.TokenHash) != 64 {
		t.Fatalf("stored %q: want a SHA-256 in hex, not the secret", stored.TokenHash)
	}
	// The list never carries the secret again.
	var list struct{ ApiTokens []map[string]any }
	env.MustDo(t, `{ apiTokens { id name prefix role lastUsedAt revokedAt } }`, nil, &list)
	if len(list.ApiTokens) != 1 || list.ApiTokens[0]["prefix"] != tok.Prefix {
		t.Fatalf("list %+v", list.ApiTokens)
	}

	who := `{ viewer { kind role name development } }`
	r, res := asToken(t, env, "Bearer "+secret, who, nil)
	if res.StatusCode != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"kind":"TOKEN","role":"BILLING","name":"token Switch upload","development":false`) {
		t.Fatalf("HTTP %d %s %+v", res.StatusCode, r.Data, r.Errors)
	}
	first, _ := env.App.DB.Client.ApiToken.Get(sys, stored.ID)
	if first.LastUsedAt == nil {
		t.Fatal("last_used_at not recorded")
	}
	asToken(t, env, "Bearer "+secret, who, nil)
	again, _ := env.App.DB.Client.ApiToken.Get(sys, stored.ID)
	if !again.LastUsedAt.Equal(*first.LastUsedAt) {
		t.Fatalf("last_used_at moved from %v to %v within a minute", first.LastUsedAt, again.LastUsedAt)
	}
	// A billing token writes but may not make tokens.
	r, _ = asToken(t, env, "Bearer "+secret, createToken, map[string]any{"in": map[string]any{"name": "x", "role": "ADMIN"}})
	wantCode(t, r, "FORBIDDEN", "only an admin")

	// Unknown, malformed and other schemes: 401, not the dev viewer.
	r, res = asToken(t, env, "Bearer tg_"+strings.Repeat("A", 43), who, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", "not known")
	if res.Header.Get("WWW-Authenticate") == "" {
		t.Error("a 401 without WWW-Authenticate")
	}
	r, res = asToken(t, env, "Bearer nonsense", who, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", "Bearer tg_ followed by 43 characters")
	r, res = asToken(t, env, "Basic YWRtaW46YWRtaW4=", who, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", "Authorization: Bearer tg_")
	if e := lastAudit(t, env, "refused:token-malformed"); e.IP == "" || e.UserAgent != "tokens-test/1" || e.Outcome != "UNAUTHENTICATED" || e.ViewerKind != auditentry.ViewerKindAnonymous {
		t.Errorf("audit of a malformed token: %+v", e)
	}

	var rv struct {
		RevokeApiToken struct{ RevokedAt *time.Time }
	}
	env.MustDo(t, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": tok.ID}, &rv)
	if rv.RevokeApiToken.RevokedAt == nil {
		t.Fatal("revokedAt empty after revoking")
	}
	r, res = asToken(t, env, "Bearer "+secret, who, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", `"Switch upload"`)
	wantCode(t, r, "UNAUTHENTICATED", "was revoked on")
	if e := lastAudit(t, env, "refused:token-revoked"); e.TokenID == nil || *e.TokenID != stored.ID || e.Who != "token Switch upload" {
		t.Errorf("audit of a revoked token: %+v", e)
	}
	r2 := env.Do(t, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": tok.ID})
	wantCode(t, r2, "CONFLICT", "already revoked")

	// Expiry: set in the future, then moved past by the database.
	exp := newToken(t, env, map[string]any{"name": "Short lived", "role": "READONLY", "expiresAt": time.Now().Add(time.Hour).Format(time.RFC3339)})
	r, _ = asToken(t, env, "Bearer "+exp.CreateApiToken.Secret, `mutation { createTariff(input: {name: "Nope"}) { id } }`, nil)
	wantCode(t, r, "FORBIDDEN", "")
	if err := env.App.DB.Client.ApiToken.Update().Where(apitoken.Name("Short lived")).SetExpiresAt(time.Now().Add(-time.Minute)).Exec(sys); err != nil {
		t.Fatal(err)
	}
	r, res = asToken(t, env, "Bearer "+exp.CreateApiToken.Secret, who, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", "expired on")

	r2 = env.Do(t, createToken, map[string]any{"in": map[string]any{"name": "Past", "role": "ADMIN", "expiresAt": "2020-01-01T00:00:00Z"}})
	wantCode(t, r2, "INVALID", "already past")
	r2 = env.Do(t, createToken, map[string]any{"in": map[string]any{"name": "Neither"}})
	wantCode(t, r2, "INVALID", "choose a role")
}

// A customer's token acts as that customer's portal: staff data is
// refused, and its token admin is refused too. When the customer is
// deleted the token stops working rather than becoming a staff token.
func TestCustomerTokenIsNoStaffToken(t *testing.T) {
	env := startMySQL(t, nil)
	var cust struct{ CreateCustomer struct{ ID string } }
	env.MustDo(t, `mutation { createCustomer(input: {reference: "TOKC1", name: "Token Customer Ltd"}) { id } }`, nil, &cust)
	c := newToken(t, env, map[string]any{"name": "Customer integration", "customerID": cust.CreateCustomer.ID})
	if c.CreateApiToken.Token.Scope != "CUSTOMER" || c.CreateApiToken.Token.CustomerID == nil {
		t.Fatalf("token %+v", c.CreateApiToken.Token)
	}
	auth := "Bearer " + c.CreateApiToken.Secret
	r, _ := asToken(t, env, auth, `{ viewer { kind } }`, nil)
	if !strings.Contains(string(r.Data), `"PORTAL"`) {
		t.Fatalf("viewer %s %+v", r.Data, r.Errors)
	}
	r, _ = asToken(t, env, auth, `{ providers(first: 5) { totalCount } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatalf("a customer token read providers: %s", r.Data)
	}
	r, _ = asToken(t, env, auth, `{ apiTokens { id } }`, nil)
	wantCode(t, r, "FORBIDDEN", "a customer's portal or token does not reach it")

	r2 := env.Do(t, createToken, map[string]any{"in": map[string]any{"name": "Both", "role": "ADMIN", "customerID": cust.CreateCustomer.ID}})
	wantCode(t, r2, "INVALID", "either a role or a customer")

	env.MustDo(t, `mutation($id: ID!) { deleteCustomer(id: $id) }`, map[string]any{"id": cust.CreateCustomer.ID}, nil)
	r, res := asToken(t, env, auth, `{ viewer { kind } }`, nil)
	wantRefused(t, r, res, 401, "UNAUTHENTICATED", "customer that has been deleted")
}
