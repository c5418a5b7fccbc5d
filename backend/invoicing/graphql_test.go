package invoicing_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
)

// The API previews a run without writing, starts it, and the subscription
// follows it to its end with the invoices the preview showed.
func TestPreviewStartAndProgressOverGraphQL(t *testing.T) {
	w := newWorld(t, testenv.Embedded)
	a := w.customer("A", "A Ltd", nil)
	w.customer("Z", "Z Ltd", nil)
	w.upload(pcall{a, nil, at(2026, 6, 3, 10), "1.2345"}, pcall{a, nil, at(2026, 6, 4, 10), "0.0055"})
	vars := map[string]any{"input": map[string]any{"scheduleID": strconv.Itoa(w.schedule.ID), "period": "2026-06", "issueDate": "2026-07-01"}}
	var pv struct {
		BillingRunPreview struct {
			InvoiceCount int    `json:"invoiceCount"`
			Total        string `json:"total"`
			FirstNumber  int    `json:"firstNumber"`
			Invoices     []struct {
				Number   int    `json:"number"`
				DueDate  string `json:"dueDate"`
				Customer struct{ Reference string }
				Sections []struct {
					Lines []struct {
						Kind, Amount, CallTotal string
						Calls                   int
					}
				}
			}
		}
	}
	w.env.MustDo(t, `query($input: BillingRunInput!) { billingRunPreview(input: $input) {
		invoiceCount total firstNumber invoices { number dueDate customer { reference } sections { lines { kind amount callTotal calls } } } } }`, vars, &pv)
	p := pv.BillingRunPreview
	if p.InvoiceCount != 1 || p.Total != "1.49" || p.FirstNumber != 1 || len(p.Invoices) != 1 || p.Invoices[0].Customer.Reference != "A" || p.Invoices[0].DueDate != "2026-07-31" {
		t.Fatalf("preview %+v; want one invoice, number 1, to A, 1.24 + 20%% = 1.49, due 2026-07-31", p)
	}
	if l := p.Invoices[0].Sections[0].Lines[0]; l.Kind != "CALLS" || l.Amount != "1.24" || l.CallTotal != "1.24" || l.Calls != 2 {
		t.Errorf("line %+v; want Call Charges of 2 calls, 1.24 exactly", l)
	}
	if n := w.c.BillingRun.Query().CountX(w.ctx); n != 0 {
		t.Fatalf("the preview wrote %d runs", n)
	}
	// Started without the queue, so the subscription is open before the
	// run executes and sees it through.
	svc := *w.svc()
	svc.Queue = nil
	run, err := svc.Start(w.ctx, invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-06", IssueDate: rules.NewDate(2026, 7, 1)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sub := w.env.Subscribe(t, ctx, `subscription($id: ID!) { billingRunProgress(id: $id) { status invoiceCount firstNumber customersDone customersTotal } }`,
		map[string]any{"id": strconv.Itoa(run.ID)})
	time.Sleep(200 * time.Millisecond) // the subscription reaches the bus
	if err := svc.Execute(w.ctx, run.ID); err != nil {
		t.Fatal(err)
	}
	for {
		var ev struct {
			BillingRunProgress struct {
				Status                      string
				InvoiceCount, CustomersDone int
				CustomersTotal              int
				FirstNumber                 *int
			}
		}
		sub.Next(t, 10*time.Second, &ev)
		if e := ev.BillingRunProgress; e.Status == "COMPLETED" {
			if e.InvoiceCount != 1 || e.FirstNumber == nil || *e.FirstNumber != 1 || e.CustomersDone != 2 || e.CustomersTotal != 2 {
				t.Errorf("completed run %+v; want 1 invoice numbered 1, 2 of 2 customers done", e)
			}
			break
		}
	}
	// A page that subscribes after the run ended is told so at once,
	// not left at the state its query saw.
	late := w.env.Subscribe(t, ctx, `subscription($id: ID!) { billingRunProgress(id: $id) { status invoiceCount } }`,
		map[string]any{"id": strconv.Itoa(run.ID)})
	var now struct {
		BillingRunProgress struct {
			Status       string
			InvoiceCount int
		}
	}
	late.Next(t, 5*time.Second, &now)
	if now.BillingRunProgress.Status != "COMPLETED" || now.BillingRunProgress.InvoiceCount != 1 {
		t.Errorf("a subscription opened after the run ended first says %+v; want COMPLETED with 1 invoice", now.BillingRunProgress)
	}
	r := w.env.Do(t, `mutation($input: BillingRunInput!) { startBillingRun(input: $input) { id } }`, vars)
	if len(r.Errors) != 1 || r.Errors[0].Code() != "CONFLICT" {
		t.Errorf("a second run of June: %+v; want CONFLICT", r.Errors)
	}
}
