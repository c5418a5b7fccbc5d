package analysis_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/provider"
)

// impatientPool opens the test's MariaDB database with a one-second lock
// wait, so any lock an analysis waits for shows as an error (or a retry)
// instead of a slow test.
func impatientPool(t *testing.T, f *fixture) *sql.DB {
	t.Helper()
	cfg, err := platform.MySQLConfig(f.env.Config.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Params["innodb_lock_wait_timeout"] = "1"
	db, err := platform.OpenMySQL(f.ctx, cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.DB
}

// retryCounter counts the analysis's log lines about retried lock losses,
// and keeps the references of its errors.
type retryCounter struct {
	slog.Handler
	n       *atomic.Int64
	refs    chan string   // nil: not kept
	retried chan struct{} // nil: not told
}

func (r retryCounter) Handle(ctx context.Context, rec slog.Record) error {
	if strings.Contains(rec.Message, "lost a lock") {
		r.n.Add(1)
		select {
		case r.retried <- struct{}{}:
		default:
		}
	}
	if r.refs != nil {
		rec.Attrs(func(a slog.Attr) bool {
			if a.Key == "ref" {
				r.refs <- a.Value.String()
			}
			return true
		})
	}
	return r.Handler.Handle(ctx, rec)
}

func (r retryCounter) WithAttrs(a []slog.Attr) slog.Handler {
	return retryCounter{r.Handler.WithAttrs(a), r.n, r.refs, r.retried}
}

// watchedService is the fixture's analysis service counting the lock
// retries it logs, with a watch over the InnoDB lock waits on the test's
// tables while it works.
func watchedService(t *testing.T, f *fixture) (*analysis.Service, *atomic.Int64) {
	svc := *f.svc
	n := &atomic.Int64{}
	svc.Log = slog.New(retryCounter{slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}), n, nil, nil})
	return &svc, n
}

