package billing_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

// reseller is a running Tollgate with the repository's sample rate sheet
// and peak times, an Asterisk provider and customers owning numbers.
type reseller struct {
	env      *testenv.Env
	ctx      context.Context
	provider *ent.Provider
	files    int
}

func newReseller(t *testing.T, mode testenv.Mode) *reseller {
	t.Helper()
	env := testenv.StartMode(t, mode)
	ctx := viewer.System(context.Background())
	env.LoadSampleRates(t, ctx)
	p, err := env.App.DB.Client.Provider.Create().SetName("Asterisk PBX").SetCdrFormat(provider.CdrFormatAsterisk).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &reseller{env: env, ctx: ctx, provider: p}
}

// customer adds a customer owning number.
func (r *reseller) customer(t *testing.T, ref, number string) *ent.Customer {
	t.Helper()
	cu, err := r.env.App.Customers.Create(r.ctx, ent.CreateCustomerInput{Reference: ref, Name: ref + " Ltd"},
		[]customers.CliInput{{Value: number}})
	if err != nil {
		t.Fatal(err)
	}
	return cu
}

// cdr writes n answered calls from each of the numbers, to a London
// number, in June 2026; every file gets unique ids of its own.
func (r *reseller) cdr(n int, numbers ...string) []byte {
	r.files++
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	for i := 0; i < n; i++ {
		for j, src := range numbers {
			start := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i*len(numbers)+j) * 7 * time.Second)
			fmt.Fprintf(w, `"","%s","02079460123","from-internal","""X"" <%s>","SIP/1","SIP/2","Dial","x","%s","%s","%s",%d,%d,"ANSWERED","DOCUMENTATION","f%d.%d.%d",""`+"\n",
				src, src, start.Format(time.DateTime), start.Format(time.DateTime),
				start.Add(time.Duration(30+i%300)*time.Second).Format(time.DateTime), 33+i%300, 30+i%300, r.files, i, j)
		}
	}
	w.Flush()
	return b.Bytes()
}

// upload stores a file and asks for its analysis; the run is returned for
// Analyse.
func (r *reseller) upload(t *testing.T, content []byte) (id, run int) {
	t.Helper()
	a := r.env.App.Analysis
	u, err := a.Upload(r.ctx, analysis.UploadInput{ProviderID: r.provider.ID, FileName: fmt.Sprintf("calls-%d.csv", r.files), File: bytes.NewReader(content)})
	if err != nil {
		t.Fatal(err)
	}
	run, err = a.RequestAnalysis(r.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID, run
}

// ready uploads a file and analyses it to the end, in-process.
func (r *reseller) ready(t *testing.T, content []byte) int {
	t.Helper()
	id, run := r.upload(t, content)
	if err := r.env.App.Analysis.Analyse(r.ctx, id, run); err != nil {
		t.Fatal(err)
	}
	if u := r.get(t, id); u.Status != cdrupload.StatusReady || u.Priced == 0 {
		t.Fatalf("upload %d is %s with %d priced calls after its analysis; want READY with priced calls", id, u.Status, u.Priced)
	}
	return id
}

// askToProcess moves a ready upload to PROCESSING, as the clerk's request
// does; Process then does the work.
func (r *reseller) askToProcess(t *testing.T, id int) {
	t.Helper()
	if _, err := r.env.App.Analysis.RequestProcessing(r.ctx, id); err != nil {
		t.Fatal(err)
	}
}

// process asks for an upload's processing and does it, in-process.
func (r *reseller) process(t *testing.T, id int) {
	t.Helper()
	r.askToProcess(t, id)
	if err := r.env.App.Analysis.Process(r.ctx, id); err != nil {
		t.Fatal(err)
	}
}

func (r *reseller) get(t *testing.T, id int) *ent.CdrUpload {
	t.Helper()
	u, err := r.env.App.DB.Client.CdrUpload.Get(r.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// noDrift fails the test when the unbilled invariant does not hold.
func (r *reseller) noDrift(t *testing.T) {
	t.Helper()
	drift, err := r.env.App.Billing.UnbilledDrift(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range drift {
		t.Errorf("unbilled invariant broken: %s", d)
	}
}

// lockWaits counts the transactions of this test's database waiting for a
// row lock: the signal that one operation is held up behind another.
func lockWaits(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM information_schema.INNODB_TRX t
		JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
		WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
