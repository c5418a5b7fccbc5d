package app_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

const createCustomer = `mutation($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) {
  createCustomer(input: $input, clis: $clis) { id reference name status clis { value isRange } }
}`

type customerData struct {
	CreateCustomer struct {
		ID        string
		Reference string
		Name      string
		Status    string
		Clis      []struct {
			Value   string
			IsRange bool
		}
	}
}

func countCustomers(t *testing.T, env *testenv.Env) int {
	t.Helper()
	var out struct{ Customers struct{ TotalCount int } }
	env.MustDo(t, `{ customers { totalCount } }`, nil, &out)
	return out.Customers.TotalCount
}

// The customer API behaves the same on the embedded default and on MariaDB +
// Redis: creation with CLIs, the connection, and refusals that write nothing.
func TestCustomersAPI(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)

			var created customerData
			env.MustDo(t, createCustomer, map[string]any{
				"input": map[string]any{"reference": "ACME01", "name": "Acme Ltd"},
				"clis":  []any{map[string]any{"value": "0113 496 0000"}, map[string]any{"value": "+44113496*"}},
			}, &created)
			c := created.CreateCustomer
			if c.Reference != "ACME01" || c.Status != "ACTIVE" || len(c.Clis) != 2 {
				t.Fatalf("created %+v", c)
			}
			// National and international spellings normalise to one value; a
			// trailing * makes a range of the digits before it.
			if c.Clis[0].Value != "441134960000" || c.Clis[0].IsRange || c.Clis[1].Value != "44113496" || !c.Clis[1].IsRange {
				t.Fatalf("CLIs not normalised: %+v", c.Clis)
			}

			var page struct {
				Customers struct {
					TotalCount int
					Edges      []struct{ Node struct{ Name string } }
				}
			}
			env.MustDo(t, `query($q: String!) { customers(first: 10, where: {or: [{nameContainsFold: $q}, {referenceContainsFold: $q}]}) { totalCount edges { node { name } } } }`,
				map[string]any{"q": "acme"}, &page)
			if page.Customers.TotalCount != 1 || page.Customers.Edges[0].Node.Name != "Acme Ltd" {
				t.Fatalf("search found %+v", page)
			}

			refusals := []struct {
				name        string
				input       map[string]any
				clis        []any
				code, field string
				message     string
			}{
				{"empty name", map[string]any{"reference": "X1", "name": "  "}, nil, "INVALID", "name", "name is required"},
				{"duplicate reference", map[string]any{"reference": "ACME01", "name": "Other"}, nil, "CONFLICT", "reference", "already used by Acme Ltd"},
				{"CLI owned by another customer", map[string]any{"reference": "B1", "name": "Bee"},
					[]any{map[string]any{"value": "+441134960000", "validFrom": "2026-06-01T00:00:00Z"}}, "CONFLICT", "clis.0.value", "already belongs to Acme Ltd (ACME01)"},
				{"CLI valid to before valid from", map[string]any{"reference": "C1", "name": "Cee"},
					[]any{map[string]any{"value": "02079460000", "validFrom": "2026-06-01T00:00:00Z", "validTo": "2026-05-01T00:00:00Z"}}, "INVALID", "clis.0.validTo", "must be after"},
				{"email delivery without address", map[string]any{"reference": "D1", "name": "Dee", "invoiceDelivery": "EMAIL"}, nil, "INVALID", "deliveryEmail", "delivery email"},
			}
			for _, r := range refusals {
				res := env.Do(t, createCustomer, map[string]any{"input": r.input, "clis": r.clis})
				if len(res.Errors) != 1 {
					t.Fatalf("%s: want one error, got %+v", r.name, res)
				}
				e := res.Errors[0]
				if e.Code() != r.code || e.Field() != r.field || !strings.Contains(e.Message, r.message) {
					t.Errorf("%s: got code %s field %q message %q", r.name, e.Code(), e.Field(), e.Message)
				}
			}
			if n := countCustomers(t, env); n != 1 {
				t.Fatalf("refused mutations wrote customers: %d customers", n)
			}

			// The same number may move to another customer once the first
			// assignment has ended.
			var cli struct{ UpdateCli struct{ ValidTo string } }
			var list struct {
				Clis struct {
					Edges []struct{ Node struct{ ID, Value string } }
				}
			}
			env.MustDo(t, `{ clis(where: {value: "441134960000"}) { edges { node { id value } } } }`, nil, &list)
			env.MustDo(t, `mutation($id: ID!) { updateCli(id: $id, input: {validTo: "2026-06-01T00:00:00Z"}) { validTo } }`,
				map[string]any{"id": list.Clis.Edges[0].Node.ID}, &cli)
			var moved customerData
			env.MustDo(t, createCustomer, map[string]any{
				"input": map[string]any{"reference": "B1", "name": "Bee"},
				"clis":  []any{map[string]any{"value": "01134960000", "validFrom": "2026-06-01T00:00:00Z"}},
			}, &moved)
			if n := countCustomers(t, env); n != 2 {
				t.Fatalf("want 2 customers, have %d", n)
			}

			// Pages are capped on the server.
			res := env.Do(t, `{ customers(first: 1000) { totalCount } }`, nil)
			if len(res.Errors) != 1 || res.Errors[0].Code() != "INVALID" || res.Errors[0].Field() != "first" {
				t.Fatalf("page cap: %+v", res)
			}
		})
	}
}

