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

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/periodic"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
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

// renewLease keeps the lease alive while the run works, and cancels the run
// if the lease was lost (another worker took the upload over).
func (s *Service) renewLease(ctx context.Context, cancel context.CancelCauseFunc, id int, owner string) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(s.leaseFor() / 6)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				n, err := s.Client.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.LeaseOwner(owner)).
					SetLeaseUntil(time.Now().Add(s.leaseFor()).UTC()).Save(ctx)
				if err == nil && n == 0 {
					cancel(ErrStale)
					return
				}
			}
		}
	}()
	return func() { close(done) }
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
	n, err := c.CdrUpload.Update().Where(cdrupload.ID(uploadID), cdrupload.AnalysisRun(run),
		cdrupload.StatusIn(cdrupload.StatusUploaded, cdrupload.StatusAnalysing),
		cdrupload.Or(cdrupload.LeaseUntilIsNil(), cdrupload.LeaseUntilLT(start.UTC()))).
		SetLeaseOwner(owner).SetLeaseUntil(start.Add(s.leaseFor()).UTC()).
		SetStatus(cdrupload.StatusAnalysing).SetPhase(string(PhasePreparing)).
		SetPhaseStartedAt(start.UTC()).SetLinesDone(0).SetBytesDone(0).SetLinesPerSecond(0).Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		if u, err = c.CdrUpload.Get(ctx, uploadID); err == nil && stale(u, run) {
			return ErrStale
		}
		return ErrBusy
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
	stopRenew := s.renewLease(ctx, cancel, uploadID, owner)
	defer stopRenew()

	counts, err := s.analyse(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			// Shutting down (or the lease was lost): the task is retried
			// and the row still says analysing.
			return err
		}
		reason := err.Error()
		var (
			fe *cdr.FileError
			fp fileProblem
		)
		if !errors.As(err, &fe) && !errors.As(err, &fp) {
			// Not the file's fault: the clerk gets a sentence and a
			// reference, the log the driver's text (which may name
			// tables, hosts and addresses).
			ref := apperr.Reference()
			s.Log.Error("analysis stopped", "upload", u.ID, "ref", ref, "err", err)
			reason = "the analysis stopped because of a problem on our side (reference " + ref + "); analyse the upload again, and give support the reference if it happens again"
			if errors.As(err, new(busyError)) {
				reason = "the database was too busy with other work to finish the analysis (reference " + ref + "); analyse the upload again in a few minutes, and give support the reference if it keeps happening"
			}
		} else {
			s.Log.Warn("analysis failed", "upload", u.ID, "err", err)
		}
		_, _ = s.calls().deleteUpload(context.WithoutCancel(ctx), u.ID)
		if uerr := c.CdrUpload.UpdateOneID(u.ID).Where(cdrupload.AnalysisRun(run), cdrupload.LeaseOwner(owner)).
			SetStatus(cdrupload.StatusFailed).SetPhase(string(PhaseFailed)).SetFailureReason(reason).ClearLeaseUntil().
			Exec(context.WithoutCancel(ctx)); uerr != nil && !ent.IsNotFound(uerr) {
			return uerr
		}
		s.publish(ctx, u.ID)
		return nil // a failed file is an outcome, not a task to retry
	}
	upd := c.CdrUpload.UpdateOneID(u.ID).Where(cdrupload.AnalysisRun(run), cdrupload.LeaseOwner(owner)).
		SetStatus(cdrupload.StatusReady).SetPhase(string(PhaseReady)).SetAnalysedAt(time.Now().UTC()).ClearLeaseUntil().
		SetBytesDone(u.BytesTotal).SetPriceDecimals(s.Pricing.Decimals)
	counts.apply(upd)
	if err := upd.Exec(ctx); err != nil {
		if ent.IsNotFound(err) {
			return ErrStale // re-analysis was requested meanwhile, or the lease was lost
		}
		return err
	}
	s.Log.Info("analysis done", "upload", u.ID, "lines", counts.linesRead, "priced", counts.priced,
		"took", time.Since(start).Round(time.Millisecond))
	s.publish(ctx, u.ID)
	return nil
}

