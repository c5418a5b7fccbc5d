package analysis

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/periodic"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/predicate"
	"github.com/tollgate/tollgate/ent/provider"
)

// ErrStale means the task asked for an analysis run that a newer request
// has replaced, or that has already finished: nothing to do.
var ErrStale = errors.New("stale analysis request")

// ErrBusy means another run holds the upload's lease: try again later.
var ErrBusy = errors.New("another worker is analysing this upload")

// DefaultLease is how long an analysis holds its upload without renewing;
// a crashed worker's upload is taken over this long after its last renewal.
const DefaultLease = 30 * time.Second

func (s *Service) leaseFor() time.Duration {
	if s.Lease > 0 {
		return s.Lease
	}
	return DefaultLease
}

// leaseOwner names one analysis run of one process.
func leaseOwner() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	host, _ := os.Hostname()
	return truncate(fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b), 64)
}

// stale reports whether run is not the analysis the upload wants now.
func stale(u *ent.CdrUpload, run int) bool {
	return u.AnalysisRun != run || (u.Status != cdrupload.StatusUploaded && u.Status != cdrupload.StatusAnalysing)
}

// holder is one run's hold on its upload: the row is written by the run
// only while it matches where (the upload, the lease owner, and the run or
// status the work is for). Once it does not, the run was superseded or
// taken over: cancel stops it, so it neither writes nor deletes any more.
type holder struct {
	id     int
	owner  string
	where  []predicate.CdrUpload
	cancel context.CancelCauseFunc
}

func (s *Service) newHolder(id int, owner string, guards ...predicate.CdrUpload) *holder {
	return &holder{id: id, owner: owner, where: append([]predicate.CdrUpload{cdrupload.ID(id), cdrupload.LeaseOwner(owner)}, guards...)}
}

// update writes the row while the run still holds it, and cancels the run
// when it no longer does.
func (h *holder) update(ctx context.Context, c *ent.Client, set func(*ent.CdrUploadUpdate)) error {
	upd := c.CdrUpload.Update().Where(h.where...)
	set(upd)
	n, err := upd.Save(ctx)
	if err == nil && n == 0 && h.cancel != nil {
		h.cancel(ErrStale)
	}
	return err
}

// renewEvery is how often a run renews its lease and so notices that it
// was superseded.
func (s *Service) renewEvery() time.Duration { return min(s.leaseFor()/6, time.Second) }

// renewLease keeps the lease alive while the run works, and cancels the run
// as soon as it no longer holds the upload: another worker took it over, or
// a newer request changed the run.
func (s *Service) renewLease(ctx context.Context, h *holder) (stop func()) {
	return periodic.Every(s.renewEvery(), func() {
		if ctx.Err() == nil {
			_ = h.update(ctx, s.Client, func(u *ent.CdrUploadUpdate) { u.SetLeaseUntil(time.Now().Add(s.leaseFor()).UTC()) })
		}
	})
}

// progressEvery is how often progress reaches the row and subscribers.
const progressEvery = 500 * time.Millisecond

// maxStoredLineErrors bounds the unreadable lines kept with their reasons;
// all of them are counted.
const maxStoredLineErrors = 20_000

