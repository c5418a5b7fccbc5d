package analysis_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/jobs"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// second opens another runtime on the fixture's database, as a second API
// process would: its own connections, its own services.
func second(t *testing.T, f *fixture) *app.App {
	t.Helper()
	a, err := app.Open(f.ctx, f.env.Config, testenv.Logger(), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return a
}

func conflictNaming(t *testing.T, err error, file string) {
	t.Helper()
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), file) {
		t.Errorf("want a CONFLICT naming %s, got %v (%s)", file, err, apperr.CodeOf(err))
	}
}

// Issue 11, item 1: a re-analysis that has begun, paused before its write
// while another process processes the upload, must not take the processed
// upload back to UPLOADED (it would be processed, and charged, again).
func TestReanalysisPausedWhileProcessingCannotUndoIt(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			other := second(t, f)
			u := f.analyse(t, "upload.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			if u.Status != cdrupload.StatusReady || u.TotalPrice.IsZero() {
				t.Fatalf("the sample analysed to %s with total %s", u.Status, u.TotalPrice)
			}
			paused, resume := make(chan struct{}), make(chan struct{})
			var once sync.Once
			analysis.SetTestHook(f.svc, func(point string) error {
				if point == "request-analysis" {
					once.Do(func() { close(paused); <-resume })
				}
				return nil
			})
			errc := make(chan error, 1)
			go func() { _, err := f.svc.RequestAnalysis(f.ctx, u.ID); errc <- err }()
			<-paused
			if _, err := other.Analysis.RequestProcessing(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if err := other.Analysis.Process(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			close(resume)
			conflictNaming(t, <-errc, "upload.csv")
			got := f.upload(t, u.ID)
			if got.Status != cdrupload.StatusProcessed {
				t.Errorf("the re-analysis took the processed upload to %s", got.Status)
			}
			if _, err := f.svc.RequestAnalysis(f.ctx, u.ID); err == nil {
				t.Error("a processed upload was re-analysed")
			}
			if err := f.svc.Process(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if total := unbilled(t, f); !total.Equal(u.TotalPrice) {
				t.Errorf("unbilled %s after one processing of an upload worth %s", total, u.TotalPrice)
			}
		})
	}
}

// Issue 11, item 1: process and re-analyse requests at once, from two
// processes: either processing wins and every re-analysis is refused, or a
// re-analysis wins and every process request is refused — never a request
// answered success and then dropped — and the totals are added once.
func TestProcessAndReanalyseRacingOneKindWins(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	other := second(t, f)
	services := []*analysis.Service{f.svc, other.Analysis}
	wins := map[string]int{}
	for trial := range 8 {
		u := f.analyse(t, "race.csv", syntheticCDR(300, uint64(100+trial)))
		before := unbilled(t, f)
		start := make(chan struct{})
		type result struct {
			process bool
			run     int
			err     error
		}
		results := make(chan result, 12)
		var wg sync.WaitGroup
		for i := range 12 {
			svc := services[i%2]
			wg.Go(func() {
				<-start
				if i%3 == 0 {
					run, err := svc.RequestAnalysis(f.ctx, u.ID)
					results <- result{false, run, err}
				} else {
					run, err := svc.RequestProcessing(f.ctx, u.ID)
					results <- result{true, run, err}
				}
			})
		}
		close(start)
		wg.Wait()
		close(results)
		var processOK, reanalyseOK, maxRun int
		for r := range results {
			if r.err != nil {
				conflictNaming(t, r.err, "race.csv")
				continue
			}
			if r.process {
				processOK++
			} else {
				reanalyseOK++
				maxRun = max(maxRun, r.run)
			}
		}
		got := f.upload(t, u.ID)
		switch {
		case processOK > 0 && reanalyseOK > 0:
			t.Fatalf("trial %d: %d process and %d re-analyse requests all answered success; the upload is %s", trial, processOK, reanalyseOK, got.Status)
		case processOK > 0:
			wins["process"]++
			if got.Status != cdrupload.StatusProcessing {
				t.Fatalf("trial %d: processing was accepted but the upload is %s", trial, got.Status)
			}
			var pw sync.WaitGroup
			for _, svc := range services { // a duplicate delivery on each process
				pw.Go(func() {
					if err := svc.Process(f.ctx, u.ID); err != nil {
						t.Error(err)
					}
				})
			}
			pw.Wait()
			if added := unbilled(t, f).Sub(before); !added.Equal(u.TotalPrice) {
				t.Errorf("trial %d: processing added %s for an upload worth %s", trial, added, u.TotalPrice)
			}
		case reanalyseOK > 0:
			wins["re-analyse"]++
			if got.Status != cdrupload.StatusUploaded || got.AnalysisRun != u.AnalysisRun+reanalyseOK || maxRun != got.AnalysisRun {
				t.Fatalf("trial %d: %d re-analyses accepted from run %d; the upload is %s at run %d (latest answered %d)",
					trial, reanalyseOK, u.AnalysisRun, got.Status, got.AnalysisRun, maxRun)
			}
			if !unbilled(t, f).Equal(before) {
				t.Errorf("trial %d: an upload taken back to re-analysis changed the unbilled total", trial)
			}
			if err := f.svc.Analyse(f.ctx, u.ID, got.AnalysisRun); err != nil {
				t.Fatal(err)
			}
			// Leave it processed, so the next trial's file is the only one in play.
			if _, err := f.svc.RequestProcessing(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if err := f.svc.Process(f.ctx, u.ID); err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("trial %d: every request was refused", trial)
		}
	}
	t.Logf("winners over the trials: %v", wins)
}

// Issue 11, item 8: a run superseded by a newer request stops at once: it
// writes no more progress over the new request and returns ErrStale long
// before it would have read the whole file; the new run ends as a clean
// run does.
func TestSupersededRunStopsPromptly(t *testing.T) {
	// Long enough that the first run is still reading when it is superseded.
	const supersededCalls = 150_000
	f := newFixture(t, testenv.MySQL)
	u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "big.csv", File: bytes.NewReader(syntheticCDR(supersededCalls, 9))})
	if err != nil {
		t.Fatal(err)
	}
	run, err := f.svc.RequestAnalysis(f.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- f.svc.Analyse(f.ctx, u.ID, run) }()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		at := f.upload(t, u.ID)
		if at.Phase == string(analysis.PhaseReading) && at.LinesDone > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first run never got to reading: %s %s", at.Status, at.Phase)
		}
	}
	next, err := f.svc.RequestAnalysis(f.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	asked := time.Now()
	var old error
	for old == nil {
		select {
		case old = <-errc:
			if old == nil {
				old = errors.New("nil: the superseded run reported success")
			}
		case <-time.After(20 * time.Millisecond):
			at := f.upload(t, u.ID)
			if at.Status != cdrupload.StatusUploaded || at.Phase != string(analysis.PhaseQueued) || at.LinesDone != 0 {
				t.Fatalf("%s after the new request the upload shows %s, phase %s, %d lines: the old run still writes",
					time.Since(asked).Round(time.Millisecond), at.Status, at.Phase, at.LinesDone)
			}
		}
	}
	if !errors.Is(old, analysis.ErrStale) {
		t.Errorf("the superseded run ended with %v, want ErrStale", old)
	}
	if took := time.Since(asked); took > 3*time.Second {
		t.Errorf("the superseded run took %s to stop", took)
	}
	if err := f.svc.Analyse(f.ctx, u.ID, next); err != nil {
		t.Fatal(err)
	}
	got := f.upload(t, u.ID)
	addsUp(t, got)
	if got.Status != cdrupload.StatusReady || got.LinesRead != supersededCalls {
		t.Fatalf("the new run ended %s with %d lines read", got.Status, got.LinesRead)
	}
	if n, err := f.env.App.DB.Client.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx); err != nil || int64(n) != got.LinesRead-got.Unreadable {
		t.Errorf("%d calls stored (%v) for %d readable lines", n, err, got.LinesRead-got.Unreadable)
	}
}