// lockWaits samples the lock waits on the test database's tables until
// stop is called, and returns them by kind ("RECORD calls", "TABLE
// AUTO_INC calls"). A sample can miss a short wait; a wait of the kind that
// held loads up for minutes is seen.
func lockWaits(t *testing.T, f *fixture) (stop func() map[string]int) {
	ctx, cancel := context.WithCancel(f.ctx)
	seen := map[string]int{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			rows, err := f.env.App.DB.DB.QueryContext(ctx, `SELECT l.lock_type, l.lock_mode, l.lock_table
				FROM information_schema.INNODB_LOCK_WAITS w JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id
				WHERE l.lock_table LIKE CONCAT('`+"`"+`', DATABASE(), '`+"`"+`.%')`)
			if err == nil {
				for rows.Next() {
					var typ, mode, table string
					if rows.Scan(&typ, &mode, &table) == nil {
						seen[typ+" "+mode+" "+table]++
					}
				}
				rows.Close()
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() map[string]int {
		cancel()
		<-done
		return seen
	}
}

// rowLockWaits are the waits for row locks (not the AUTO-INC table lock,
// which MariaDB's default innodb_autoinc_lock_mode=1 takes for each bulk
// load: it queues loads one behind the other whatever the calls are).
func rowLockWaits(waits map[string]int) map[string]int {
	out := map[string]int{}
	for k, n := range waits {
		if !strings.Contains(k, "AUTO_INC") {
			out[k] = n
		}
	}
	return out
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// analyseTogether stores the files, then runs their analyses at once, each
// in its own goroutine with its own connections, and returns the uploads as
// they ended.
func analyseTogether(t *testing.T, f *fixture, svc *analysis.Service, providerID int, files map[string][]byte) map[string]*ent.CdrUpload {
	t.Helper()
	type job struct{ id, run int }
	jobs := map[string]job{}
	for name, content := range files {
		u, err := svc.Upload(f.ctx, analysis.UploadInput{ProviderID: providerID, FileName: name, File: bytes.NewReader(content)})
		if err != nil {
			t.Fatal(err)
		}
		run, err := svc.RequestAnalysis(f.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		jobs[name] = job{u.ID, run}
	}
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
	)
	for name, j := range jobs {
		wg.Go(func() {
			<-start
			if err := svc.Analyse(f.ctx, j.id, j.run); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		})
	}
	close(start)
	wg.Wait()
	out := map[string]*ent.CdrUpload{}
	for name, j := range jobs {
		out[name] = f.upload(t, j.id)
	}
	return out
}

// Four files of one provider over the same month, sharing no call, analysed
// at the same time: none waits for another's locks, all end Ready.
func TestUnrelatedUploadsAnalysedTogetherNeverWait(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	svc, retries := watchedService(t, f)
	files := map[string][]byte{}
	for i := range 4 {
		files[fmt.Sprintf("trunk-%d.csv", i)] = syntheticCDR(unrelatedCalls, uint64(100+i))
	}
	begin := time.Now()
	stop := lockWaits(t, f)
	ended := analyseTogether(t, f, svc, f.provider.ID, files)
	waits := stop()
	for name, u := range ended {
		if u.Status != cdrupload.StatusReady || u.LinesRead != unrelatedCalls || u.Duplicates != 0 {
			t.Errorf("%s: %s (%q), %d lines read, %d duplicates; want Ready, %d, 0", name, u.Status, u.FailureReason, u.LinesRead, u.Duplicates, unrelatedCalls)
		}
		addsUp(t, u)
	}
	if n := retries.Load(); n != 0 {
		t.Errorf("the analyses lost locks to each other %d times", n)
	}
	if w := rowLockWaits(waits); len(w) > 0 {
		t.Errorf("the analyses waited for row locks: %v", w)
	}
	t.Logf("four %d-call analyses at once took %s; lock waits seen: %v", unrelatedCalls, time.Since(begin).Round(time.Millisecond), waits)
}

// sharedKeys checks every call key two uploads share is flagged in exactly
// one of them, and returns how many keys they share.
func sharedKeys(t *testing.T, f *fixture, a, b int) int {
	t.Helper()
	var shared, wrong int
	err := f.env.App.DB.DB.QueryRowContext(f.ctx, `SELECT COUNT(*), COALESCE(SUM(d <> 1), 0) FROM (
		SELECT dup_key, SUM(status = 'DUPLICATE') AS d FROM calls WHERE upload_id IN (?, ?)
		GROUP BY dup_key HAVING COUNT(DISTINCT upload_id) = 2) k`, a, b).Scan(&shared, &wrong)
	if err != nil {
		t.Fatal(err)
	}
	if wrong != 0 {
		t.Errorf("%d of the %d calls in both uploads are flagged in both or in neither", wrong, shared)
	}
	return shared
}

// The sizes of the concurrency tests' files: large enough that the
// analyses' loads and duplicate steps overlap in time, small enough that
// the package's tests stay within minutes on a loaded two-core CI box.
const (
	unrelatedCalls   = 25_000
	overlappingCalls = 12_000
	overlappingExtra = 8_000
)

// overlapping returns two files of one month sharing every third line of
// the first.
func overlapping(seed uint64) (a, b []byte, shared int) {
	lines := strings.SplitAfter(string(syntheticCDR(overlappingCalls, seed)), "\n")
	lines = lines[:len(lines)-1]
	var sb strings.Builder
	for i, l := range lines {
		if i%3 == 0 {
			sb.WriteString(l)
			shared++
		}
	}
	sb.Write(syntheticCDR(overlappingExtra, seed+1000))
	return []byte(strings.Join(lines, "")), []byte(sb.String()), shared
}

// Two files repeating each other's calls, analysed at the same time, flag
// each repeated call exactly once: one of the pair keeps it.
func TestOverlappingUploadsAnalysedTogetherFlagEachDuplicateOnce(t *testing.T) {
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			f := newFixture(t, mode)
			svc, retries := watchedService(t, f)
			stop := func() map[string]int { return nil }
			if mode == testenv.MySQL {
				stop = lockWaits(t, f)
			}
			for trial := range 3 {
				// A provider per trial: its files are compared with nobody else's.
				p, err := f.env.App.DB.Client.Provider.Create().SetName(fmt.Sprintf("Trunk %d", trial)).SetCdrFormat(provider.CdrFormatAsterisk).Save(f.ctx)
				if err != nil {
					t.Fatal(err)
				}
				a, b, want := overlapping(uint64(10 + trial))
				got := analyseTogether(t, f, svc, p.ID, map[string][]byte{"a.csv": a, "b.csv": b})
				ua, ub := got["a.csv"], got["b.csv"]
				for _, u := range got {
					if u.Status != cdrupload.StatusReady {
						t.Fatalf("trial %d: %s is %s: %q", trial, u.FileName, u.Status, u.FailureReason)
					}
					addsUp(t, u)
				}
				if n := sharedKeys(t, f, ua.ID, ub.ID); n != want {
					t.Errorf("trial %d: %d calls in both files, want %d", trial, n, want)
				}
				if ua.Duplicates+ub.Duplicates != int64(want) {
					t.Errorf("trial %d: %d + %d duplicates, want %d in all", trial, ua.Duplicates, ub.Duplicates, want)
				}
			}
			if n := retries.Load(); n != 0 {
				t.Errorf("the analyses lost locks to each other %d times", n)
			}
			if w := rowLockWaits(stop()); len(w) > 0 {
				t.Errorf("the analyses waited for row locks: %v", w)
			}
		})
	}
}

