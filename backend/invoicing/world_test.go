package invoicing_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/billingrun"
	"github.com/tollgate/tollgate/ent/billingschedule"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/charge"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/provider"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// world is a reseller's database for billing tests: customers, a monthly
// schedule, and processed uploads of priced calls written straight into the
// tables, as analysis and processing leave them.
type world struct {
	t        testing.TB
	ctx      context.Context
	env      *testenv.Env // nil for a runtime opened without a server and worker
	a        *app.App
	c        *ent.Client
	provider *ent.Provider
	schedule *ent.BillingSchedule
	uploads  int
	line     int
}

func newWorld(t testing.TB, mode testenv.Mode) *world {
	env := testenv.StartMode(t, mode)
	return worldOf(t, env)
}

func worldOf(t testing.TB, env *testenv.Env) *world {
	w := worldIn(t, env.App)
	w.env = env
	return w
}

func worldIn(t testing.TB, a *app.App) *world {
	ctx := viewer.System(context.Background())
	c := a.DB.Client
	w := &world{t: t, ctx: ctx, a: a, c: c}
	var err error
	if w.provider, err = c.Provider.Query().Where(provider.Name("Carrier")).Only(ctx); ent.IsNotFound(err) {
		w.provider, err = c.Provider.Create().SetName("Carrier").SetCdrFormat(provider.CdrFormatFreeswitch).Save(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
	if w.schedule, err = c.BillingSchedule.Query().Where(billingschedule.Name("Monthly")).Only(ctx); ent.IsNotFound(err) {
		w.schedule, err = c.BillingSchedule.Create().SetName("Monthly").SetFrequency(billingschedule.FrequencyMonthly).SetAnchorDay(1).Save(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) svc() *invoicing.Service { return w.a.Invoicing }

// customer adds a customer on the monthly schedule.
func (w *world) customer(ref, name string, set func(*ent.CustomerCreate)) *ent.Customer {
	w.t.Helper()
	cr := w.c.Customer.Create().SetReference(ref).SetName(name).SetSchedule(w.schedule)
	if set != nil {
		set(cr)
	}
	cu, err := cr.Save(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return cu
}

// pcall is one priced call of a customer: its start, its price and its
// site (nil for none).
type pcall struct {
	customer *ent.Customer
	site     *ent.Site
	start    time.Time
	price    string
}

// upload stores a processed upload holding calls, and adds their prices to
// the customers' unbilled totals as processing does.
func (w *world) upload(calls ...pcall) *ent.CdrUpload {
	w.t.Helper()
	w.uploads++
	u, err := w.c.CdrUpload.Create().SetProvider(w.provider).SetFileName(fmt.Sprintf("cdr-%d.csv", w.uploads)).
		SetSha256(fmt.Sprintf("%064d", w.uploads)).SetBlobKey(fmt.Sprintf("uploads/%d", w.uploads)).
		SetStatus(cdrupload.StatusProcessed).SetProcessedAt(time.Now().UTC()).Save(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	added := map[int]decimal.Decimal{}
	counts := map[int]int64{}
	units := map[int]int64{}
	var bulk []*ent.CallCreate
	for _, pc := range calls {
		w.line++
		price := dec(pc.price)
		cr := w.c.Call.Create().SetUploadID(u.ID).SetLine(w.line).SetStatus(call.StatusPriced).
			SetSource("441632960000").SetDestination("441632961111").SetStart(pc.start.UTC()).SetDuration(60).SetBillableSeconds(60).
			SetPriceUnits(price.Shift(4).IntPart()).SetPriceDecimals(4).SetDupKey(int64(w.line)).SetCustomerID(pc.customer.ID)
		if pc.site != nil {
			cr.SetSiteID(pc.site.ID)
		}
		bulk = append(bulk, cr)
		added[pc.customer.ID] = added[pc.customer.ID].Add(price)
		counts[pc.customer.ID]++
		units[pc.customer.ID] += price.Shift(4).IntPart()
		if len(bulk) == 500 {
			if err := w.c.Call.CreateBulk(bulk...).Exec(w.ctx); err != nil {
				w.t.Fatal(err)
			}
			bulk = bulk[:0]
		}
	}
	if len(bulk) > 0 {
		if err := w.c.Call.CreateBulk(bulk...).Exec(w.ctx); err != nil {
			w.t.Fatal(err)
		}
	}
	for id, sum := range added {
		cu, err := w.c.Customer.Get(w.ctx, id)
		if err != nil {
			w.t.Fatal(err)
		}
		if err := cu.Update().SetUnbilledTotal(cu.UnbilledTotal.Add(sum)).Exec(w.ctx); err != nil {
			w.t.Fatal(err)
		}
		if err := w.c.UploadCustomerTotal.Create().SetUploadID(u.ID).SetCustomerID(id).SetCalls(counts[id]).
			SetPriceUnits(units[id]).SetPriceDecimals(4).Exec(w.ctx); err != nil {
			w.t.Fatal(err)
		}
	}
	return u
}

// recurring puts a recurring monthly charge on a customer.
func (w *world) recurring(cu *ent.Customer, desc, price, qty string, start rules.Date, billedThrough *rules.Date) *ent.Charge {
	w.t.Helper()
	cr := w.c.Charge.Create().SetCustomer(cu).SetKind(charge.KindAdjustment).SetDescription(desc).
		SetRecurrence(charge.RecurrenceMonthly).SetQuantity(dec(qty)).SetUnitPrice(dec(price)).SetAmount(dec(price).Mul(dec(qty))).
		SetStartDate(day(start))
	if billedThrough != nil {
		cr.SetBilledThrough(day(*billedThrough))
	}
	ch, err := cr.Save(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return ch
}

func day(d rules.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// at is an instant in the deployment's zone (Europe/London).
func at(y int, m time.Month, d, h int) time.Time {
	loc, _ := time.LoadLocation("Europe/London")
	return time.Date(y, m, d, h, 0, 0, 0, loc)
}

// bill starts a run and waits for it to end, helping the worker along by
// executing it here too (the lease lets one of them work).
func (w *world) bill(in invoicing.RunInput) *ent.BillingRun {
	w.t.Helper()
	run, err := w.svc().Start(w.ctx, in)
	if err != nil {
		w.t.Fatalf("start %+v: %v", in, err)
	}
	return w.wait(run.ID)
}

func (w *world) wait(id int) *ent.BillingRun {
	w.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := w.svc().Execute(w.ctx, id)
		if err != nil && !errors.Is(err, invoicing.ErrDone) && !errors.Is(err, invoicing.ErrBusy) {
			w.t.Fatalf("execute run %d: %v", id, err)
		}
		run, err := w.c.BillingRun.Get(w.ctx, id)
		if err != nil {
			w.t.Fatal(err)
		}
		if run.Status == billingrun.StatusCompleted || run.Status == billingrun.StatusFailed {
			return run
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("run %d still %s after a minute", id, run.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (w *world) customerByRef(ref string) *ent.Customer {
	w.t.Helper()
	cu, err := w.c.Customer.Query().Where(customer.Reference(ref)).Only(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	return cu
}
