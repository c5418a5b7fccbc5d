package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/ent"
	entcall "github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/invoice"
	entprovider "github.com/tollgate/tollgate/ent/provider"
)

// world is a reseller with three customers: a parent A, its child A1,
// and B, each with priced calls in one processed upload and invoices.
type world struct {
	A, A1, B    int
	invoices    map[string]int // "A1" → id: A1 (issued), A2 (settled), AX (deleted), C1 (A1's, issued), B1 (B's, issued)
	numbers     map[string]int64
	callsOf     map[int]int // customer → priced calls
	priceOf     map[int]decimal.Decimal
	unprocessed int // a call of A in an upload not yet processed: never shown
}

// newWorld seeds the world as Tollgate itself, with admin (signed in) making the customers.
func newWorld(t *testing.T, env *testenv.Env, admin *browser) world {
	t.Helper()
	ctx := viewer.System(context.Background())
	c := env.App.DB.Client
	w := world{invoices: map[string]int{}, numbers: map[string]int64{}, callsOf: map[int]int{}, priceOf: map[int]decimal.Decimal{}}
	mk := func(ref, name string, parent int) int {
		in := map[string]any{"reference": ref, "name": name}
		if parent != 0 {
			in["parentID"] = strconv.Itoa(parent)
		}
		data, code := gql(t, admin, `mutation($in: CreateCustomerInput!) { createCustomer(input: $in) { id } }`, map[string]any{"in": in})
		if code != "" {
			t.Fatalf("createCustomer %s: %s", ref, code)
		}
		id, err := strconv.Atoi(data["createCustomer"].(map[string]any)["id"].(string))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	w.A = mk("PARENT-A", "Alpha Holdings", 0)
	w.A1 = mk("CHILD-A1", "Alpha Leeds", w.A)
	w.B = mk("OTHER-B", "Beta Ltd", 0)

	p, err := c.Provider.Create().SetName("Carrier").SetCdrFormat(entprovider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	upload := func(sha string, status cdrupload.Status) *ent.CdrUpload {
		u, err := c.CdrUpload.Create().SetProvider(p).SetFileName(sha + ".csv").SetSha256(sha).SetBlobKey("x/" + sha).SetStatus(status).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	done := upload("done", cdrupload.StatusProcessed)
	waiting := upload("waiting", cdrupload.StatusReady)
	start := time.Now().UTC().Add(-48 * time.Hour).Truncate(time.Second)
	line := 0
	addCall := func(u *ent.CdrUpload, customer int, units int64, status entcall.Status) {
		line++
		if err := c.Call.Create().SetUploadID(u.ID).SetLine(line).SetStatus(status).SetSource(fmt.Sprintf("4411349600%02d", customer%100)).
			SetDestination(fmt.Sprintf("4479009000%02d", line)).SetStart(start.Add(time.Duration(line) * time.Minute)).SetDuration(60).
			SetBillableSeconds(60).SetBand(entcall.BandPeak).SetRateDestination("447").SetPriceUnits(units).SetCostUnits(units / 2).
			SetPriceDecimals(4).SetDupKey(int64(line)).SetCustomerID(customer).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if u.ID == done.ID && status == entcall.StatusPriced {
			w.callsOf[customer]++
			w.priceOf[customer] = w.priceOf[customer].Add(decimal.New(units, -4))
		}
	}
	for _, x := range []struct {
		customer int
		units    []int64
	}{{w.A, []int64{1234, 5678}}, {w.A1, []int64{910}}, {w.B, []int64{111111, 222222, 333333}}} {
		for _, u := range x.units {
			addCall(done, x.customer, u, entcall.StatusPriced)
		}
		if err := c.UploadCustomerTotal.Create().SetUploadID(done.ID).SetCustomerID(x.customer).SetCalls(int64(len(x.units))).
			SetPriceUnits(0).SetPriceDecimals(4).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// A duplicate of A's is no call of A's; nor is one in an upload still waiting.
	addCall(done, w.A, 999, entcall.StatusDuplicate)
	addCall(waiting, w.A, 4242, entcall.StatusPriced)
	if err := c.UploadCustomerTotal.Create().SetUploadID(waiting.ID).SetCustomerID(w.A).SetCalls(1).SetPriceUnits(0).SetPriceDecimals(4).Exec(ctx); err != nil {
		t.Fatal(err)
	}

	number := int64(1000)
	inv := func(key string, customer int, status invoice.Status, total string, pdf bool) {
		number++
		q := c.Invoice.Create().SetNumber(number).SetCustomerID(customer).SetStatus(status).SetIssueDate(time.Now().AddDate(0, 0, -int(number-1000))).
			SetDueDate(time.Now().AddDate(0, 0, 14)).SetNetTotal(decimal.RequireFromString(total)).SetTotal(decimal.RequireFromString(total))
		if pdf {
			key := "test/invoice-" + key + ".pdf"
			if err := env.App.Blobs.WriteAll(ctx, key, []byte("%PDF-1.4 invoice "+fmt.Sprint(number)), nil); err != nil {
				t.Fatal(err)
			}
			q.SetPdfBlobKey(key).SetDocumentsAt(time.Now())
		}
		i, err := q.Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		w.invoices[key], w.numbers[key] = i.ID, number
	}
	inv("A1", w.A, invoice.StatusIssued, "120.50", true)
	inv("A2", w.A, invoice.StatusSettled, "80.00", true)
	inv("AX", w.A, invoice.StatusDeleted, "999.00", true)
	inv("C1", w.A1, invoice.StatusIssued, "10.25", true)
	inv("B1", w.B, invoice.StatusIssued, "5000.00", true)
	return w
}

// portalUser invites a portal user of customer and signs them in with the activation link.
func portalUser(t *testing.T, env *testenv.Env, staff *browser, customer int, email string) *browser {
	t.Helper()
	data, code := gql(t, staff, `mutation($c: ID!, $e: String!) { invitePortalUser(customerID: $c, email: $e) { link emailed user { id email } } }`,
		map[string]any{"c": strconv.Itoa(customer), "e": email})
	if code != "" {
		t.Fatalf("invitePortalUser %s: %s", email, code)
	}
	inv := data["invitePortalUser"].(map[string]any)
	if inv["emailed"] != true {
		t.Errorf("the invitation of %s was not emailed", email)
	}
	_, secret, ok := strings.Cut(inv["link"].(string), "link=")
	if !ok {
		t.Fatalf("no link in %v", inv)
	}
	b := newBrowser(t, env)
	if status, out := b.post("/auth/link", map[string]any{"secret": secret, "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("%s activates: HTTP %d %v", email, status, out)
	}
	if s := b.state(); !s.SignedIn || s.User.Kind != "PORTAL" {
		t.Fatalf("%s after activation: %+v", email, s)
	}
	return b
}

func signedInAdmin(t *testing.T, env *testenv.Env) *browser {
	t.Helper()
	admin := newBrowser(t, env)
	if status, out := admin.post("/auth/link", map[string]any{"secret": setupLink(t, env), "email": "admin@example.com", "password": "a long enough passphrase"}, nil); status != http.StatusOK {
		t.Fatalf("set up: HTTP %d %v", status, out)
	}
	return admin
}

func (b *browser) get(path string) (int, string) {
	b.t.Helper()
	res, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

const portalQuery = `{ portal {
	settings { companyName currency timeZone }
	customers { id reference name child }
	balance
	latestInvoice { number }
	invoices(first: 100) { totalCount nodes { id number status total pdfURL lines { description } } }
	outstanding: invoices(outstanding: true) { totalCount }
	calls(first: 200) { totalCount totalPrice nodes { id cli dialled destination price customerName billed } }
	activity(days: 7) { byDay { day calls price } byHour { hour calls } }
} }`

func numbersOf(page map[string]any) []string {
	var out []string
	for _, n := range page["nodes"].([]any) {
		out = append(out, fmt.Sprint(n.(map[string]any)["number"]))
	}
	return out
}

// A portal user of a parent sees the parent's and its child's invoices and
// calls, and nothing of another customer by any route: the portal query,
// guessed ids, the staff fields, the downloads and the calls export. A
// child's user sees only the child. A disabled user is out at once.
func TestThePortalShowsACustomerOnlyItsOwn(t *testing.T) {
	env := signInEnv(t, testenv.Embedded)
	admin := signedInAdmin(t, env)
	w := newWorld(t, env, admin)
	a := portalUser(t, env, admin, w.A, "accounts@alpha.example")
	a1 := portalUser(t, env, admin, w.A1, "leeds@alpha.example")

	// What A's user sees.
	data, code := gql(t, a, portalQuery, nil)
	if code != "" {
		t.Fatalf("portal: %s", code)
	}
	p := data["portal"].(map[string]any)
	var refs []string
	for _, c := range p["customers"].([]any) {
		refs = append(refs, fmt.Sprint(c.(map[string]any)["reference"], ":", c.(map[string]any)["child"]))
	}
	if got := strings.Join(refs, " "); got != "PARENT-A:false CHILD-A1:true" {
		t.Errorf("A's customers: %s", got)
	}
	invs := p["invoices"].(map[string]any)
	want := []string{fmt.Sprint(w.numbers["A1"]), fmt.Sprint(w.numbers["A2"]), fmt.Sprint(w.numbers["C1"])}
	if got := numbersOf(invs); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("A's invoices: %v, want %v (newest first; not the deleted one, not B's)", got, want)
	}
	// Outstanding: A's issued 120.50 and A1's 10.25.
	if got := p["balance"]; got != "130.75" {
		t.Errorf("A's balance: %v, want 130.75", got)
	}
	if got := p["outstanding"].(map[string]any)["totalCount"]; got != float64(2) {
		t.Errorf("A's outstanding invoices: %v, want 2", got)
	}
	calls := p["calls"].(map[string]any)
	wantCalls := w.callsOf[w.A] + w.callsOf[w.A1]
	wantPrice := w.priceOf[w.A].Add(w.priceOf[w.A1])
	if calls["totalCount"] != float64(wantCalls) || len(calls["nodes"].([]any)) != wantCalls {
		t.Errorf("A's calls: %v of %d listed, want %d", calls["totalCount"], len(calls["nodes"].([]any)), wantCalls)
	}
	if got := decimal.RequireFromString(calls["totalPrice"].(string)); !got.Equal(wantPrice) {
		t.Errorf("A's calls' price: %s, want %s", got, wantPrice)
	}
	for _, n := range calls["nodes"].([]any) {
		if name := n.(map[string]any)["customerName"]; name != "Alpha Holdings" && name != "Alpha Leeds" {
			t.Errorf("a call of %v in A's portal", name)
		}
		// The destination is the rate's, not the dialled number again.
		if d := n.(map[string]any)["destination"]; d == nil || d == n.(map[string]any)["dialled"] || !strings.HasPrefix(fmt.Sprint(d), "07") {
			t.Errorf("a call's destination %v (dialled %v), want the rate's 07…", d, n.(map[string]any)["dialled"])
		}
	}
	var byDay int
	for _, d := range p["activity"].(map[string]any)["byDay"].([]any) {
		byDay += int(d.(map[string]any)["calls"].(float64))
	}
	if byDay != wantCalls {
		t.Errorf("A's activity counts %d calls, want %d", byDay, wantCalls)
	}

	// The child's user sees the child only.
	data, code = gql(t, a1, portalQuery, nil)
	if code != "" {
		t.Fatalf("child's portal: %s", code)
	}
	p1 := data["portal"].(map[string]any)
	if got := numbersOf(p1["invoices"].(map[string]any)); len(got) != 1 || got[0] != fmt.Sprint(w.numbers["C1"]) {
		t.Errorf("A1's invoices: %v", got)
	}
	if got := p1["calls"].(map[string]any)["totalCount"]; got != float64(w.callsOf[w.A1]) {
		t.Errorf("A1's calls: %v", got)
	}

	// Guessed ids: B's invoice and B's customer, through every door.
	bInv := strconv.Itoa(w.invoices["B1"])
	for who, b := range map[string]*browser{"A's user": a, "A1's user": a1} {
		for _, q := range []struct{ query, want string }{
			{`query($id: ID!) { portal { invoice(id: $id) { number total } } }`, "NOT_FOUND"},
			{`query($id: ID!) { node(id: $id) { id } }`, "FORBIDDEN"},
			{`query($id: ID!) { nodes(ids: [$id]) { id } }`, "FORBIDDEN"},
			{`{ invoices { edges { node { number } } } }`, "FORBIDDEN"},
			{`{ customers { edges { node { name } } } }`, "FORBIDDEN"},
			{`{ calls { edges { node { cost } } } }`, "FORBIDDEN"},
			{`{ providers { edges { node { name } } } }`, "FORBIDDEN"},
			{`{ rateSheets { edges { node { id } } } }`, "FORBIDDEN"},
			{`{ settings { company { name } } }`, "FORBIDDEN"},
		} {
			if _, code := gql(t, b, q.query, map[string]any{"id": bInv}); code != q.want {
				t.Errorf("%s: %s: %s, want %s", who, q.query, code, q.want)
			}
		}
		if _, code := gql(t, b, `query($c: ID!) { portal { calls(filter: {customerID: $c}) { totalCount } } }`,
			map[string]any{"c": strconv.Itoa(w.B)}); code != "NOT_FOUND" {
			t.Errorf("%s: B's calls by customer id: %s, want NOT_FOUND", who, code)
		}
		for _, path := range []string{fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["B1"]), fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["AX"]),
			fmt.Sprintf("/download/portal/calls.csv?customer=%d", w.B), fmt.Sprintf("/download/customers/%d/calls.csv", w.B), "/download/calls.csv"} {
			if status, body := b.get(path); status != http.StatusNotFound && status != http.StatusForbidden {
				t.Errorf("%s: GET %s: HTTP %d %q, want a refusal", who, path, status, body)
			} else if strings.Contains(body, "5000") || strings.Contains(body, "Beta") {
				t.Errorf("%s: GET %s told of B: %q", who, path, body)
			}
		}
	}
	// Their own documents download.
	if status, body := a.get(fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["C1"])); status != http.StatusOK || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("A's user downloads A1's invoice: HTTP %d %q", status, body)
	}
	if status, _ := a1.get(fmt.Sprintf("/download/invoices/%d/pdf", w.invoices["A1"])); status != http.StatusNotFound {
		t.Errorf("A1's user downloads its parent's invoice: HTTP %d, want 404", status)
	}

	// The calls export: A's and A1's priced calls of processed uploads, summing to the list's total.
	status, body := a.get("/download/portal/calls.csv")
	if status != http.StatusOK {
		t.Fatalf("export: HTTP %d %s", status, body)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != wantCalls+1 || rows[0][0] != "Date" {
		t.Fatalf("export: %d rows, want a header and %d calls: %q", len(rows), wantCalls, body)
	}
	sum := decimal.Zero
	for _, r := range rows[1:] {
		sum = sum.Add(decimal.RequireFromString(r[len(r)-1]))
	}
	if !sum.Equal(wantPrice) {
		t.Errorf("export sums to %s, want %s", sum, wantPrice)
	}
	if status, body := a.get(fmt.Sprintf("/download/portal/calls.csv?customer=%d", w.A1)); status != http.StatusOK || strings.Count(body, "\n") != w.callsOf[w.A1]+1 {
		t.Errorf("export of the child's calls: HTTP %d %q", status, body)
	}

	// Staff see the customer's portal users; the portal is not theirs.
	data, code = gql(t, admin, `query($id: ID!) { node(id: $id) { ... on Customer { portalUsers { email disabled } } } }`, map[string]any{"id": strconv.Itoa(w.A)})
	if code != "" || !strings.Contains(fmt.Sprint(data), "accounts@alpha.example") {
		t.Errorf("A's portal users: %v %s", data, code)
	}
	if _, code := gql(t, admin, `{ portal { balance } }`, nil); code != "FORBIDDEN" {
		t.Errorf("staff × portal: %s, want FORBIDDEN", code)
	}
	// An email with an account is not invited twice.
	if _, code := gql(t, admin, `mutation($c: ID!) { invitePortalUser(customerID: $c, email: "admin@example.com") { link } }`,
		map[string]any{"c": strconv.Itoa(w.B)}); code != "CONFLICT" {
		t.Errorf("inviting a staff email: %s, want CONFLICT", code)
	}

	// Disabled: out at once.
	data, _ = gql(t, admin, `query($id: ID!) { node(id: $id) { ... on Customer { portalUsers { id email } } } }`, map[string]any{"id": strconv.Itoa(w.A)})
	uid := data["node"].(map[string]any)["portalUsers"].([]any)[0].(map[string]any)["id"]
	if _, code := gql(t, admin, `mutation($id: ID!) { setPortalUserDisabled(id: $id, disabled: true) { disabled } }`, map[string]any{"id": uid}); code != "" {
		t.Fatalf("disable: %s", code)
	}
	if _, code := gql(t, a, `{ portal { balance } }`, nil); code != "UNAUTHENTICATED" {
		t.Errorf("a disabled portal user: %s, want UNAUTHENTICATED", code)
	}
}

// With self-registration on, a customer reference and one of its invoice
// numbers email an activation link; anything else answers the same and
// makes no user, and repeated misses are throttled.
func TestCustomersRegisterWithAReferenceAndAnInvoiceNumber(t *testing.T) {
	cfg := testenv.Config(t, testenv.Embedded)
	cfg.AuthMode = "session"
	cfg.PortalRegistration = true
	env := testenv.Start(t, cfg)
	admin := signedInAdmin(t, env)
	w := newWorld(t, env, admin)
	ctx := viewer.System(context.Background())

	stranger := newBrowser(t, env)
	if _, body := stranger.get("/auth/session"); !strings.Contains(body, `"portalRegistration":true`) {
		t.Errorf("the session state does not offer registration: %s", body)
	}
	answer := func(ref string, number int64, email string) (int, string) {
		status, out := stranger.post("/auth/register", map[string]any{"reference": ref, "invoiceNumber": fmt.Sprint(number), "email": email}, nil)
		m, _ := out["message"].(string)
		if m == "" {
			_, m = message(out)
		}
		return status, m
	}
	users := func() int { return env.App.DB.Client.User.Query().CountX(ctx) }
	before := users()
	okStatus, okMsg := answer("parent-a", w.numbers["A1"], "new@alpha.example")
	if okStatus != http.StatusOK {
		t.Fatalf("register: HTTP %d %s", okStatus, okMsg)
	}
	if users() != before+1 {
		t.Errorf("a matching registration made %d users", users()-before)
	}
	// B's invoice number with A's reference, a deleted invoice, an unknown reference: the same answer, no user.
	for _, x := range []struct {
		ref    string
		number int64
	}{{"PARENT-A", w.numbers["B1"]}, {"PARENT-A", w.numbers["AX"]}, {"NOBODY", w.numbers["A1"]}} {
		status, msg := answer(x.ref, x.number, "guess@evil.example")
		if status != okStatus || strings.ReplaceAll(msg, "guess@evil.example", "new@alpha.example") != okMsg {
			t.Errorf("%s/%d: HTTP %d %q; a match answered HTTP %d %q", x.ref, x.number, status, msg, okStatus, okMsg)
		}
	}
	if users() != before+1 {
		t.Errorf("registrations that did not match made users")
	}
	// The activation link went to the mailbox: the outbox holds it.
	outbox := env.App.Delivery.Sender.(*mail.Outbox)
	entries, err := outbox.List(0)
	if err != nil {
		t.Fatal(err)
	}
	var sent []string
	for _, e := range entries {
		m, err := outbox.Read(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(m.Text, "/welcome?link=") {
			sent = append(sent, strings.Join(m.To, ","))
		}
	}
	if len(sent) != 1 || !strings.Contains(sent[0], "new@alpha.example") {
		t.Errorf("activation emails went to %v, want new@alpha.example only", sent)
	}
	// Guessing is throttled.
	var limited bool
	for range 10 {
		if status, _ := answer("PARENT-A", 424242, "guess@evil.example"); status == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Errorf("10 more wrong guesses were never throttled")
	}
}

// The privacy policies are the second wall: whatever a portal viewer's
// query asks for, Ent narrows it to the viewer's customers, and refuses
// the entities a customer never sees. Checked on both databases, under
// the resolvers, with the client itself.
func TestPrivacyNarrowsEveryPortalQuery(t *testing.T) {
	for _, mode := range []testenv.Mode{testenv.Embedded, testenv.MySQL} {
		t.Run(string(mode), func(t *testing.T) {
			env := signInEnv(t, mode)
			admin := signedInAdmin(t, env)
			w := newWorld(t, env, admin)
			c := env.App.DB.Client
			as := func(id int, family ...int) context.Context {
				return viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindPortal, CustomerID: id, Customers: viewer.Family(id, family)})
			}
			for _, x := range []struct {
				name      string
				ctx       context.Context
				customers []int
				invoices  []string
			}{
				{"A with its child", as(w.A, w.A1), []int{w.A, w.A1}, []string{"A1", "A2", "C1"}},
				{"the child", as(w.A1), []int{w.A1}, []string{"C1"}},
				{"B", as(w.B), []int{w.B}, []string{"B1"}},
			} {
				ids, err := c.Customer.Query().IDs(x.ctx)
				if err != nil || fmt.Sprint(ids) != fmt.Sprint(x.customers) {
					t.Errorf("%s: customers %v (%v), want %v", x.name, ids, err, x.customers)
				}
				invs, err := c.Invoice.Query().Order(ent.Asc(invoice.FieldNumber)).All(x.ctx)
				var got []int
				for _, i := range invs {
					got = append(got, i.ID)
				}
				var want []int
				for _, k := range x.invoices {
					want = append(want, w.invoices[k])
				}
				if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: invoices %v (%v), want %v", x.name, got, err, want)
				}
				// Every priced call of theirs (in any upload), and no other.
				calls, err := c.Call.Query().All(x.ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, cl := range calls {
					if !slices.Contains(x.customers, *cl.CustomerID) || cl.Status != entcall.StatusPriced {
						t.Errorf("%s: sees a %s call of customer %d", x.name, cl.Status, *cl.CustomerID)
					}
				}
				// Through an edge, too: B's invoice's customer is not reachable from anyone else.
				if n, err := c.Invoice.Query().Where(invoice.ID(w.invoices["B1"])).QueryCustomer().Count(x.ctx); err != nil || (n != 0) != (x.name == "B") {
					t.Errorf("%s: B's invoice's customer: %d (%v)", x.name, n, err)
				}
				for what, q := range map[string]func() error{
					"providers":   func() error { _, err := c.Provider.Query().All(x.ctx); return err },
					"uploads":     func() error { _, err := c.CdrUpload.Query().All(x.ctx); return err },
					"rate sheets": func() error { _, err := c.RateSheet.Query().All(x.ctx); return err },
					"rates":       func() error { _, err := c.Rate.Query().All(x.ctx); return err },
					"tariffs":     func() error { _, err := c.Tariff.Query().All(x.ctx); return err },
					"products":    func() error { _, err := c.Product.Query().All(x.ctx); return err },
					"charges":     func() error { _, err := c.Charge.Query().All(x.ctx); return err },
					"deliveries":  func() error { _, err := c.Delivery.Query().All(x.ctx); return err },
					"settings":    func() error { _, err := c.CompanySettings.Query().All(x.ctx); return err },
					"a change":    func() error { return c.Customer.UpdateOneID(x.customers[0]).SetName("Mine now").Exec(x.ctx) },
				} {
					if err := q(); err == nil {
						t.Errorf("%s reads or changes %s", x.name, what)
					}
				}
			}
			// A portal viewer whose customer is gone sees nothing at all.
			gone := viewer.NewContext(context.Background(), viewer.Viewer{Kind: viewer.KindPortal})
			if _, err := c.Invoice.Query().All(gone); err == nil {
				t.Errorf("a portal viewer without customers reads invoices")
			}
		})
	}
}