// Issue 11, item 6: a failed analysis whose clean-up delete fails keeps no
// call visible or countable, and the re-drive deletes them.
func TestFailedAnalysisCallsNeverCountAndAreCleared(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			kept := f.analyse(t, "kept.csv", fixtures.Read(t, "cdr/asterisk-sample.csv"))
			if kept.Priced == 0 {
				t.Fatal("the sample priced nothing")
			}
			var failedCleanUps int
			analysis.SetTestHook(f.svc, func(point string) error {
				switch point {
				case "totals":
					return errors.New("the database went away") // the analysis fails after its calls are loaded
				case "clean-up":
					if failedCleanUps == 0 {
						failedCleanUps++
						return errors.New("lock wait timeout exceeded")
					}
				}
				return nil
			})
			u, err := f.svc.Upload(f.ctx, analysis.UploadInput{ProviderID: f.provider.ID, FileName: "broken.csv", File: bytes.NewReader(syntheticCDR(2_000, 5))})
			if err != nil {
				t.Fatal(err)
			}
			failed := f.reanalyse(t, u.ID)
			if failed.Status != cdrupload.StatusFailed || failedCleanUps != 1 {
				t.Fatalf("the analysis ended %s after %d failed clean-ups", failed.Status, failedCleanUps)
			}
			c := f.env.App.DB.Client
			left, err := c.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx)
			if err != nil || left == 0 {
				t.Fatalf("%d calls left behind (%v): the clean-up's failure was not reproduced", left, err)
			}
			// Everything a clerk reads sees only the kept upload's calls.
			var data struct {
				CallTotals struct {
					Calls int
					Price string
				}
				Calls struct{ TotalCount int }
			}
			f.env.MustDo(t, `{ callTotals { calls price } calls(first: 1) { totalCount } }`, nil, &data)
			if readable := int(kept.LinesRead - kept.Unreadable); data.CallTotals.Calls != readable || data.Calls.TotalCount != readable {
				t.Errorf("callTotals counts %d calls and the calls list %d; only the %d of the kept upload stand",
					data.CallTotals.Calls, data.Calls.TotalCount, readable)
			}
			if data.CallTotals.Price != kept.TotalPrice.String() {
				t.Errorf("callTotals price %s, the kept upload's priced calls %s", data.CallTotals.Price, kept.TotalPrice)
			}
			var export bytes.Buffer
			if err := f.svc.WriteReport(f.ctx, &export, u.ID, analysis.ReportCalls, time.UTC); err != nil {
				t.Fatal(err)
			}
			if lines := strings.Count(export.String(), "\n"); lines != 1 {
				t.Errorf("the failed upload's calls export has %d lines, want the header alone", lines)
			}

			if err := jobs.Redrive(f.ctx, f.env.App.Queue, f.svc, false); err != nil {
				t.Fatal(err)
			}
			if left, err := c.Call.Query().Where(call.UploadID(u.ID)).Count(f.ctx); err != nil || left != 0 {
				t.Errorf("%d calls of the failed upload left after the re-drive (%v)", left, err)
			}
			if got := f.upload(t, u.ID); got.CallsToClear || got.Status != cdrupload.StatusFailed {
				t.Errorf("after the re-drive the upload is %s with calls to clear %v", got.Status, got.CallsToClear)
			}
		})
	}
}
