package analysis

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
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
		SetStatus(cdrupload.StatusAnalysing).SetPhase("preparing").
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
			reason = "analysis stopped: " + reason
		}
		s.Log.Warn("analysis failed", "upload", u.ID, "err", err)
		_, _ = s.deleteCalls(context.WithoutCancel(ctx), u.ID)
		if uerr := c.CdrUpload.UpdateOneID(u.ID).Where(cdrupload.AnalysisRun(run), cdrupload.LeaseOwner(owner)).
			SetStatus(cdrupload.StatusFailed).SetPhase("failed").SetFailureReason(reason).ClearLeaseUntil().
			Exec(context.WithoutCancel(ctx)); uerr != nil && !ent.IsNotFound(uerr) {
			return uerr
		}
		s.publish(ctx, u.ID)
		return nil // a failed file is an outcome, not a task to retry
	}
	upd := c.CdrUpload.UpdateOneID(u.ID).Where(cdrupload.AnalysisRun(run), cdrupload.LeaseOwner(owner)).
		SetStatus(cdrupload.StatusReady).SetPhase("ready").SetAnalysedAt(time.Now().UTC()).ClearLeaseUntil().
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

// analyse does the work of one run and returns the counters.
func (s *Service) analyse(ctx context.Context, u *ent.CdrUpload) (*counters, error) {
	c := s.Client
	if _, err := s.deleteCalls(ctx, u.ID); err != nil {
		return nil, err
	}
	if _, err := c.CdrLineError.Delete().Where(cdrlineerror.HasUploadWith(cdrupload.ID(u.ID))).Exec(ctx); err != nil {
		return nil, err
	}
	p := u.Edges.Provider
	clis, err := loadCliIndex(ctx, c, s.CountryCode)
	if err != nil {
		return nil, err
	}
	custTariff, defaultTariff, err := s.customerTariffs(ctx)
	if err != nil {
		return nil, err
	}
	dir := entratesheet.DirectionOutbound
	if u.Direction == cdrupload.DirectionInbound {
		dir = entratesheet.DirectionInbound
	}
	books := &priceBooks{ctx: ctx, c: c, pricing: s.Pricing, providerID: p.ID, direction: dir, books: map[int]*book{}}

	file, err := s.Blobs.NewReader(ctx, u.BlobKey, nil)
	if err != nil {
		return nil, fmt.Errorf("the stored file cannot be read: %w", err)
	}
	defer file.Close()
	in := &countingReader{r: file}
	rd, err := s.reader(p, in)
	if err != nil {
		return nil, err
	}

	var sk sink
	if s.mysql() && s.localInfile(ctx) {
		sk = newLoadDataSink(ctx, s.SQL, u.ID, s.Pricing.Decimals)
	} else {
		sk = newInsertSink(ctx, s.SQL, u.ID, s.Pricing.Decimals)
	}
	s.setPhase(ctx, u.ID, "reading")

	var (
		cnt       counters
		lines     atomic.Int64
		lineErrs  []*ent.CdrLineErrorCreate
		row       pricedRow
		keyBuf    []byte
		stopTick  = make(chan struct{})
		tickDone  = make(chan struct{})
		readStart = time.Now()
		keys      = newKeySet()
		from, to  time.Time
	)
	go func() { // progress to the row and subscribers, twice a second
		defer close(tickDone)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-stopTick:
				return
			case <-t.C:
				n := lines.Load()
				rate := int64(float64(n) / time.Since(readStart).Seconds())
				// A short deadline: on SQLite the loader's transaction holds
				// the write lock, and a skipped tick costs only freshness.
				tctx, cancel := context.WithTimeout(ctx, progressEvery/2)
				_ = c.CdrUpload.UpdateOneID(u.ID).SetLinesDone(n).SetBytesDone(in.n.Load()).SetLinesPerSecond(rate).Exec(tctx)
				cancel()
				s.publish(ctx, u.ID)
			}
		}
	}()
	// Unreadable lines are kept in memory (bounded) and written after the
	// calls: on SQLite the loader's open transaction holds the only write
	// lock, so writing them meanwhile would wait on ourselves.
	flushErrs := func() error {
		for lo := 0; lo < len(lineErrs); lo += 500 {
			if err := c.CdrLineError.CreateBulk(lineErrs[lo:min(lo+500, len(lineErrs))]...).Exec(ctx); err != nil {
				return err
			}
		}
		lineErrs = nil
		return nil
	}

	loopErr := func() error {
		for rd.Next() {
			lines.Add(1)
			if pr := rd.Problem(); pr != nil {
				if pr.Excluded {
					cnt.notVoice++
					continue
				}
				cnt.unreadable++
				if cnt.unreadable <= maxStoredLineErrors {
					lineErrs = append(lineErrs, c.CdrLineError.Create().SetUploadID(u.ID).SetAnalysisRun(u.AnalysisRun).
						SetLine(pr.Line).SetReason(truncate(pr.Reason, 500)))
				}
				continue
			}
			rec := rd.Record()
			keyBuf = s.priceRecord(&row, rec, u.Direction, p.ID, clis, custTariff, defaultTariff, books, keyBuf)
			if row.err != nil {
				return row.err
			}
			// A repeat of an earlier line of this file is a duplicate
			// (CDR-FORMATS.md): the first occurrence keeps its status.
			if keys.seen(row.dupKey) {
				row.status = "DUPLICATE"
			}
			if from.IsZero() || rec.Start.Before(from) {
				from = rec.Start
			}
			if rec.Start.After(to) {
				to = rec.Start
			}
			if err := sk.add(&row.callRow); err != nil {
				return err
			}
		}
		return rd.Err()
	}()
	closeErr := sk.close()
	close(stopTick)
	<-tickDone
	if loopErr != nil {
		return nil, loopErr
	}
	if closeErr != nil {
		return nil, fmt.Errorf("storing the calls: %w", closeErr)
	}
	if lines.Load() == 0 {
		return nil, fileProblem("the file holds no call lines (only a header, or blank lines): check it is the right file")
	}
	if err := flushErrs(); err != nil {
		return nil, err
	}
	upd := c.CdrUpload.UpdateOneID(u.ID).SetLinesDone(lines.Load()).SetBytesDone(in.n.Load())
	if !from.IsZero() {
		upd.SetCallsFrom(from.UTC()).SetCallsTo(to.UTC())
	}
	if err := upd.Exec(ctx); err != nil {
		return nil, err
	}
	readTook := time.Since(readStart)

	s.setPhase(ctx, u.ID, "duplicates")
	dupStart := time.Now()
	if err := s.flagDuplicates(ctx, u.ID, p.ID, from, to, keys.full); err != nil {
		return nil, fmt.Errorf("finding duplicates: %w", err)
	}
	s.setPhase(ctx, u.ID, "totals")
	countStart := time.Now()
	if err := s.count(ctx, u.ID, &cnt); err != nil {
		return nil, err
	}
	s.Log.Info("analysis phases", "upload", u.ID, "read_rate_load", readTook.Round(time.Millisecond),
		"duplicates", countStart.Sub(dupStart).Round(time.Millisecond), "totals", time.Since(countStart).Round(time.Millisecond))
	return &cnt, nil
}