// Analyse runs analysis number run of an upload: stream-parse the file,
// match every call to a customer and price it, load the calls in bulk, flag
// duplicates, and count. It replaces whatever an earlier run left, so a
// crash at any point is mended by running it again.
func (s *Service) Analyse(ctx context.Context, uploadID, run int) error {
	c := s.Client
	u, err := c.CdrUpload.Query().Where(cdrupload.ID(uploadID)).WithProvider().Only(ctx)
	if ent.IsNotFound(err) {
		return ErrStale // deleted by a clerk: nothing to analyse
	}
	if err != nil {
		return err
	}
	if stale(u, run) {
		return ErrStale
	}
	// Only one run works on an upload at a time: it holds a lease on the
	// row, renewed while it works. A killed worker's lease lapses and the
	// next task takes over; until then another task is told to wait.
	owner := leaseOwner()
	start := time.Now()
	err = s.move(ctx, uploadID, toAnalysing, func(upd *ent.CdrUploadUpdate) {
		upd.SetLeaseOwner(owner).SetLeaseUntil(start.Add(s.leaseFor()).UTC()).
			SetPhase(string(PhasePreparing)).SetPhaseStartedAt(start.UTC()).SetLinesDone(0).SetBytesDone(0).SetLinesPerSecond(0)
	}, cdrupload.AnalysisRun(run), cdrupload.Or(cdrupload.LeaseUntilIsNil(), cdrupload.LeaseUntilLT(start.UTC())))
	if lost(err) {
		if u, err = c.CdrUpload.Get(ctx, uploadID); ent.IsNotFound(err) || err == nil && stale(u, run) {
			return ErrStale
		}
		return ErrBusy
	}
	if apperr.CodeOf(err) == apperr.NotFound {
		return ErrStale // deleted meanwhile
	}
	if err != nil {
		return err
	}
	s.publish(ctx, u.ID)
	// However the run ends — done, failed, or overtaken by a newer request —
	// it hands the upload back at once rather than at the lease's end.
	defer func() {
		_ = c.CdrUpload.Update().Where(cdrupload.ID(uploadID), cdrupload.LeaseOwner(owner)).ClearLeaseUntil().
			Exec(context.WithoutCancel(ctx))
	}()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	h := s.newHolder(uploadID, owner, cdrupload.AnalysisRun(run))
	h.cancel = cancel
	stopRenew := s.renewLease(ctx, h)
	defer stopRenew()

	counts, err := s.analyse(ctx, u, h)
	if err != nil {
		if ctx.Err() != nil {
			if errors.Is(context.Cause(ctx), ErrStale) {
				return ErrStale // superseded: the newer run does the work
			}
			// Shutting down: the task is retried and the row still says
			// analysing.
			return err
		}
		return s.fail(ctx, h, u, run, err)
	}
	err = s.move(ctx, u.ID, toReady, func(upd *ent.CdrUploadUpdate) {
		// analysedAt is when the run began: the CLIs and rates it priced
		// with are those of that moment (Outdated).
		upd.SetPhase(string(PhaseReady)).SetAnalysedAt(start.UTC()).ClearLeaseUntil().SetCallsToClear(false).
			SetBytesDone(u.BytesTotal).SetPriceDecimals(s.Pricing.Decimals)
		counts.apply(upd.Mutation())
	}, h.where...)
	if lost(err) {
		return ErrStale // re-analysis was requested meanwhile, or the lease was lost
	}
	if err != nil {
		return err
	}
	s.Log.Info("analysis done", "upload", u.ID, "lines", counts.linesRead, "priced", counts.priced,
		"took", time.Since(start).Round(time.Millisecond))
	s.publish(ctx, u.ID)
	return nil
}

// fail records why a run failed and clears the calls it loaded. The upload
// is FAILED first, marked as having calls to clear, so its calls count
// nowhere from that moment; if the delete fails too, the re-drive finishes
// it (ClearFailed).
func (s *Service) fail(ctx context.Context, h *holder, u *ent.CdrUpload, run int, cause error) error {
	reason := cause.Error()
	var (
		fe *cdr.FileError
		fp fileProblem
	)
	if !errors.As(cause, &fe) && !errors.As(cause, &fp) {
		// Not the file's fault: the clerk gets a sentence and a
		// reference, the log the driver's text (which may name
		// tables, hosts and addresses).
		ref := apperr.Reference()
		s.Log.Error("analysis stopped", "upload", u.ID, "ref", ref, "err", cause)
		reason = "the analysis stopped because of a problem on our side (reference " + ref + "); analyse the upload again, and give support the reference if it happens again"
		if errors.As(cause, new(busyError)) {
			reason = "the database was too busy with other work to finish the analysis (reference " + ref + "); analyse the upload again in a few minutes, and give support the reference if it keeps happening"
		}
	} else {
		s.Log.Warn("analysis failed", "upload", u.ID, "err", cause)
	}
	err := s.move(ctx, u.ID, toFailed, func(upd *ent.CdrUploadUpdate) {
		upd.SetPhase(string(PhaseFailed)).SetFailureReason(reason).SetCallsToClear(true)
	}, h.where...)
	if lost(err) {
		return ErrStale
	}
	if err != nil {
		return err
	}
	s.publish(ctx, u.ID)
	// The run keeps its lease while it clears, so no new run loads calls
	// that this delete would take.
	h.where = []predicate.CdrUpload{cdrupload.ID(u.ID), cdrupload.LeaseOwner(h.owner), cdrupload.AnalysisRun(run)}
	if err := s.clearCalls(ctx, h); err != nil {
		s.Log.Warn("a failed analysis's calls are not cleared yet; the re-drive finishes it", "upload", u.ID, "err", err)
	}
	return nil // a failed file is an outcome, not a task to retry
}