// The duplicates step reads and locks only the calls of the uploads it
// compares: an unrelated upload's load in flight (its inserted rows not yet
// committed, spread over the whole duplicate key index as a LOAD DATA's
// are) never makes it wait.
func TestDuplicatesStepLocksNoUnrelatedCalls(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	a, b, want := overlapping(3)
	ua := f.analyse(t, "a.csv", a)
	ub := f.analyse(t, "b.csv", b)
	if ub.Duplicates != int64(want) {
		t.Fatalf("b: %d duplicates, want %d", ub.Duplicates, want)
	}
	db := f.env.App.DB.DB
	flagged := duplicateIDs(t, f, ub.ID)
	// Unflag them, so the step has its work to do again.
	if _, err := db.ExecContext(f.ctx, `UPDATE calls SET status = 'PRICED' WHERE upload_id = ? AND status = 'DUPLICATE'`, ub.ID); err != nil {
		t.Fatal(err)
	}

	// Another upload's 60,000 calls, inserted and not committed.
	tx, err := db.BeginTx(f.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	r := rand.New(rand.NewPCG(9, 9))
	for lo := 0; lo < 60_000; lo += 1000 {
		var q strings.Builder
		q.WriteString(`INSERT INTO calls (upload_id, line, status, source, destination, start, duration, billable_seconds, price_units, price_decimals, dup_key) VALUES `)
		for i := lo; i < lo+1000; i++ {
			if i > lo {
				q.WriteByte(',')
			}
			fmt.Fprintf(&q, "(%d, %d, 'PRICED', '441134960001', '442079460123', '2026-06-10 10:00:00', 60, 60, 10, 4, %d)", ua.ID+ub.ID+1000, i+1, int64(r.Uint64()))
		}
		if _, err := tx.ExecContext(f.ctx, q.String()); err != nil {
			t.Fatal(err)
		}
	}

	if err := analysis.FlagDuplicatesOn(f.ctx, impatientPool(t, f), ub.ID, f.provider.ID, []int{ua.ID}, true); err != nil {
		t.Fatalf("the step waited on an unrelated upload's rows: %v", err)
	}
	if again := duplicateIDs(t, f, ub.ID); fmt.Sprint(again) != fmt.Sprint(flagged) {
		t.Errorf("the step flagged %d calls, want the %d the analysis flagged", len(again), len(flagged))
	}
}

// duplicateIDs lists an upload's calls flagged as duplicates.
func duplicateIDs(t *testing.T, f *fixture, uploadID int) []int {
	t.Helper()
	rows, err := f.env.App.DB.DB.QueryContext(f.ctx, `SELECT id FROM calls WHERE upload_id = ? AND status = 'DUPLICATE' ORDER BY id`, uploadID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// Two duplicates steps deciding on each other's calls at the same moment
// (each on its own connection) still flag every shared call once: the step
// is serialised per provider.
func TestDuplicatesStepsAtOnceFlagEachCallOnce(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	a, b, want := overlapping(5)
	ua := f.analyse(t, "a.csv", a)
	ub := f.analyse(t, "b.csv", b)
	db := f.env.App.DB.DB
	for trial := range 4 {
		if _, err := db.ExecContext(f.ctx, `UPDATE calls SET status = 'PRICED' WHERE upload_id IN (?, ?) AND status = 'DUPLICATE'`, ua.ID, ub.ID); err != nil {
			t.Fatal(err)
		}
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
		)
		for _, pair := range [][2]int{{ua.ID, ub.ID}, {ub.ID, ua.ID}} {
			wg.Go(func() {
				<-start
				if err := analysis.FlagDuplicatesOn(f.ctx, db, pair[0], f.provider.ID, []int{pair[1]}, false); err != nil {
					t.Error(err)
				}
			})
		}
		close(start)
		wg.Wait()
		var flagged int
		if err := db.QueryRowContext(f.ctx, `SELECT COUNT(*) FROM calls WHERE upload_id IN (?, ?) AND status = 'DUPLICATE'`, ua.ID, ub.ID).Scan(&flagged); err != nil {
			t.Fatal(err)
		}
		if n := sharedKeys(t, f, ua.ID, ub.ID); n != want || flagged != want {
			t.Fatalf("trial %d: %d calls flagged of %d shared, want %d", trial, flagged, n, want)
		}
	}
}

// A step that keeps losing its locks is tried a few times, then the upload
// fails with a sentence for the clerk and a reference to the log, which
// holds the database's words.
func TestLockTimeoutsAreRetriedThenExplained(t *testing.T) {
	f := newFixture(t, testenv.MySQL)
	u := f.analyse(t, "calls.csv", syntheticCDR(2_000, 21))
	svc := *f.svc
	svc.SQL = impatientPool(t, f)
	retries := &atomic.Int64{}
	refs, retried := make(chan string, 16), make(chan struct{}, 16)
	svc.Log = slog.New(retryCounter{slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}), retries, refs, retried})

	// Another transaction holds one of the upload's calls, so clearing them
	// for the new run waits past the one-second lock wait every time.
	tx, err := f.env.App.DB.DB.BeginTx(f.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(f.ctx, `SELECT id FROM calls WHERE upload_id = ? ORDER BY line LIMIT 1 FOR UPDATE`, u.ID); err != nil {
		t.Fatal(err)
	}
	run, err := svc.RequestAnalysis(f.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Analyse(f.ctx, u.ID, run); err != nil {
		t.Fatal(err)
	}
	u = f.upload(t, u.ID)
	if u.Status != cdrupload.StatusFailed || !strings.Contains(u.FailureReason, "too busy") {
		t.Fatalf("%s: %q, want Failed saying the database was too busy", u.Status, u.FailureReason)
	}
	for _, driver := range []string{"Lock wait", "1205", "Error", "calls"} {
		if strings.Contains(u.FailureReason, driver) {
			t.Errorf("the clerk reads %q in %q", driver, u.FailureReason)
		}
	}
	if got := retries.Load(); got != 4 {
		t.Errorf("%d retries, want 4", got)
	}
	select {
	case ref := <-refs:
		if !strings.Contains(u.FailureReason, ref) {
			t.Errorf("the log's reference %s is not in %q", ref, u.FailureReason)
		}
	default:
		t.Error("the log holds no reference")
	}

	// Released while the analysis backs off: the retry finishes the run.
	for len(retried) > 0 {
		<-retried
	}
	run, err = svc.RequestAnalysis(f.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(f.ctx, `SELECT id FROM calls WHERE upload_id = ? ORDER BY line LIMIT 1 FOR UPDATE`, u.ID); err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		defer close(released)
		<-retried
		_ = tx.Rollback()
	}()
	if err := svc.Analyse(f.ctx, u.ID, run); err != nil {
		t.Fatal(err)
	}
	<-released
	if u = f.upload(t, u.ID); u.Status != cdrupload.StatusReady || u.LinesRead != 2_000 {
		t.Errorf("after the lock was released: %s (%q), %d lines", u.Status, u.FailureReason, u.LinesRead)
	}
}
