package app_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/charge"
)

// Through the API: the outstanding list searched by customer and number
// with its totals, a customer's balance, settling one invoice (and the
// second settle's CONFLICT), settling a range, and deleting an invoice
// alone, its charge pending again.
func TestInvoiceActionsOverGraphQL(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	ctx := viewer.System(context.Background())
	c := env.App.DB.Client
	acme, err := c.Customer.Create().SetReference("ACME").SetName("Acme Ltd").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	beta, err := c.Customer.Create().SetReference("BETA").SetName("Beta plc").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	issue := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	ids := map[int64]int{}
	for i, cu := range []struct {
		number int64
		id     int
		total  string
	}{{7001, acme.ID, "15.08"}, {7002, acme.ID, "61.20"}, {7003, beta.ID, "4.33"}} {
		tot := decimal.RequireFromString(cu.total)
		inv, err := c.Invoice.Create().SetCustomerID(cu.id).SetNumber(cu.number).SetIssueDate(issue.AddDate(0, 0, i)).
			SetCustomerName([]string{"Acme Ltd", "Acme Ltd", "Beta plc"}[i]).SetNetTotal(tot).SetTotal(tot).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids[cu.number] = inv.ID
	}
	one := decimal.NewFromInt(1)
	ch, err := c.Charge.Create().SetCustomerID(beta.ID).SetKind(charge.KindAdjustment).SetDescription("Set-up").SetQuantity(one).
		SetUnitPrice(one).SetAmount(one).SetStatus(charge.StatusInvoiced).SetInvoiceID(ids[7003]).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gid := func(n int64) string { return strconv.Itoa(ids[n]) }

	var list struct {
		InvoiceList struct {
			TotalCount int
			Edges      []struct{ Node struct{ Number int } }
		}
		InvoiceTotals struct {
			Count int
			Total string
		}
	}
	q := `query($v: InvoiceView!, $s: String) { invoiceList(view: $v, search: $s) { totalCount edges { node { number } } } invoiceTotals(view: $v, search: $s) { count total } }`
	env.MustDo(t, q, map[string]any{"v": "OUTSTANDING", "s": "acme"}, &list)
	if l := list.InvoiceList; l.TotalCount != 2 || l.Edges[0].Node.Number != 7002 || list.InvoiceTotals.Total != "76.28" {
		t.Errorf("Acme's outstanding invoices %+v, totals %+v; want 7002 then 7001, 76.28", l, list.InvoiceTotals)
	}
	env.MustDo(t, q, map[string]any{"v": "ALL", "s": "7003"}, &list)
	if list.InvoiceList.TotalCount != 1 || list.InvoiceList.Edges[0].Node.Number != 7003 {
		t.Errorf("search by number: %+v", list.InvoiceList)
	}

	settle := `mutation($id: ID!) { settleInvoice(id: $id, settleDate: "2026-07-10", comment: "BACS") { status settledAt settleComment } }`
	var s struct {
		SettleInvoice struct{ Status, SettleComment string }
	}
	env.MustDo(t, settle, map[string]any{"id": gid(7001)}, &s)
	if s.SettleInvoice.Status != "SETTLED" || s.SettleInvoice.SettleComment != "BACS" {
		t.Errorf("settled %+v", s.SettleInvoice)
	}
	if r := env.Do(t, settle, map[string]any{"id": gid(7001)}); len(r.Errors) != 1 || r.Errors[0].Code() != "CONFLICT" {
		t.Errorf("second settle: %+v; want one CONFLICT", r.Errors)
	}
	var bal struct{ Customer struct{ Balance string } }
	env.MustDo(t, `query($id: ID!) { customer(id: $id) { ... on Customer { balance } } }`, map[string]any{"id": strconv.Itoa(acme.ID)}, &bal)
	if bal.Customer.Balance != "61.2" {
		t.Errorf("Acme's balance %s; want 61.20", bal.Customer.Balance)
	}

	var del struct {
		DeleteInvoice struct {
			Status       string
			Number       int
			DeleteReason string
		}
	}
	env.MustDo(t, `mutation($id: ID!) { deleteInvoice(id: $id, withCharges: false, reason: "duplicate") { status number deleteReason } }`,
		map[string]any{"id": gid(7003)}, &del)
	if d := del.DeleteInvoice; d.Status != "DELETED" || d.Number != 7003 || d.DeleteReason != "duplicate" {
		t.Errorf("deleted %+v", d)
	}
	if got, err := c.Charge.Get(ctx, ch.ID); err != nil || got.Status != charge.StatusPending {
		t.Errorf("the deleted invoice's charge: %v %v; want pending", got, err)
	}

	var many struct {
		SettleInvoices struct {
			Count   int
			Numbers []int
			Total   string
		}
	}
	env.MustDo(t, `mutation { settleInvoices(from: "2026-07-01", to: "2026-07-31", settleDate: "2026-08-01", comment: "July") { count numbers total } }`, nil, &many)
	if m := many.SettleInvoices; m.Count != 1 || len(m.Numbers) != 1 || m.Numbers[0] != 7002 || m.Total != "61.2" {
		t.Errorf("range settle %+v; want 7002 only (7001 settled, 7003 deleted)", m)
	}
}