// clearCalls deletes the calls of a failed upload the holder holds, then
// records that none are left.
func (s *Service) clearCalls(ctx context.Context, h *holder) error {
	if err := s.hook("clean-up"); err != nil {
		return err
	}
	if _, err := s.calls().deleteUpload(ctx, h.id); err != nil {
		return err
	}
	return h.update(ctx, s.Client, func(u *ent.CdrUploadUpdate) { u.SetCallsToClear(false) })
}

// ClearFailed finishes the clean-up of a failed analysis whose delete did
// not complete (the re-drive calls it). It holds the upload's lease while it
// deletes, and gives up at once if a re-analysis is requested meanwhile:
// that run clears the calls itself.
func (s *Service) ClearFailed(ctx context.Context, id int) error {
	owner := leaseOwner()
	now := time.Now()
	n, err := s.Client.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.StatusEQ(cdrupload.StatusFailed), cdrupload.CallsToClear(true),
		cdrupload.Or(cdrupload.LeaseUntilIsNil(), cdrupload.LeaseUntilLT(now.UTC()))).
		SetLeaseOwner(owner).SetLeaseUntil(now.Add(s.leaseFor()).UTC()).Save(ctx)
	if err != nil || n == 0 {
		return err
	}
	defer func() {
		_ = s.Client.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.LeaseOwner(owner)).ClearLeaseUntil().
			Exec(context.WithoutCancel(ctx))
	}()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	h := s.newHolder(id, owner, cdrupload.StatusEQ(cdrupload.StatusFailed))
	h.cancel = cancel
	defer s.renewLease(ctx, h)()
	if err := s.clearCalls(ctx, h); err != nil {
		return err
	}
	s.Log.Info("a failed analysis's calls are cleared", "upload", id)
	return nil
}

// analyse does the work of one run and returns the counters. A customer
// deleted while its calls were being priced (customers.Delete refuses
// during an analysis, but one begun as the delete committed has loaded
// its CLIs) makes the work start again, matched against the CLIs as they
// are now.
func (s *Service) analyse(ctx context.Context, u *ent.CdrUpload, h *holder) (*counters, error) {
	for attempt := 1; ; attempt++ {
		cnt, err := s.analyseOnce(ctx, u, h)
		var gone customersGone
		if !errors.As(err, &gone) {
			return cnt, err
		}
		if attempt == 3 {
			return nil, fileProblem("customers were deleted while this file was being analysed, three times over; analyse it again")
		}
		s.Log.Warn("customers deleted during the analysis: matching the calls again", "upload", u.ID, "customers", []int(gone))
	}
}

