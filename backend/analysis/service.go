// Package analysis turns an uploaded CDR file into priced calls, explains
// what it could not price (reconciliation), and processes a ready upload
// into its customers' unbilled calls.
//
// Every long step keeps its state on the upload row, so any process can pick
// it up again after a crash: analysis replaces the upload's calls whole, and
// processing is one status change plus a recount. Both are safe to run twice.
package analysis

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/events"
	"github.com/tollgate/tollgate/backend/internal/filekind"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/predicate"
)

// Enqueuer queues the background work of an upload; backend/jobs implements it.
type Enqueuer interface {
	EnqueueAnalysis(ctx context.Context, uploadID, run int) error
	EnqueueProcessing(ctx context.Context, uploadID, run int) error
}

// Service runs uploads, analyses and processing.
type Service struct {
	Client      *ent.Client
	SQL         *sql.DB // for bulk loads and set-based updates
	Dialect     string  // dialect.MySQL or dialect.SQLite
	Blobs       *blob.Bucket
	Pricing     *tariffs.Service
	Events      events.Publisher // progress hints; the upload row holds the truth
	Log         *slog.Logger
	CountryCode string
	// Lease is how long a crashed worker keeps an upload (DefaultLease).
	Lease time.Duration
	// Queue runs analyses and processing in the background (StartAnalysis,
	// StartProcessing).
	Queue Enqueuer

	testHook func(point string) error
}

// UploadTopic is the event topic of one upload's progress; AllUploadsTopic
// carries every upload's.
func UploadTopic(id int) string { return fmt.Sprintf("upload:%d", id) }

// AllUploadsTopic carries the progress of every upload.
const AllUploadsTopic = "uploads"

// UploadInput is a CDR file to store.
type UploadInput struct {
	ProviderID int
	Direction  cdrupload.Direction
	FileName   string
	File       io.Reader
	// Progress, when set, is told how many bytes have been stored so far.
	Progress func(bytes int64)
}

// Upload streams a CDR file to the blob store while hashing it, and records
// it. The same file twice is refused, naming the earlier upload.
func (s *Service) Upload(ctx context.Context, in UploadInput) (*ent.CdrUpload, error) {
	c := txn.Client(ctx, s.Client)
	p, err := c.Provider.Get(ctx, in.ProviderID)
	if err != nil {
		if ent.IsNotFound(err) {
			return nil, apperr.Field(apperr.NotFound, "providerID", "provider %d does not exist", in.ProviderID)
		}
		return nil, err
	}
	if in.Direction == "" {
		in.Direction = cdrupload.DirectionOutbound
	}
	name := strings.TrimSpace(in.FileName)
	if name == "" {
		name = "calls.csv"
	}
	// A file that is no text (an image, a workbook, a compressed file,
	// UTF-16) is refused before anything is stored, saying what it is.
	file := bufio.NewReaderSize(in.File, filekind.Head)
	head, err := file.Peek(filekind.Head)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, apperr.Field(apperr.Invalid, "file", "the file could not be stored: %v", err)
	}
	if nt := filekind.Check(head); nt != nil {
		return nil, apperr.Field(apperr.Invalid, "file", "%s cannot be a CDR file: %v", name, nt)
	}
	var rnd [12]byte
	_, _ = rand.Read(rnd[:])
	key := "cdr/" + hex.EncodeToString(rnd[:]) + ".csv"
	w, err := s.Blobs.NewWriter(ctx, key, &blob.WriterOptions{ContentType: "text/csv"})
	if err != nil {
		return nil, fmt.Errorf("store the CDR file: %w", err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h, progressWriter(in.Progress)), file)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = s.Blobs.Delete(context.WithoutCancel(ctx), key)
		return nil, apperr.Field(apperr.Invalid, "file", "the file could not be stored: %v", err)
	}
	if n == 0 {
		_ = s.Blobs.Delete(ctx, key)
		return nil, apperr.Field(apperr.Invalid, "file", "the file is empty")
	}
	digest := hex.EncodeToString(h.Sum(nil))
	if earlier, err := c.CdrUpload.Query().Where(cdrupload.Sha256(digest)).WithProvider().Only(ctx); err == nil {
		_ = s.Blobs.Delete(ctx, key)
		if earlier.Status == cdrupload.StatusUploaded && earlier.Phase == string(PhaseWaitingForQueue) && earlier.Edges.Provider.ID == p.ID {
			// The same file sent again while its first upload waits for the
			// queue: a retry, answered with the upload already stored.
			return earlier, nil
		}
		// The clerk knows a file by its name and when it came, never by
		// its id; the id travels in the details, for a link to it.
		return nil, &apperr.Error{Code: apperr.Conflict, Field: "file",
			Message: fmt.Sprintf("this file was already uploaded as %s on %s (%s now); the same file is never billed twice",
				earlier.FileName, s.when(earlier.CreatedAt), strings.ToLower(string(earlier.Status))),
			Details: map[string]any{"earlierUploadID": earlier.ID}}
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	u, err := c.CdrUpload.Create().SetProvider(p).SetDirection(in.Direction).SetFileName(name).
		SetSha256(digest).SetSizeBytes(n).SetBytesTotal(n).SetBlobKey(key).
		SetStatus(cdrupload.StatusUploaded).SetPhase(string(PhaseQueued)).Save(ctx)
	if err != nil {
		_ = s.Blobs.Delete(context.WithoutCancel(ctx), key)
		if ent.IsConstraintError(err) {
			return nil, apperr.Field(apperr.Conflict, "file", "this file was uploaded a moment ago by someone else")
		}
		return nil, err
	}
	return u, nil
}

