package analysis

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrlineerror"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/predicate"
)

// deletable selects the uploads a clerk may delete: Ready or Failed ones,
// and ones waiting for an analysis that no live worker holds. An analysis
// in hand (a live lease) is loading calls and must finish or fail first;
// an upload being processed, or processed, has become its customers'
// unbilled calls and is never deleted.
func deletable(now time.Time) predicate.CdrUpload {
	return cdrupload.Or(
		cdrupload.StatusIn(cdrupload.StatusReady, cdrupload.StatusFailed),
		cdrupload.And(cdrupload.StatusIn(cdrupload.StatusUploaded, cdrupload.StatusAnalysing),
			cdrupload.Or(cdrupload.LeaseUntilIsNil(), cdrupload.LeaseUntilLT(now.UTC()))),
	)
}

// deleteRefusal says why an upload, as it now stands, cannot be deleted.
func deleteRefusal(u *ent.CdrUpload) string {
	switch u.Status {
	case cdrupload.StatusProcessed:
		return fmt.Sprintf("%s has been processed: its calls are its customers' unbilled calls now, so it cannot be deleted", u.FileName)
	case cdrupload.StatusProcessing:
		return fmt.Sprintf("%s is being processed now: its calls are becoming its customers' unbilled calls, so it cannot be deleted", u.FileName)
	case cdrupload.StatusReady, cdrupload.StatusFailed:
		return fmt.Sprintf("%s changed while it was being deleted; its page shows where it stands now", u.FileName)
	}
	return fmt.Sprintf("%s is being analysed now: delete it once its analysis is ready or has failed", u.FileName)
}

// Delete removes an upload that is not processed, with its calls and its
// unreadable lines, and then its stored file; it answers the file's name.
// The removal is one transaction whose guarded DELETE is the status change:
// of a delete racing a processing request (or a worker taking the upload
// for analysis), exactly one wins, and a losing delete is a CONFLICT that
// names the file and changes nothing. The same file can be uploaded again
// afterwards.
func (s *Service) Delete(ctx context.Context, id int) (string, error) {
	var name, key string
	err := txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
		u, err := c.CdrUpload.Get(ctx, id)
		if err != nil {
			return apperr.NotFoundAs(err, "upload", id)
		}
		name, key = u.FileName, u.BlobKey
		// The line errors reference the row, so they go first; a refused
		// delete rolls them back.
		// They are selected by their own column, which locks nothing of the
		// upload's row before the guarded delete does.
		byUpload := func(s *sql.Selector) { s.Where(sql.EQ(s.C(cdrlineerror.UploadColumn), id)) }
		if _, err := c.CdrLineError.Delete().Where(byUpload).Exec(ctx); err != nil {
			return err
		}
		if err := s.hook("delete"); err != nil {
			return err
		}
		n, err := c.CdrUpload.Delete().Where(cdrupload.ID(id), deletable(time.Now())).Exec(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			// Read the row as it stands now, not as this transaction's
			// snapshot saw it.
			now, err := s.Client.CdrUpload.Get(ctx, id)
			if ent.IsNotFound(err) {
				return apperr.New(apperr.Conflict, "%s was deleted by someone else a moment ago", name)
			}
			if err != nil {
				return err
			}
			return &apperr.Error{Code: apperr.Conflict, Message: deleteRefusal(now), Err: errLost}
		}
		// Calls are plain rows keyed by upload (no foreign key); a call
		// whose upload is gone counts nowhere, and the same transaction
		// removes them.
		_, err = c.ExecContext(ctx, `DELETE FROM calls WHERE upload_id = ?`, id)
		return err
	})
	if err != nil {
		return "", err
	}
	if err := s.Blobs.Delete(context.WithoutCancel(ctx), key); err != nil {
		s.Log.Warn("a deleted upload's file was not removed from storage", "upload", id, "key", key, "err", err)
	}
	return name, nil
}
