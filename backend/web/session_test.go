package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/ent/auditentry"
)

// browser is one browser: a cookie jar and the CSRF token its page was told.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func newBrowser(t *testing.T, env *testenv.Env) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: env.Server.URL, c: &http.Client{Jar: jar}}
}

type state struct {
	Mode       string
	SignedIn   bool
	User       *struct{ Email, Kind, Role string }
	CSRFToken  string
	NoUsersYet bool
}

// post sends JSON with the browser's cookie (and CSRF token, if told one)
// and an Origin of the server itself, as a page of Tollgate's would.
func (b *browser) post(path string, body any, hdr map[string]string) (int, map[string]any) {
	b.t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, b.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", b.base)
	if b.csrf != "" {
		req.Header.Set("X-CSRF-Token", b.csrf)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	if tok, ok := out["csrfToken"].(string); ok {
		b.csrf = tok
	}
	return res.StatusCode, out
}

func (b *browser) state() state {
	b.t.Helper()
	res, err := b.c.Get(b.base + "/auth/session")
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	var s state
	if err := json.NewDecoder(res.Body).Decode(&s); err != nil {
		b.t.Fatal(err)
	}
	b.csrf = s.CSRFToken
	return s
}

func message(out map[string]any) (code, msg string) {
	errs, _ := out["errors"].([]any)
	if len(errs) == 0 {
		return "", ""
	}
	e := errs[0].(map[string]any)
	ext, _ := e["extensions"].(map[string]any)
	code, _ = ext["code"].(string)
	msg, _ = e["message"].(string)
	return code, msg
}

func signInEnv(t *testing.T, mode testenv.Mode) *testenv.Env {
	cfg := testenv.Config(t, mode)
	cfg.AuthMode = "session"
	return testenv.Start(t, cfg)
}

func setupLink(t *testing.T, env *testenv.Env) string {
	t.Helper()
	var out bytes.Buffer
	if err := env.App.AnnounceAuth(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	_, secret, ok := strings.Cut(out.String(), "/welcome?link=")
	if !ok {
		t.Fatalf("no set-up link in %q", out.String())
	}
	return strings.TrimSpace(secret)
}

const viewerQuery = `{ viewer { kind role } }`

func TestSignInSessionsAndCSRF(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	anon := newBrowser(t, env)

	// No open door: nobody is anybody until they sign in.
	if s := anon.state(); s.Mode != "session" || s.SignedIn || !s.NoUsersYet {
		t.Fatalf("a fresh server's state = %+v, want session mode, nobody signed in, no users yet", s)
	}
	if status, out := anon.post("/graphql", map[string]any{"query": viewerQuery}, nil); status != http.StatusUnauthorized {
		t.Fatalf("anonymous GraphQL: HTTP %d %v, want 401", status, out)
	} else if code, _ := message(out); code != "UNAUTHENTICATED" {
		t.Fatalf("anonymous GraphQL code %q, want UNAUTHENTICATED", code)
	}
	if res, _ := env.Fetch(t, "/download/calls.csv"); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("anonymous download: HTTP %d, want 401", res.StatusCode)
	}

	// The first admin, through the one-time set-up link.
	link := setupLink(t, env)
	admin := newBrowser(t, env)
	if status, out := admin.post("/auth/link", map[string]any{"secret": link, "email": "Boss@Example.com", "password": "too short"}, nil); status != http.StatusBadRequest {
		t.Fatalf("a 9-character password: HTTP %d %v, want 400", status, out)
	}
	if status, out := admin.post("/auth/link", map[string]any{"secret": link, "email": "Boss@Example.com", "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("set up: HTTP %d %v", status, out)
	}
	if s := admin.state(); !s.SignedIn || s.User.Email != "boss@example.com" || s.User.Role != "ADMIN" || s.CSRFToken == "" {
		t.Fatalf("after set-up the state is %+v, want boss@example.com signed in as ADMIN with a CSRF token", s)
	}
	again := newBrowser(t, env)
	if status, out := again.post("/auth/link", map[string]any{"secret": link, "email": "other@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusNotFound {
		t.Fatalf("the set-up link a second time: HTTP %d %v, want 404", status, out)
	}

	// Signed in, with the page's CSRF token: the API answers.
	status, out := admin.post("/graphql", map[string]any{"query": viewerQuery}, nil)
	if status != http.StatusOK || !strings.Contains(mustJSON(out), `"role":"ADMIN"`) {
		t.Fatalf("signed-in GraphQL: HTTP %d %v", status, out)
	}
	// The same cookie without the token (what another site's request
	// would carry) is refused, and recorded.
	if status, out := admin.post("/graphql", map[string]any{"query": viewerQuery}, map[string]string{"X-CSRF-Token": "forged"}); status != http.StatusForbidden {
		t.Fatalf("a POST with a wrong CSRF token: HTTP %d %v, want 403", status, out)
	}
	n, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action("refused:csrf")).Count(viewer.System(context.Background()))
	if err != nil || n != 1 {
		t.Fatalf("audit entries for the refused CSRF: %d (%v), want 1", n, err)
	}

	// A cross-origin WebSocket with the cookie is refused before it opens.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hdr := http.Header{"Origin": {"https://evil.example"}}
	for _, c := range admin.c.Jar.Cookies(mustURL(env.Server.URL)) {
		hdr.Add("Cookie", c.Name+"="+c.Value)
	}
	if conn, res, err := websocket.Dial(ctx, strings.Replace(env.Server.URL, "http", "ws", 1)+"/graphql",
		&websocket.DialOptions{HTTPHeader: hdr, Subprotocols: []string{"graphql-transport-ws"}}); err == nil {
		conn.CloseNow()
		t.Fatal("a WebSocket from another origin opened with the session cookie")
	} else if res == nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("a cross-origin WebSocket: %v (response %v), want 403", err, res)
	}

	// Wrong passwords: the same answer for a wrong password and an unknown
	// account, then a lock with Retry-After, which even the right password
	// does not pass.
	guesser := newBrowser(t, env)
	_, wrong := guesser.post("/auth/sign-in", map[string]any{"email": "boss@example.com", "password": "not the password"}, nil)
	_, unknown := guesser.post("/auth/sign-in", map[string]any{"email": "nobody@example.com", "password": "not the password"}, nil)
	if _, a := message(wrong); a == "" || a != mustMessage(unknown) {
		t.Fatalf("a wrong password says %q and an unknown account %q; they must say the same", a, mustMessage(unknown))
	}
	for range 4 {
		guesser.post("/auth/sign-in", map[string]any{"email": "boss@example.com", "password": "not the password"}, nil)
	}
	if status, out := guesser.post("/auth/sign-in", map[string]any{"email": "boss@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusTooManyRequests {
		t.Fatalf("the right password while locked: HTTP %d %v, want 429", status, out)
	} else if code, msg := message(out); code != "RATE_LIMITED" || !strings.Contains(msg, "try again in") {
		t.Fatalf("locked out: %s %q", code, msg)
	}

	// A sign-in posted from another site is refused.
	evil := newBrowser(t, env)
	if status, _ := evil.post("/auth/sign-in", map[string]any{"email": "boss@example.com", "password": "a long enough passphrase"}, map[string]string{"Origin": "https://evil.example"}); status != http.StatusForbidden {
		t.Fatalf("a cross-site sign-in: HTTP %d, want 403", status)
	}

	// Sign-out ends the session on the server: the old cookie is nobody.
	cookies := admin.c.Jar.Cookies(mustURL(env.Server.URL))
	if status, out := admin.post("/auth/sign-out", nil, nil); status != http.StatusOK {
		t.Fatalf("sign out: HTTP %d %v", status, out)
	}
	replay := newBrowser(t, env)
	replay.c.Jar.SetCookies(mustURL(env.Server.URL), cookies)
	if s := replay.state(); s.SignedIn {
		t.Fatalf("a signed-out session's cookie still signs in: %+v", s)
	}
	if status, _ := replay.post("/graphql", map[string]any{"query": viewerQuery}, map[string]string{"X-CSRF-Token": admin.csrf}); status != http.StatusUnauthorized {
		t.Fatalf("GraphQL with a signed-out cookie: HTTP %d, want 401", status)
	}
	ended, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action("refused:session")).All(viewer.System(context.Background()))
	if err != nil || len(ended) == 0 || !strings.Contains(ended[0].Message, "was ended") {
		t.Fatalf("audit entries for the signed-out cookie: %v (%v), want one saying the session was ended", ended, err)
	}
}

// Two browsers submitting one invitation at once: one sets the password
// and is signed in, the other is told the link was used.
func TestALinkWorksOnceUnderRace(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := signInEnv(t, mode)
			link, _, err := env.App.CreateStaff(context.Background(), "clerk@example.com", viewer.RoleBilling)
			if err != nil {
				t.Fatal(err)
			}
			_, secret, _ := strings.Cut(link, "link=")
			const tabs = 4 // four wrong passwords after: under the lock-out
			var wg sync.WaitGroup
			statuses := make([]int, tabs)
			for i := range tabs {
				wg.Go(func() {
					b := newBrowser(t, env)
					statuses[i], _ = b.post("/auth/link", map[string]any{"secret": secret, "password": "passphrase number " + string(rune('a'+i))}, nil)
				})
			}
			wg.Wait()
			ok, gone := 0, 0
			winner := -1
			for i, s := range statuses {
				switch s {
				case http.StatusOK:
					ok++
					winner = i
				case http.StatusNotFound:
					gone++
				}
			}
			if ok != 1 || gone != tabs-1 {
				t.Fatalf("statuses %v: want one 200 and %d 404s", statuses, tabs-1)
			}
			// The winner's password is the account's; the others' are not.
			for i := range tabs {
				b := newBrowser(t, env)
				status, _ := b.post("/auth/sign-in", map[string]any{"email": "clerk@example.com", "password": "passphrase number " + string(rune('a'+i))}, nil)
				if (status == http.StatusOK) != (i == winner) {
					t.Fatalf("signing in with tab %d's password: HTTP %d (the winner was tab %d)", i, status, winner)
				}
			}
		})
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func mustMessage(out map[string]any) string { _, m := message(out); return m }

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// A reset link sets a new password and ends the sessions the old one
// opened; the old password no longer signs in.
func TestAResetEndsTheOldSessions(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	link, _, err := env.App.CreateStaff(context.Background(), "clerk@example.com", viewer.RoleReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	_, secret, _ := strings.Cut(link, "link=")
	first := newBrowser(t, env)
	if status, out := first.post("/auth/link", map[string]any{"secret": secret, "password": "the first passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("invitation: HTTP %d %v", status, out)
	}
	if s := first.state(); !s.SignedIn || s.User.Role != "READONLY" {
		t.Fatalf("after the invitation: %+v", s)
	}
	reset, _, err := env.App.ResetLink(context.Background(), "Clerk@Example.com")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.App.ResetLink(context.Background(), "nobody@example.com"); err == nil {
		t.Fatal("a reset link for an unknown email was made")
	}
	_, rs, _ := strings.Cut(reset, "link=")
	second := newBrowser(t, env)
	if status, out := second.post("/auth/link", map[string]any{"secret": rs, "password": "the second passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("reset: HTTP %d %v", status, out)
	}
	if s := first.state(); s.SignedIn {
		t.Fatal("the session opened with the old password survived the reset")
	}
	b := newBrowser(t, env)
	if status, _ := b.post("/auth/sign-in", map[string]any{"email": "clerk@example.com", "password": "the first passphrase"}, nil); status != http.StatusUnauthorized {
		t.Fatalf("the old password: HTTP %d, want 401", status)
	}
	if status, _ := b.post("/auth/sign-in", map[string]any{"email": "clerk@example.com", "password": "the second passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("the new password: HTTP %d, want 200", status)
	}
}

func gql(t *testing.T, b *browser, query string, vars map[string]any) (data map[string]any, code string) {
	t.Helper()
	_, out := b.post("/graphql", map[string]any{"query": query, "variables": vars}, nil)
	code, _ = message(out)
	data, _ = out["data"].(map[string]any)
	return data, code
}

const inviteUser = `mutation($in: InviteUserInput!) { inviteUser(input: $in) { url expiresAt user { id email role disabled } } }`

// An admin invites a clerk in the API, the clerk signs in with the link,
// cannot manage users, and is out at once when the admin disables them.
func TestAdminsManageStaffUsers(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	admin := newBrowser(t, env)
	if status, out := admin.post("/auth/link", map[string]any{"secret": setupLink(t, env), "email": "boss@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("set up: HTTP %d %v", status, out)
	}
	data, code := gql(t, admin, inviteUser, map[string]any{"in": map[string]any{"email": "Clerk@Example.com", "role": "BILLING"}})
	if code != "" {
		t.Fatalf("inviteUser: %s", code)
	}
	inv := data["inviteUser"].(map[string]any)
	u := inv["user"].(map[string]any)
	if u["email"] != "clerk@example.com" || u["role"] != "BILLING" || !strings.HasPrefix(inv["url"].(string), env.Config.PublicURL+"/welcome?link=") {
		t.Fatalf("inviteUser answered %v", inv)
	}
	if _, code := gql(t, admin, inviteUser, map[string]any{"in": map[string]any{"email": "clerk@example.com", "role": "BILLING"}}); code != "CONFLICT" {
		t.Fatalf("inviting the same email twice: %q, want CONFLICT", code)
	}
	_, secret, _ := strings.Cut(inv["url"].(string), "link=")
	clerk := newBrowser(t, env)
	if status, out := clerk.post("/auth/link", map[string]any{"secret": secret, "password": "the clerk's passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("the clerk's invitation: HTTP %d %v", status, out)
	}
	if _, code := gql(t, clerk, inviteUser, map[string]any{"in": map[string]any{"email": "friend@example.com", "role": "ADMIN"}}); code != "FORBIDDEN" {
		t.Fatalf("a billing user inviting: %q, want FORBIDDEN", code)
	}
	me, _ := gql(t, admin, `{ viewer { kind } users(first: 10) { edges { node { id email } } } }`, nil)
	var bossID string
	for _, e := range me["users"].(map[string]any)["edges"].([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		if n["email"] == "boss@example.com" {
			bossID = n["id"].(string)
		}
	}
	if _, code := gql(t, admin, `mutation($id: ID!) { updateUser(id: $id, input: {disabled: true}) { id } }`, map[string]any{"id": bossID}); code != "CONFLICT" {
		t.Fatalf("an admin disabling themselves: %q, want CONFLICT", code)
	}
	if _, code := gql(t, admin, `mutation($id: ID!) { updateUser(id: $id, input: {disabled: true}) { disabled } }`, map[string]any{"id": u["id"]}); code != "" {
		t.Fatalf("disabling the clerk: %s", code)
	}
	if s := clerk.state(); s.SignedIn {
		t.Fatal("the disabled clerk is still signed in")
	}
	if status, _ := newBrowser(t, env).post("/auth/sign-in", map[string]any{"email": "clerk@example.com", "password": "the clerk's passphrase"}, nil); status != http.StatusUnauthorized {
		t.Fatalf("a disabled clerk signing in: HTTP %d, want 401", status)
	}
}

// openSubscription opens a WebSocket as a page of the server would (its
// Origin, and the browser's cookie or an API token) and subscribes to
// every upload's progress; it returns a channel closed when the
// connection ends, with what the server said last.
func openSubscription(t *testing.T, env *testenv.Env, hdr http.Header) <-chan string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	hdr.Set("Origin", env.Server.URL)
	conn, _, err := websocket.Dial(ctx, strings.Replace(env.Server.URL, "http", "ws", 1)+"/graphql",
		&websocket.DialOptions{HTTPHeader: hdr, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("websocket: %v", err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"}); err != nil {
		t.Fatal(err)
	}
	var ack map[string]any
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack["type"] != "connection_ack" {
		t.Fatalf("connection_init: %v %v", ack, err)
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": `subscription { uploadChanged { id status } }`}}); err != nil {
		t.Fatal(err)
	}
	ended := make(chan string, 1)
	go func() {
		last := ""
		for {
			var msg map[string]any
			if err := wsjson.Read(ctx, conn, &msg); err != nil {
				ended <- last + " / " + err.Error()
				return
			}
			if msg["type"] == "ping" {
				_ = wsjson.Write(ctx, conn, map[string]any{"type": "pong"})
				continue
			}
			b, _ := json.Marshal(msg)
			last = string(b)
		}
	}()
	return ended
}

// A subscription ends with its session (signed out) or its API token
// (revoked), within the re-check interval, and the log says so.
func TestSubscriptionsEndWithTheirCredential(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	cfg.AuthMode = "session"
	cfg.SubscriptionRecheck = 200 * time.Millisecond
	env := testenv.Start(t, cfg)
	admin := newBrowser(t, env)
	if status, out := admin.post("/auth/link", map[string]any{"secret": setupLink(t, env), "email": "boss@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("set up: HTTP %d %v", status, out)
	}
	data, code := gql(t, admin, `mutation { createApiToken(input: {name: "watcher", role: READONLY}) { secret token { id } } }`, nil)
	if code != "" {
		t.Fatalf("createApiToken: %s", code)
	}
	tok := data["createApiToken"].(map[string]any)

	cookie := http.Header{}
	for _, c := range admin.c.Jar.Cookies(mustURL(env.Server.URL)) {
		cookie.Add("Cookie", c.Name+"="+c.Value)
	}
	bySession := openSubscription(t, env, cookie)
	byToken := openSubscription(t, env, http.Header{"Authorization": {"Bearer " + tok["secret"].(string)}})

	// Both stay open while their credentials hold.
	select {
	case why := <-bySession:
		t.Fatalf("the session's subscription ended early: %s", why)
	case why := <-byToken:
		t.Fatalf("the token's subscription ended early: %s", why)
	case <-time.After(time.Second):
	}

	if _, code := gql(t, admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": tok["token"].(map[string]any)["id"]}); code != "" {
		t.Fatalf("revokeApiToken: %s", code)
	}
	select {
	case why := <-byToken:
		// graphql-transport-ws has no message for it: the server closes
		// the socket (the audit log says why, below).
		if !strings.Contains(why, "received close frame") {
			t.Fatalf("the token's subscription was not closed by the server: %s", why)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the revoked token's subscription is still open 5 s later")
	}
	select {
	case why := <-bySession:
		t.Fatalf("the session's subscription ended with the token: %s", why)
	default:
	}

	if status, _ := admin.post("/auth/sign-out", nil, nil); status != http.StatusOK {
		t.Fatal("sign out failed")
	}
	select {
	case <-bySession:
	case <-time.After(5 * time.Second):
		t.Fatal("the signed-out session's subscription is still open 5 s later")
	}
	n, err := env.App.DB.Client.AuditEntry.Query().Where(auditentry.Action("refused:subscription")).Count(viewer.System(context.Background()))
	if err != nil || n != 2 {
		t.Fatalf("audit entries for ended subscriptions: %d (%v), want 2", n, err)
	}
}

// "Forgotten your password?": the answer is the same for an account and
// for no account; the account's owner gets an email whose link sets a new
// password, and nobody else gets anything.
func TestAForgottenPasswordIsResetByEmail(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	outbox, ok := env.App.Delivery.Sender.(*mail.Outbox)
	if !ok {
		t.Fatalf("the embedded sender is %T, not the outbox", env.App.Delivery.Sender)
	}
	link, _, err := env.App.CreateStaff(context.Background(), "clerk@example.com", viewer.RoleBilling)
	if err != nil {
		t.Fatal(err)
	}
	_, secret, _ := strings.Cut(link, "link=")
	if status, _ := newBrowser(t, env).post("/auth/link", map[string]any{"secret": secret, "password": "the forgotten one"}, nil); status != http.StatusOK {
		t.Fatal("invitation failed")
	}
	b := newBrowser(t, env)
	status, known := b.post("/auth/forgot", map[string]any{"email": "Clerk@Example.com"}, nil)
	if status != http.StatusOK {
		t.Fatalf("forgot: HTTP %d %v", status, known)
	}
	_, unknown := b.post("/auth/forgot", map[string]any{"email": "nobody@example.com"}, nil)
	if strings.Replace(known["message"].(string), "clerk@example.com", "X", 1) != strings.Replace(unknown["message"].(string), "nobody@example.com", "X", 1) {
		t.Fatalf("the answers differ: %q and %q", known["message"], unknown["message"])
	}
	var entries []mail.Entry
	deadline := time.Now().Add(5 * time.Second)
	for len(entries) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if entries, err = outbox.List(0); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond) // time for a wrong second email to arrive too
	if entries, err = outbox.List(0); err != nil || len(entries) != 1 {
		t.Fatalf("outbox: %d messages (%v), want the one for the clerk", len(entries), err)
	}
	msg, err := outbox.Read(entries[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(msg.To, ","), "clerk@example.com") || msg.Subject != "Reset your Tollgate password" {
		t.Fatalf("the email goes to %v with subject %q", msg.To, msg.Subject)
	}
	_, after, ok := strings.Cut(msg.Text, "/welcome?link=")
	if !ok {
		t.Fatalf("no link in the email:\n%s", msg.Text)
	}
	reset := strings.Fields(after)[0]
	if status, out := newBrowser(t, env).post("/auth/link", map[string]any{"secret": reset, "password": "a remembered one"}, nil); status != http.StatusOK {
		t.Fatalf("the emailed link: HTTP %d %v", status, out)
	}
	if status, _ := newBrowser(t, env).post("/auth/sign-in", map[string]any{"email": "clerk@example.com", "password": "a remembered one"}, nil); status != http.StatusOK {
		t.Fatalf("the new password: HTTP %d", status)
	}
}
