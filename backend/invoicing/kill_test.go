package invoicing_test

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/invoice"
)

// startWorker runs a real worker process on the test's database and queue,
// with a short billing lease and re-drive so a killed worker's run is
// taken over within seconds.
func startWorker(t *testing.T, bin string, a *app.App) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "worker", "--data-dir", a.Config.DataDir)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+a.Config.DatabaseURL, "REDIS_URL="+a.Config.RedisURL, "LOG_LEVEL=error",
		"TOLLGATE_BILLING_LEASE=2s", "TOLLGATE_REDRIVE_EVERY=1s")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kill(cmd) })
	return cmd
}

func kill(cmd *exec.Cmd) {
	if cmd.ProcessState == nil {
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
	}
}

// A worker SIGKILLed at random points of a billing run leaves either the
// whole run or nothing of it; run again, the run issues the invoices its
// preview showed, under the same numbers, with no gap, no second Call
// Charges and no second delivery.
func TestKilledWorkersIssueTheSameInvoicesOnce(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL)
	bin := testenv.BuildTollgate(t)
	a, err := app.Open(context.Background(), cfg, testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	w := worldIn(t, a)
	w.generateMonth(rand.New(rand.NewPCG(5, 6)), "K", 300, w.schedule)
	if _, err := w.c.Customer.Update().Where(customer.ReferenceLT("K100")).
		SetInvoiceDelivery(customer.InvoiceDeliveryEmail).SetDeliveryEmail("billing@example.com").Save(w.ctx); err != nil {
		t.Fatal(err)
	}
	in := invoicing.RunInput{ScheduleID: w.schedule.ID, Period: "2026-06", IssueDate: rules.NewDate(2026, 7, 1), SendEmails: true}
	pv, err := a.Invoicing.Preview(w.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	run, err := a.Invoicing.Start(w.ctx, in) // queued for the workers
	if err != nil {
		t.Fatal(err)
	}
	ctx := viewer.System(context.Background())
	r := rand.New(rand.NewPCG(9, 10))
	kills, owner := 0, ""
	for kills < 3 {
		wk := startWorker(t, bin, a)
		var cur *ent.BillingRun
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if cur, err = w.c.BillingRun.Get(ctx, run.ID); err != nil {
				t.Fatal(err)
			}
			if cur.Status == billingrun.StatusCompleted || cur.Status == billingrun.StatusRunning && cur.LeaseOwner != owner {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no worker took the run within a minute: %s", cur.Status)
			}
		}
		if cur.Status == billingrun.StatusCompleted {
			kill(wk)
			break
		}
		owner = cur.LeaseOwner
		time.Sleep(time.Duration(r.IntN(600)) * time.Millisecond)
		kill(wk)
		kills++
		// Killed mid-run, the database holds all of it or none of it.
		cur, err = w.c.BillingRun.Get(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		invs := w.c.Invoice.Query().CountX(ctx)
		linked := w.c.Call.Query().Where(call.ChargeIDNotNil()).CountX(ctx)
		co, err := a.Company.Get(ctx) // the defaults while no run committed a row
		if err != nil {
			t.Fatal(err)
		}
		next := co.NextInvoiceNumber
		if cur.Status == billingrun.StatusCompleted {
			if invs != len(pv.Invoices) || int64(linked) != pv.CallCount || next != pv.NextNumber {
				t.Fatalf("completed run: %d invoices, %d calls linked, next %d; the preview said %d, %d, %d", invs, linked, next, len(pv.Invoices), pv.CallCount, pv.NextNumber)
			}
			t.Logf("kill %d came after the commit", kills)
			break
		}
		if invs != 0 || linked != 0 || next != 1 || w.c.Delivery.Query().CountX(ctx) != 0 {
			t.Fatalf("kill %d left half a run: %d invoices, %d calls linked, next number %d", kills, invs, linked, next)
		}
		t.Logf("kill %d: nothing written", kills)
	}
	if cur, _ := w.c.BillingRun.Get(ctx, run.ID); cur.Status != billingrun.StatusCompleted {
		startWorker(t, bin, a)
	}
	done := w.waitQuietly(run.ID, 90*time.Second)
	if done.Status != billingrun.StatusCompleted {
		t.Fatalf("run %s after %d kills: %s", done.Status, kills, done.FailureReason)
	}
	invs := w.c.Invoice.Query().Order(ent.Asc(invoice.FieldNumber)).AllX(ctx)
	if len(invs) != len(pv.Invoices) {
		t.Fatalf("%d invoices; the preview showed %d", len(invs), len(pv.Invoices))
	}
	emails := 0
	for i, inv := range invs {
		p := pv.Invoices[i]
		if inv.Number != int64(i+1) || inv.Number != p.Number || inv.CustomerReference != p.Reference || !inv.Total.Equal(p.Total) {
			t.Errorf("invoice %d: %s %s; the preview showed %d %s %s", inv.Number, inv.CustomerReference, inv.Total, p.Number, p.Reference, p.Total)
		}
		if p.Email != "" {
			emails++
		}
	}
	if n := w.c.Delivery.Query().CountX(ctx); n != emails {
		t.Errorf("%d deliveries for %d emailed invoices", n, emails)
	}
	var groups []struct {
		Customer int  `json:"customer_charges"`
		Site     *int `json:"site_id"`
		Count    int  `json:"count"`
	}
	w.c.Charge.Query().Where(charge.KindEQ(charge.KindCalls)).GroupBy(charge.CustomerColumn, charge.FieldSiteID).Aggregate(ent.Count()).ScanX(ctx, &groups)
	for _, g := range groups {
		if g.Count != 1 {
			t.Errorf("customer %d has %d Call Charges for one site", g.Customer, g.Count)
		}
	}
	if n := int64(w.c.Call.Query().Where(call.ChargeIDNotNil()).CountX(ctx)); n != pv.CallCount {
		t.Errorf("%d calls billed; the preview billed %d", n, pv.CallCount)
	}
	t.Logf("%d kills; %d invoices, %d calls", kills, len(invs), pv.CallCount)
}

// waitQuietly waits for a run to end without executing it here.
func (w *world) waitQuietly(id int, within time.Duration) *ent.BillingRun {
	w.t.Helper()
	deadline := time.Now().Add(within)
	for {
		run, err := w.c.BillingRun.Get(w.ctx, id)
		if err != nil {
			w.t.Fatal(err)
		}
		if run.Status == billingrun.StatusCompleted || run.Status == billingrun.StatusFailed || time.Now().After(deadline) {
			return run
		}
		time.Sleep(100 * time.Millisecond)
	}
}
