package app_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/workload"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// worker is a separate `tollgate worker` process on the test's database.
type worker struct{ cmd *exec.Cmd }

func startWorker(t *testing.T, bin string, a *app.App) *worker {
	t.Helper()
	cmd := exec.Command(bin, "worker", "--data-dir", a.Config.DataDir)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+a.Config.DatabaseURL, "REDIS_URL="+a.Config.RedisURL, "LOG_LEVEL=error",
		"TOLLGATE_ANALYSIS_LEASE=3s", // a dead worker's upload is taken over 3 s after its last renewal
		"TOLLGATE_REDRIVE_EVERY=1s")  // by the next re-drive
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd}
	t.Cleanup(w.kill)
	return w
}

// kill ends the process at once, as a crash or `kill -9` does.
func (w *worker) kill() {
	if w.cmd.ProcessState == nil {
		_ = w.cmd.Process.Signal(syscall.SIGKILL)
		_ = w.cmd.Wait()
	}
}

func waitStatus(t *testing.T, ctx context.Context, c *ent.Client, id int, want cdrupload.Status, within time.Duration) *ent.CdrUpload {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		u, err := c.CdrUpload.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if u.Status == want {
			return u
		}
		if u.Status == cdrupload.StatusFailed || time.Now().After(deadline) {
			t.Fatalf("upload is %s (%s) after %s, want %s", u.Status, u.FailureReason, within, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Nothing lost: worker processes killed (SIGKILL) at random moments of an
// analysis and of a processing, then started again, end with exactly the
// counts the generated file must give, and every customer's unbilled total
// adds up to the upload's priced calls — each applied once.
func TestKilledWorkersLoseNothing(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL)
	bin := testenv.BuildTollgate(t)
	ctx := viewer.System(context.Background())
	a, err := app.Open(ctx, cfg, testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c := a.DB.Client

	wl, err := workload.New(workload.Config{Seed: 11, Customers: 200, Clis: 800, Rates: 300, Calls: 300_000, Format: "asterisk"})
	if err != nil {
		t.Fatal(err)
	}
	prov := testenv.Reseller(t, a, wl, "Killed carrier")
	var cdrFile bytes.Buffer
	want, err := wl.WriteCDR(&cdrFile)
	if err != nil {
		t.Fatal(err)
	}
	u, err := a.Analysis.Upload(ctx, analysis.UploadInput{ProviderID: prov.ID, FileName: "month.csv", File: &cdrFile})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Analysis.StartAnalysis(ctx, u.ID); err != nil {
		t.Fatal(err)
	}

	r := rand.New(rand.NewPCG(3, 4))
	kills := 0
	lastOwner := ""
	for i := 0; i < 3; i++ {
		w := startWorker(t, bin, a)
		// Wait until this worker holds the upload and is part way through
		// the file, then kill it.
		var at *ent.CdrUpload
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if at, err = c.CdrUpload.Get(ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if at.Status == cdrupload.StatusReady || (at.Status == cdrupload.StatusAnalysing && at.LeaseOwner != lastOwner && at.LinesDone > 0) {
				break
			}
		}
		lastOwner = at.LeaseOwner
		time.Sleep(time.Duration(r.IntN(400)) * time.Millisecond)
		w.kill()
		if at.Status == cdrupload.StatusReady {
			break // it finished first
		}
		kills++
		t.Logf("killed a worker in phase %s at line %d of %d", at.Phase, at.LinesDone, want.Lines)
	}
	if kills == 0 {
		t.Fatal("no worker was killed during the analysis: the test proved nothing")
	}
	startWorker(t, bin, a) // the worker comes back and stays
	got := waitStatus(t, ctx, c, u.ID, cdrupload.StatusReady, 3*time.Minute)
	for name, pair := range map[string][2]int64{
		"lines read": {got.LinesRead, want.LinesRead}, "priced": {got.Priced, want.Priced},
		"without customer": {got.WithoutCustomer, want.NoCustomer}, "without rate": {got.WithoutRate, want.NoRate},
		"zero duration": {got.ZeroDuration, want.ZeroDuration}, "duplicates": {got.Duplicates, want.Duplicates},
		"unreadable": {got.Unreadable, want.Unreadable},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s: %d after %d kills, the file holds %d", name, pair[0], kills, pair[1])
		}
	}
	if n, err := c.Call.Query().Count(ctx); err != nil || int64(n) != got.LinesRead-got.Unreadable {
		t.Errorf("%d calls stored (%v) for %d readable lines: a killed run left calls behind", n, err, got.LinesRead-got.Unreadable)
	}

	// Processing, killed too.
	if _, err := a.Analysis.StartProcessing(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	w := startWorker(t, bin, a)
	time.Sleep(time.Duration(r.IntN(300)) * time.Millisecond)
	w.kill()
	startWorker(t, bin, a)
	got = waitStatus(t, ctx, c, u.ID, cdrupload.StatusProcessed, 3*time.Minute)
	customers, err := c.Customer.Query().All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for _, cu := range customers {
		sum = sum.Add(cu.UnbilledTotal)
	}
	if !sum.Equal(got.TotalPrice) || sum.IsZero() {
		t.Errorf("customers' unbilled totals add up to %s; the upload's priced calls to %s", sum, got.TotalPrice)
	}
}