// analyseOnce does the work of one run, step by step, and returns the
// counters.
//
// A deadlock or a lock wait timeout rolls back only the statement that lost;
// every step replaces what it writes, so it is retried (retryLocks), the load
// with the clearing of the calls before it.
func (s *Service) analyseOnce(ctx context.Context, u *ent.CdrUpload, h *holder) (*counters, error) {
	pr, err := s.newPricer(ctx, u)
	if err != nil {
		return nil, err
	}
	var read *readResult
	if err := s.retryLocks(ctx, u.ID, "loading the calls", func() (err error) {
		if err = s.clearRun(ctx, u.ID); err == nil {
			read, err = s.readAndLoad(ctx, u, h, pr)
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.retryLocks(ctx, u.ID, "recording what was read", func() error { return s.recordRead(ctx, u, h, read) }); err != nil {
		return nil, err
	}

	s.setPhase(ctx, h, PhaseDuplicates)
	dupStart := time.Now()
	if err := s.retryLocks(ctx, u.ID, "finding duplicates", func() error {
		return s.flagDuplicates(ctx, u.ID, pr.providerID, read.from, read.to, read.keysFull)
	}); err != nil {
		return nil, fmt.Errorf("finding duplicates: %w", err)
	}
	s.setPhase(ctx, h, PhaseTotals)
	if err := s.hook("totals"); err != nil {
		return nil, err
	}
	countStart := time.Now()
	var cnt counters
	if err := s.retryLocks(ctx, u.ID, "counting", func() error {
		cnt = read.counters // count adds to them
		return s.count(ctx, u.ID, &cnt)
	}); err != nil {
		return nil, err
	}
	s.Log.Info("analysis phases", "upload", u.ID, "read_rate_load", read.took.Round(time.Millisecond),
		"duplicates", countStart.Sub(dupStart).Round(time.Millisecond), "totals", time.Since(countStart).Round(time.Millisecond))
	return &cnt, nil
}

// clearRun removes what an earlier run of the upload left: its calls and
// its unreadable lines.
func (s *Service) clearRun(ctx context.Context, uploadID int) error {
	if _, err := s.calls().deleteUpload(ctx, uploadID); err != nil {
		return err
	}
	_, err := s.Client.CdrLineError.Delete().Where(cdrlineerror.HasUploadWith(cdrupload.ID(uploadID))).Exec(ctx)
	return err
}

// readResult is what reading an upload's file found, before duplicates
// across files and the totals are known.
type readResult struct {
	counters               // unreadable and not-voice lines so far
	lines, bytes int64     // lines and bytes read
	from, to     time.Time // the first and last call's start; zero for none
	keysFull     bool      // the in-file duplicate check ran out of room
	lineErrs     []*ent.CdrLineErrorCreate
	took         time.Duration
}

// readAndLoad streams the upload's file through the pricer into the call
// store: read a line, price it, flag an in-file repeat, load it. Progress
// reaches the row and subscribers twice a second meanwhile.
func (s *Service) readAndLoad(ctx context.Context, u *ent.CdrUpload, h *holder, pr *pricer) (*readResult, error) {
	file, err := s.Blobs.NewReader(ctx, u.BlobKey, nil)
	if err != nil {
		return nil, fmt.Errorf("the stored file cannot be read: %w", err)
	}
	defer file.Close()
	in := &countingReader{r: file}
	rd, err := s.reader(u.Edges.Provider, in)
	if err != nil {
		return nil, err
	}
	sk := s.calls().sink(ctx, u.ID, s.Pricing.Decimals)
	s.setPhase(ctx, h, PhaseReading)

	var (
		res   = &readResult{}
		lines atomic.Int64
		row   pricedRow
		keys  = newKeySet()
		start = time.Now()
	)
	stopProgress := s.reportProgress(ctx, h, start, &lines, &in.n)
	unreadable := func(line int, reason string) {
		res.unreadable++
		// Unreadable lines are kept in memory (bounded) and written after
		// the calls: on SQLite the loader's open transaction holds the only
		// write lock, so writing them meanwhile would wait on ourselves.
		if res.unreadable <= maxStoredLineErrors {
			res.lineErrs = append(res.lineErrs, s.Client.CdrLineError.Create().SetUploadID(u.ID).SetAnalysisRun(u.AnalysisRun).
				SetLine(line).SetReason(truncate(reason, 500)))
		}
	}
	loopErr := func() error {
		for rd.Next() {
			lines.Add(1)
			if pr := rd.Problem(); pr != nil {
				if pr.Excluded {
					res.notVoice++
					continue
				}
				unreadable(pr.Line, pr.Reason)
				continue
			}
			rec := rd.Record()
			pr.price(&row, rec)
			if row.err != nil {
				return row.err
			}
			if row.unreadable != "" {
				unreadable(rec.Line, row.unreadable)
				continue
			}
			// A repeat of an earlier line of this file is a duplicate
			// (docs/cdr-formats.md): the first occurrence keeps its status.
			if keys.seen(row.dupKey) {
				row.status = call.StatusDuplicate
			}
			if res.from.IsZero() || rec.Start.Before(res.from) {
				res.from = rec.Start
			}
			if rec.Start.After(res.to) {
				res.to = rec.Start
			}
			if err := sk.add(&row.callRow); err != nil {
				return err
			}
		}
		return rd.Err()
	}()
	closeErr := sk.close()
	stopProgress()
	if loopErr != nil {
		return nil, loopErr
	}
	if closeErr != nil {
		return nil, fmt.Errorf("storing the calls: %w", closeErr)
	}
	res.lines, res.bytes, res.keysFull, res.took = lines.Load(), in.n.Load(), keys.full, time.Since(start)
	if res.lines == 0 {
		return nil, fileProblem("the file holds no call lines (only a header, or blank lines): check it is the right file")
	}
	return res, nil
}

// reportProgress writes the lines and bytes read so far to the row and
// tells subscribers, twice a second, until the returned stop is called.
func (s *Service) reportProgress(ctx context.Context, h *holder, start time.Time, lines, bytes *atomic.Int64) (stop func()) {
	return periodic.Every(progressEvery, func() {
		n := lines.Load()
		rate := int64(float64(n) / time.Since(start).Seconds())
		// A short deadline: on SQLite the loader's transaction holds the
		// write lock, and a skipped tick costs only freshness.
		tctx, cancel := context.WithTimeout(ctx, progressEvery/2)
		_ = h.update(tctx, s.Client, func(u *ent.CdrUploadUpdate) {
			u.SetLinesDone(n).SetBytesDone(bytes.Load()).SetLinesPerSecond(rate)
		})
		cancel()
		s.publish(ctx, h.id)
	})
}

// recordRead stores the unreadable lines and what was read: lines, bytes
// and the span of the calls' starts.
func (s *Service) recordRead(ctx context.Context, u *ent.CdrUpload, h *holder, r *readResult) error {
	for lo := 0; lo < len(r.lineErrs); lo += 500 {
		if err := s.Client.CdrLineError.CreateBulk(r.lineErrs[lo:min(lo+500, len(r.lineErrs))]...).Exec(ctx); err != nil {
			return err
		}
	}
	r.lineErrs = nil
	return h.update(ctx, s.Client, func(upd *ent.CdrUploadUpdate) {
		upd.SetLinesDone(r.lines).SetBytesDone(r.bytes)
		if !r.from.IsZero() {
			upd.SetCallsFrom(r.from.UTC()).SetCallsTo(r.to.UTC())
		}
	})
}

// fileProblem is why a file cannot be analysed, in a clerk's words.
type fileProblem string

func (f fileProblem) Error() string { return string(f) }

// reader opens a CDR reader in the provider's format and time zone.
func (s *Service) reader(p *ent.Provider, in io.Reader) (*cdr.Reader, error) {
	zone, err := rating.LoadZone(p.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("provider %s has time zone %q, which is not a zone name", p.Name, p.TimeZone)
	}
	if p.CdrFormat == provider.CdrFormatCsv {
		if p.ColumnMapping == nil {
			return nil, fmt.Errorf("provider %s uses the generic csv format but has no column mapping yet: describe its columns on the provider page", p.Name)
		}
		rd, err := cdr.NewMappedReader(in, *p.ColumnMapping, zone)
		if err != nil {
			return nil, &cdr.FileError{Format: "csv", First: &cdr.LineError{Line: 1, Reason: err.Error()}}
		}
		return rd, nil
	}
	f, err := cdr.LookupFormat(string(p.CdrFormat))
	if err != nil {
		return nil, err
	}
	return cdr.NewReader(in, f, zone), nil
}

// setPhase records the run's phase while it holds the upload.
func (s *Service) setPhase(ctx context.Context, h *holder, phase Phase) {
	_ = h.update(ctx, s.Client, func(u *ent.CdrUploadUpdate) { u.SetPhase(string(phase)).SetPhaseStartedAt(time.Now().UTC()) })
	s.publish(ctx, h.id)
}

// publish tells subscribers the upload changed; they read the row.
func (s *Service) publish(ctx context.Context, id int) {
	e := UploadEvent{UploadID: id}
	_ = events.Publish(ctx, s.Events, e)
	_ = events.Publish(ctx, s.Events, allUploads{e})
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// truncate cuts s to at most n bytes, at a character's start so that what
// is left stays UTF-8.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