// when is a moment as a clerk reads it: in the deployment's zone, named.
func (s *Service) when(t time.Time) string {
	if s.Pricing != nil && s.Pricing.Zone != nil {
		t = t.In(s.Pricing.Zone.Location())
	}
	return t.Format("2 Jan 2006 15:04 MST")
}

// progressWriter reports the running byte count to a callback.
func progressWriter(report func(int64)) io.Writer {
	if report == nil {
		return io.Discard
	}
	return &counter{report: report}
}

type counter struct {
	n      int64
	report func(int64)
}

func (c *counter) Write(b []byte) (int, error) {
	c.n += int64(len(b))
	c.report(c.n)
	return len(b), nil
}

// RequestAnalysis marks an upload for (re-)analysis and returns the run
// number the analyse task must carry. An upload being processed, or
// processed, cannot be re-analysed (CONFLICT). The run is bumped in the
// guarded statement itself, so two requests at once make two runs and the
// later one counts.
func (s *Service) RequestAnalysis(ctx context.Context, id int) (int, error) {
	_ = s.hook("request-analysis")
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (int, error) {
		err := s.move(ctx, id, toReanalysis, func(u *ent.CdrUploadUpdate) {
			u.AddAnalysisRun(1).SetPhase(string(PhaseQueued)).SetFailureReason("").
				SetLinesDone(0).SetBytesDone(0).SetLinesPerSecond(0)
		})
		if err != nil {
			return 0, err
		}
		// Inside the transaction the row is ours: this reads our own run.
		u, err := c.CdrUpload.Query().Where(cdrupload.ID(id)).Select(cdrupload.FieldAnalysisRun).Only(ctx)
		if err != nil {
			return 0, err
		}
		return u.AnalysisRun, nil
	})
}

// RequestProcessing marks a ready upload for processing and returns the
// processing run its task must carry. Asking again while it is processing
// (or once processed) changes nothing and answers the current run:
// processing runs once whatever the number of requests.
func (s *Service) RequestProcessing(ctx context.Context, id int) (int, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (int, error) {
		err := s.move(ctx, id, toProcessing, func(u *ent.CdrUploadUpdate) {
			u.AddProcessingRun(1).SetPhase(string(PhaseProcessing))
		})
		if err != nil && !lost(err) {
			return 0, err
		}
		u, gerr := c.CdrUpload.Query().Where(cdrupload.ID(id)).Select(cdrupload.FieldStatus, cdrupload.FieldProcessingRun).Only(ctx)
		if gerr != nil {
			return 0, gerr
		}
		if err != nil && u.Status != cdrupload.StatusProcessing && u.Status != cdrupload.StatusProcessed {
			return 0, err
		}
		return u.ProcessingRun, nil
	})
}

// StartAnalysis asks for a new analysis run of an upload and queues it; it
// returns the upload as it now stands. When the queue cannot be reached
// the request stands in the database: the upload says it waits for the
// queue, and the re-drive queues it when the queue is back.
func (s *Service) StartAnalysis(ctx context.Context, uploadID int) (*ent.CdrUpload, error) {
	run, err := s.RequestAnalysis(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	if err := s.Queue.EnqueueAnalysis(ctx, uploadID, run); err != nil {
		s.Log.Warn("analysis recorded but not queued; the re-drive queues it", "upload", uploadID, "err", err)
		s.waitForQueue(ctx, uploadID, cdrupload.StatusUploaded, cdrupload.AnalysisRun(run))
	}
	return txn.Client(ctx, s.Client).CdrUpload.Get(ctx, uploadID)
}

// StartProcessing marks a ready upload for processing and queues it; it
// returns the upload as it now stands. A queue that cannot be reached is
// handled as for StartAnalysis.
func (s *Service) StartProcessing(ctx context.Context, uploadID int) (*ent.CdrUpload, error) {
	run, err := s.RequestProcessing(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	if err := s.Queue.EnqueueProcessing(ctx, uploadID, run); err != nil {
		s.Log.Warn("processing recorded but not queued; the re-drive queues it", "upload", uploadID, "err", err)
		s.waitForQueue(ctx, uploadID, cdrupload.StatusProcessing)
	}
	return txn.Client(ctx, s.Client).CdrUpload.Get(ctx, uploadID)
}

// waitForQueue records on the upload that its task could not be queued.
// Only the phase changes, and only while the upload still waits for that
// task.
func (s *Service) waitForQueue(ctx context.Context, id int, status cdrupload.Status, guards ...predicate.CdrUpload) {
	err := txn.Client(ctx, s.Client).CdrUpload.Update().
		Where(cdrupload.ID(id), cdrupload.StatusEQ(status)).Where(guards...).
		SetPhase(string(PhaseWaitingForQueue)).Exec(ctx)
	if err != nil {
		s.Log.Error("record that an upload waits for the queue", "upload", id, "err", err)
	}
	s.publish(ctx, id)
}

// Queued records that an upload's task is queued again after it waited for
// the queue (the re-drive calls it).
func (s *Service) Queued(ctx context.Context, id int) error {
	c := txn.Client(ctx, s.Client)
	n, err := c.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.Phase(string(PhaseWaitingForQueue)),
		cdrupload.StatusEQ(cdrupload.StatusUploaded)).SetPhase(string(PhaseQueued)).Save(ctx)
	if err == nil && n == 0 {
		n, err = c.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.Phase(string(PhaseWaitingForQueue)),
			cdrupload.StatusEQ(cdrupload.StatusProcessing)).SetPhase(string(PhaseProcessing)).Save(ctx)
	}
	if n > 0 {
		s.publish(ctx, id)
	}
	return err
}

// hook is a test's look at a point of the work (export_test.go); nil in
// production.
func (s *Service) hook(point string) error {
	if s.testHook == nil {
		return nil
	}
	return s.testHook(point)
}