// fileProblem is why a file cannot be analysed, in a clerk's words.
type fileProblem string

func (f fileProblem) Error() string { return string(f) }

// pricedRow is the scratch space of one call in the hot loop.
type pricedRow struct {
	callRow
	err error
}

// priceRecord fills row from a CDR record: normalise, match the customer at
// the call's start, choose the rate sheet version in force then, price.
func (s *Service) priceRecord(row *pricedRow, rec *cdr.Record, dir cdrupload.Direction, providerID int,
	clis *cliIndex, custTariff map[int]int, defaultTariff int, books *priceBooks, keyBuf []byte) []byte {
	*row = pricedRow{}
	src, _ := rating.Normalize(rec.Source, s.CountryCode)
	dst, _ := rating.Normalize(rec.Destination, s.CountryCode)
	row.line, row.source, row.destination = rec.Line, src, dst
	row.account, row.chargeCode = rec.Account, rec.ChargeCode
	row.start, row.duration = rec.Start, rec.Duration

	keyBuf, row.dupKey = dupKey(keyBuf, providerID, rec, src, dst)

	// Outbound calls belong to the caller's CLI, inbound ones to the DDI
	// called; the account code stands in when the number matches no one.
	own, other := src, dst
	if dir == cdrupload.DirectionInbound {
		own, other = dst, src
	}
	cust := clis.match(own, rec.Start)
	if cust == 0 && rec.Account != "" {
		cust = clis.matchRaw(rec.Account, rec.Start)
	}
	tariffID := defaultTariff
	if cust != 0 {
		row.customerID = cust
		if t, ok := custTariff[cust]; ok {
			tariffID = t
		}
	}
	switch {
	case rec.Duration == 0:
		row.status = "ZERO_DURATION"
	case cust == 0:
		row.status = "NO_CUSTOMER"
	default:
		row.status = "NO_RATE"
	}
	if tariffID == 0 {
		return keyBuf
	}
	b, err := books.book(tariffID)
	if err != nil {
		row.err = err
		return keyBuf
	}
	sheet, rater, err := books.at(b, rec.Start)
	if err != nil {
		row.err = err
		return keyBuf
	}
	if sheet == nil {
		return keyBuf
	}
	res := rater.Rate(rating.Call{ChargeCode: rec.ChargeCode, Number: other, Start: rec.Start, Duration: rec.Duration})
	row.band = bandName(res.Band)
	if res.Status != rating.Rated {
		return keyBuf
	}
	row.rateSheetID = sheet.ID
	row.billableSeconds = res.BillableSeconds
	row.rateDestination = res.Rate.RateDestination()
	row.priceUnits = res.Price
	row.costUnits, row.costKnown = res.Cost, res.CostKnown
	if row.status == "NO_RATE" {
		row.status = "PRICED"
	}
	return keyBuf
}