// analyse does the work of one run, step by step, and returns the
// counters.
//
// A deadlock or a lock wait timeout rolls back only the statement that lost;
// every step replaces what it writes, so it is retried (retryLocks), the load
// with the clearing of the calls before it.
func (s *Service) analyse(ctx context.Context, u *ent.CdrUpload) (*counters, error) {
	pr, err := s.newPricer(ctx, u)
	if err != nil {
		return nil, err
	}
	var read *readResult
	if err := s.retryLocks(ctx, u.ID, "loading the calls", func() (err error) {
		if err = s.clearRun(ctx, u.ID); err == nil {
			read, err = s.readAndLoad(ctx, u, pr)
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := s.retryLocks(ctx, u.ID, "recording what was read", func() error { return s.recordRead(ctx, u, read) }); err != nil {
		return nil, err
	}

	s.setPhase(ctx, u.ID, PhaseDuplicates)
	dupStart := time.Now()
	if err := s.retryLocks(ctx, u.ID, "finding duplicates", func() error {
		return s.flagDuplicates(ctx, u.ID, pr.providerID, read.from, read.to, read.keysFull)
	}); err != nil {
		return nil, fmt.Errorf("finding duplicates: %w", err)
	}
	s.setPhase(ctx, u.ID, PhaseTotals)
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
func (s *Service) readAndLoad(ctx context.Context, u *ent.CdrUpload, pr *pricer) (*readResult, error) {
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
	s.setPhase(ctx, u.ID, PhaseReading)

	var (
		res   = &readResult{}
		lines atomic.Int64
		row   pricedRow
		keys  = newKeySet()
		start = time.Now()
	)
	stopProgress := s.reportProgress(ctx, u.ID, start, &lines, &in.n)
	loopErr := func() error {
		for rd.Next() {
			lines.Add(1)
			if pr := rd.Problem(); pr != nil {
				if pr.Excluded {
					res.notVoice++
					continue
				}
				res.unreadable++
				// Unreadable lines are kept in memory (bounded) and written
				// after the calls: on SQLite the loader's open transaction
				// holds the only write lock, so writing them meanwhile would
				// wait on ourselves.
				if res.unreadable <= maxStoredLineErrors {
					res.lineErrs = append(res.lineErrs, s.Client.CdrLineError.Create().SetUploadID(u.ID).SetAnalysisRun(u.AnalysisRun).
						SetLine(pr.Line).SetReason(truncate(pr.Reason, 500)))
				}
				continue
			}
			rec := rd.Record()
			pr.price(&row, rec)
			if row.err != nil {
				return row.err
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
func (s *Service) reportProgress(ctx context.Context, uploadID int, start time.Time, lines, bytes *atomic.Int64) (stop func()) {
	return periodic.Every(progressEvery, func() {
		n := lines.Load()
		rate := int64(float64(n) / time.Since(start).Seconds())
		// A short deadline: on SQLite the loader's transaction holds the
		// write lock, and a skipped tick costs only freshness.
		tctx, cancel := context.WithTimeout(ctx, progressEvery/2)
		_ = s.Client.CdrUpload.UpdateOneID(uploadID).SetLinesDone(n).SetBytesDone(bytes.Load()).SetLinesPerSecond(rate).Exec(tctx)
		cancel()
		s.publish(ctx, uploadID)
	})
}

// recordRead stores the unreadable lines and what was read: lines, bytes
// and the span of the calls' starts.
func (s *Service) recordRead(ctx context.Context, u *ent.CdrUpload, r *readResult) error {
	for lo := 0; lo < len(r.lineErrs); lo += 500 {
		if err := s.Client.CdrLineError.CreateBulk(r.lineErrs[lo:min(lo+500, len(r.lineErrs))]...).Exec(ctx); err != nil {
			return err
		}
	}
	r.lineErrs = nil
	upd := s.Client.CdrUpload.UpdateOneID(u.ID).SetLinesDone(r.lines).SetBytesDone(r.bytes)
	if !r.from.IsZero() {
		upd.SetCallsFrom(r.from.UTC()).SetCallsTo(r.to.UTC())
	}
	return upd.Exec(ctx)
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

func (s *Service) setPhase(ctx context.Context, id int, phase Phase) {
	_ = s.Client.CdrUpload.UpdateOneID(id).SetPhase(string(phase)).SetPhaseStartedAt(time.Now().UTC()).Exec(ctx)
	s.publish(ctx, id)
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

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
