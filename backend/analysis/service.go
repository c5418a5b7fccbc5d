// Package analysis turns an uploaded CDR file into priced calls, explains
// what it could not price (reconciliation), and processes a ready upload
// into its customers' unbilled calls.
//
// Every long step keeps its state on the upload row, so any process can pick
// it up again after a crash: analysis replaces the upload's calls whole, and
// processing is one status change plus a recount. Both are safe to run twice.
package analysis

import (
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
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// Enqueuer queues the background work of an upload; backend/jobs implements it.
type Enqueuer interface {
	EnqueueAnalysis(ctx context.Context, uploadID, run int) error
	EnqueueProcessing(ctx context.Context, uploadID int) error
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
	var rnd [12]byte
	_, _ = rand.Read(rnd[:])
	key := "cdr/" + hex.EncodeToString(rnd[:]) + ".csv"
	w, err := s.Blobs.NewWriter(ctx, key, &blob.WriterOptions{ContentType: "text/csv"})
	if err != nil {
		return nil, fmt.Errorf("store the CDR file: %w", err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h, progressWriter(in.Progress)), in.File)
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
		return nil, &apperr.Error{Code: apperr.Conflict, Field: "file",
			Message: fmt.Sprintf("this file was already uploaded as %s on %s (upload %d, %s); the same file is never billed twice",
				earlier.FileName, earlier.CreatedAt.Format("2 Jan 2006 15:04"), earlier.ID, strings.ToLower(string(earlier.Status))),
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
// number the analyse task must carry. Processed uploads cannot be
// re-analysed.
func (s *Service) RequestAnalysis(ctx context.Context, id int) (int, error) {
	c := txn.Client(ctx, s.Client)
	u, err := c.CdrUpload.Get(ctx, id)
	if err != nil {
		return 0, apperr.NotFoundAs(err, "upload", id)
	}
	switch u.Status {
	case cdrupload.StatusProcessing, cdrupload.StatusProcessed:
		return 0, apperr.New(apperr.Conflict, "%s has been processed: its calls belong to its customers now and it can no longer be re-analysed", u.FileName)
	}
	run := u.AnalysisRun + 1
	err = c.CdrUpload.UpdateOneID(id).Where(cdrupload.AnalysisRun(u.AnalysisRun)).
		SetAnalysisRun(run).SetStatus(cdrupload.StatusUploaded).SetPhase(string(PhaseQueued)).SetFailureReason("").
		SetLinesDone(0).SetBytesDone(0).SetLinesPerSecond(0).Exec(ctx)
	if ent.IsNotFound(err) {
		return 0, apperr.New(apperr.Conflict, "the upload changed while you asked; try again")
	}
	return run, err
}

// RequestProcessing checks an upload may be processed and marks it so.
func (s *Service) RequestProcessing(ctx context.Context, id int) error {
	c := txn.Client(ctx, s.Client)
	u, err := c.CdrUpload.Get(ctx, id)
	if err != nil {
		return apperr.NotFoundAs(err, "upload", id)
	}
	switch u.Status {
	case cdrupload.StatusReady:
	case cdrupload.StatusProcessing, cdrupload.StatusProcessed:
		return nil // already asked: processing is idempotent
	default:
		return apperr.New(apperr.Conflict, "%s is %s: only a Ready upload can be processed", u.FileName, strings.ToLower(string(u.Status)))
	}
	return c.CdrUpload.UpdateOneID(id).SetStatus(cdrupload.StatusProcessing).SetPhase(string(PhaseProcessing)).Exec(ctx)
}

// StartAnalysis asks for a new analysis run of an upload and queues it; it
// returns the upload as it now stands.
func (s *Service) StartAnalysis(ctx context.Context, uploadID int) (*ent.CdrUpload, error) {
	run, err := s.RequestAnalysis(ctx, uploadID)
	if err != nil {
		return nil, err
	}
	if err := s.Queue.EnqueueAnalysis(ctx, uploadID, run); err != nil {
		return nil, err
	}
	return txn.Client(ctx, s.Client).CdrUpload.Get(ctx, uploadID)
}

// StartProcessing marks a ready upload for processing and queues it; it
// returns the upload as it now stands.
func (s *Service) StartProcessing(ctx context.Context, uploadID int) (*ent.CdrUpload, error) {
	if err := s.RequestProcessing(ctx, uploadID); err != nil {
		return nil, err
	}
	if err := s.Queue.EnqueueProcessing(ctx, uploadID); err != nil {
		return nil, err
	}
	return txn.Client(ctx, s.Client).CdrUpload.Get(ctx, uploadID)
}
