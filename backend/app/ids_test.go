package app_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
)

// Ent's global ids exceed 2^31, past the GraphQL spec's 32-bit Int: the
// ids a call holds are IDs (JSON strings) that match the objects' own ids,
// and calls are filtered by customer through the customer's ID.
func TestCallIDsAboveTwoToThe31RoundTripAsIDs(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	var created customerData
	env.MustDo(t, createCustomer, map[string]any{"input": map[string]any{"reference": "BIG1", "name": "Big Id Ltd"}}, &created)
	id := created.CreateCustomer.ID
	if n, err := strconv.ParseInt(id, 10, 64); err != nil || n <= 1<<31 {
		t.Fatalf("customer id %q (%v); this test needs one above 2^31", id, err)
	}
	seedCalls(t, viewer.System(context.Background()), env.App.DB.Client, mustID(t, id))

	var out struct {
		Calls struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					CustomerID json.RawMessage
					UploadID   json.RawMessage
					Upload     struct{ ID string }
					Customer   struct{ ID string }
				}
			}
		}
		CallTotals struct {
			Calls int
			Price string
		}
	}
	env.MustDo(t, `query($id: ID!) {
  calls(first: 10, where: {customerID: $id}) { totalCount edges { node { customerID uploadID upload { id } customer { id } } } }
  callTotals(where: {customerID: $id}) { calls price }
}`, map[string]any{"id": id}, &out)
	if out.Calls.TotalCount != 5 || len(out.Calls.Edges) != 5 {
		t.Fatalf("calls of customer %s: %d (%d edges); want the 5 seeded", id, out.Calls.TotalCount, len(out.Calls.Edges))
	}
	for _, e := range out.Calls.Edges {
		n := e.Node
		var cust, up string
		if err := json.Unmarshal(n.CustomerID, &cust); err != nil {
			t.Fatalf("customerID %s is not a JSON string: %v", n.CustomerID, err)
		}
		if err := json.Unmarshal(n.UploadID, &up); err != nil {
			t.Fatalf("uploadID %s is not a JSON string: %v", n.UploadID, err)
		}
		if cust != id || n.Customer.ID != id || up != n.Upload.ID {
			t.Errorf("call says customer %s (its customer is %s) and upload %s (its upload is %s); want %s", cust, n.Customer.ID, up, n.Upload.ID, id)
		}
	}
	// All five calls count; only the priced ones add to the price:
	// 0.0153 + 0.3551 + 5.0000.
	if out.CallTotals.Calls != 5 || out.CallTotals.Price != "5.3704" {
		t.Errorf("callTotals = %+v; want 5 calls, price 5.3704", out.CallTotals)
	}
}