// A task round trip: the API queues a recount of a customer's unbilled
// total, the worker computes it from processed calls, and a subscriber on
// the WebSocket sees the new total.
func TestRecomputeUnbilledTaskRoundTrip(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			env := testenv.StartMode(t, mode)
			var created customerData
			env.MustDo(t, createCustomer, map[string]any{"input": map[string]any{"reference": "R1", "name": "Round Trip Ltd"}}, &created)

			ctx := viewer.System(context.Background())
			db := env.App.DB.Client
			custID := mustID(t, created.CreateCustomer.ID)
			seedCalls(t, ctx, db, custID)

			sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			sub := env.Subscribe(t, sctx, `subscription($id: ID!) { customerChanged(id: $id) { id unbilledTotal } }`,
				map[string]any{"id": created.CreateCustomer.ID})
			time.Sleep(200 * time.Millisecond) // let the subscription reach Redis before the task runs

			var job struct{ RecomputeUnbilledTotal struct{ ID, Kind string } }
			env.MustDo(t, `mutation($id: ID!) { recomputeUnbilledTotal(customerID: $id) { id kind } }`,
				map[string]any{"id": created.CreateCustomer.ID}, &job)
			if job.RecomputeUnbilledTotal.ID == "" {
				t.Fatal("no task id")
			}
			var ev struct {
				CustomerChanged struct{ UnbilledTotal string }
			}
			sub.Next(t, 15*time.Second, &ev)
			// Processed priced calls without a charge count; the rest do not.
			if ev.CustomerChanged.UnbilledTotal != "0.3704" {
				t.Fatalf("unbilled total %s, want 0.3704 (0.0153 + 0.3551 + 0)", ev.CustomerChanged.UnbilledTotal)
			}
		})
	}
}

func seedCalls(t *testing.T, ctx context.Context, db *ent.Client, customerID int) {
	t.Helper()
	p, err := db.Provider.Create().SetName("Seed Telecom").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	processed, err := db.CdrUpload.Create().SetProvider(p).SetFileName("june.csv").SetSha256("a").SetBlobKey("a").
		SetStatus(cdrupload.StatusProcessed).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ready, err := db.CdrUpload.Create().SetProvider(p).SetFileName("july.csv").SetSha256("b").SetBlobKey("b").
		SetStatus(cdrupload.StatusReady).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	calls := []struct {
		upload int
		units  int64
		status call.Status
	}{
		{processed.ID, 153, call.StatusPriced},
		{processed.ID, 3551, call.StatusPriced},
		{ready.ID, 50000, call.StatusPriced},       // analysed, not processed
		{processed.ID, 0, call.StatusZeroDuration}, // never charged
		{processed.ID, 900, call.StatusDuplicate},  // never charged
	}
	// What analysis records: which uploads hold the customer's calls.
	for _, up := range []int{processed.ID, ready.ID} {
		if err := db.UploadCustomerTotal.Create().SetUploadID(up).SetCustomerID(customerID).SetCalls(0).
			SetPriceUnits(0).SetPriceDecimals(4).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range calls {
		_, err := db.Call.Create().SetUploadID(c.upload).SetCustomerID(customerID).SetLine(i + 1).SetStatus(c.status).
			SetSource("441134960000").SetDestination("442079460000").SetStart(time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)).
			SetDuration(60).SetPriceUnits(c.units).SetDupKey(int64(i)).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
	}
}

func mustID(t *testing.T, s string) int {
	t.Helper()
	id, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func jsonUnmarshal(b []byte, out any) error { return json.Unmarshal(b, out) }
