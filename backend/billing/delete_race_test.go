package billing_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/cli"
	entcustomer "github.com/tollgate/tollgate/ent/customer"
)

// bigFile is long enough that its analysis is still running when the test
// acts on it (about two seconds of MariaDB's time).
const bigFile = 100_000

// analyseInBackground starts the analysis of content and returns once it is
// reading the file, with a channel that gets its result.
func (r *reseller) analyseInBackground(t *testing.T, content []byte) (id int, done chan error) {
	t.Helper()
	id, run := r.upload(t, content)
	done = make(chan error, 1)
	go func() { done <- r.env.App.Analysis.Analyse(r.ctx, id, run) }()
	for {
		select {
		case err := <-done:
			t.Fatalf("the analysis ended (%v) before the test could act during it: make the file longer", err)
		case <-time.After(10 * time.Millisecond):
		}
		if u := r.get(t, id); u.Status == cdrupload.StatusAnalysing && u.LinesDone > 0 {
			return id, done
		}
	}
}

// Deleting a customer while an analysis may be pricing calls to it is
// refused, naming the upload; once the upload is processed its calls are
// the customer's unbilled calls, and the customer cannot be deleted at all.
func TestCustomerDeleteIsRefusedWhileAnAnalysisMayPriceItsCalls(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			r := newReseller(t, mode)
			victim := r.customer(t, "GONE", "01134960001")
			r.customer(t, "STAYS", "01134960002")
			id, done := r.analyseInBackground(t, r.cdr(bigFile/2, "01134960001", "01134960002"))
			err := r.env.App.Customers.Delete(r.ctx, victim.ID)
			name := r.get(t, id).FileName
			if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), name) {
				t.Errorf("delete during the analysis of %s: %v; want CONFLICT naming the upload", name, err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			err = r.env.App.Customers.Delete(r.ctx, victim.ID)
			if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "not processed") {
				t.Errorf("delete with calls in a ready upload: %v; want CONFLICT naming %s as not processed", err, name)
			}
			r.process(t, id)
			if err := r.env.App.Customers.Delete(r.ctx, victim.ID); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("delete with unbilled calls: %v; want CONFLICT", err)
			}
			cu, err := r.env.App.DB.Client.Customer.Get(r.ctx, victim.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !cu.UnbilledTotal.IsPositive() {
				t.Errorf("the customer's unbilled total is %s after processing its calls", cu.UnbilledTotal)
			}
			r.noDrift(t)
		})
	}
}

// A customer that goes while its calls are being priced — past the
// delete's checks, as when the delete commits just as an analysis loads
// the CLIs — is found when the analysis records its totals: the calls are
// matched again without it, so none is priced to a customer that does not
// exist and the unbilled totals still add up.
func TestCustomerGoneMidAnalysisIsMatchedAgain(t *testing.T) {
	r := newReseller(t, testenv.MySQL)
	victim := r.customer(t, "GONE", "01134960001")
	stays := r.customer(t, "STAYS", "01134960002")
	id, done := r.analyseInBackground(t, r.cdr(bigFile/2, "01134960001", "01134960002"))
	c := r.env.App.DB.Client
	tx, err := c.Tx(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Cli.Delete().Where(cli.HasCustomerWith(entcustomer.ID(victim.ID))).Exec(r.ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Customer.DeleteOneID(victim.ID).Exec(r.ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	u := r.get(t, id)
	if u.Status != cdrupload.StatusReady {
		t.Fatalf("upload %s: %s", u.Status, u.FailureReason)
	}
	if n, err := c.Call.Query().Where(call.UploadID(id), call.CustomerID(victim.ID)).Count(r.ctx); err != nil || n != 0 {
		t.Errorf("%d calls (%v) of the upload belong to the deleted customer; want none", n, err)
	}
	if u.Priced != bigFile/2 || u.WithoutCustomer != bigFile/2 {
		t.Errorf("priced %d, without customer %d; want %d each (the deleted customer's calls have no customer now)", u.Priced, u.WithoutCustomer, bigFile/2)
	}
	r.process(t, id)
	cu, err := c.Customer.Get(r.ctx, stays.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !cu.UnbilledTotal.Equal(u.TotalPrice) {
		t.Errorf("the remaining customer's unbilled total is %s; want the upload's total %s", cu.UnbilledTotal, u.TotalPrice)
	}
	r.noDrift(t)
}

// Processing never adds a customer's calls to nobody: if a customer with
// priced calls in a ready upload is gone (removed behind the service's
// checks), the processing is refused and changes nothing.
func TestProcessingRefusesACustomerThatIsGone(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			r := newReseller(t, mode)
			victim := r.customer(t, "GONE", "01134960001")
			r.customer(t, "STAYS", "01134960002")
			id := r.ready(t, r.cdr(20, "01134960001", "01134960002"))
			c := r.env.App.DB.Client
			if _, err := c.Cli.Delete().Where(cli.HasCustomerWith(entcustomer.ID(victim.ID))).Exec(r.ctx); err != nil {
				t.Fatal(err)
			}
			if err := c.Customer.DeleteOneID(victim.ID).Exec(r.ctx); err != nil {
				t.Fatal(err)
			}
			r.askToProcess(t, id)
			if err := r.env.App.Analysis.Process(r.ctx, id); err == nil {
				t.Error("processing an upload with calls priced to a deleted customer succeeded; want it refused")
			}
			if u := r.get(t, id); u.Status == cdrupload.StatusProcessed {
				t.Errorf("upload %s after the refusal; want it left to be analysed again", u.Status)
			}
			r.noDrift(t)
		})
	}
}