func bandName(b rating.Band) string {
	switch b {
	case rating.Offpeak:
		return "OFFPEAK"
	case rating.Weekend:
		return "WEEKEND"
	}
	return "PEAK"
}

// dupKey is the 64-bit FNV-1a hash of the duplicate key of CDR-FORMATS.md:
// provider + unique id when the format has one, else provider + source +
// destination + start + duration.
func dupKey(buf []byte, providerID int, rec *cdr.Record, src, dst string) ([]byte, int64) {
	b := strconv.AppendInt(buf[:0], int64(providerID), 10)
	if rec.UniqueID != "" {
		b = append(append(b, "|id|"...), rec.UniqueID...)
	} else {
		b = append(append(b, '|'), src...)
		b = append(append(b, '|'), dst...)
		b = append(b, '|')
		b = strconv.AppendInt(b, rec.Start.Unix(), 10)
		b = append(b, '|')
		b = strconv.AppendInt(b, rec.Duration, 10)
	}
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return b, int64(h)
}

// localInfile reports whether the MySQL server accepts LOAD DATA LOCAL
// INFILE; without it calls are loaded with multi-row INSERTs.
func (s *Service) localInfile(ctx context.Context) bool {
	var on int
	if err := s.SQL.QueryRowContext(ctx, "SELECT @@local_infile").Scan(&on); err != nil || on == 0 {
		s.Log.Warn("the MySQL server has local_infile off: loading calls with INSERTs, which is slower; set local_infile=1")
		return false
	}
	return true
}

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

// customerTariffs maps each customer with a tariff to it, and returns the
// default tariff.
func (s *Service) customerTariffs(ctx context.Context) (map[int]int, int, error) {
	var rows []struct {
		ID     int  `json:"id"`
		Tariff *int `json:"tariff_customers"`
	}
	if err := s.Client.Customer.Query().Where(customer.HasTariff()).
		Select(customer.FieldID, "tariff_customers").Scan(ctx, &rows); err != nil {
		return nil, 0, err
	}
	m := make(map[int]int, len(rows))
	for _, r := range rows {
		if r.Tariff != nil {
			m[r.ID] = *r.Tariff
		}
	}
	def, err := s.Pricing.DefaultTariff(ctx)
	if err != nil {
		return m, 0, nil // no default tariff: customers without one get no rate
	}
	return m, def.ID, nil
}

func (s *Service) setPhase(ctx context.Context, id int, phase string) {
	_ = s.Client.CdrUpload.UpdateOneID(id).SetPhase(phase).SetPhaseStartedAt(time.Now().UTC()).Exec(ctx)
	s.publish(ctx, id)
}

// publish tells subscribers the upload changed; they read the row.
func (s *Service) publish(ctx context.Context, id int) {
	if s.Events == nil {
		return
	}
	b, _ := json.Marshal(UploadEvent{UploadID: id})
	_ = s.Events.Publish(context.WithoutCancel(ctx), UploadTopic(id), b)
	_ = s.Events.Publish(context.WithoutCancel(ctx), AllUploadsTopic, b)
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
