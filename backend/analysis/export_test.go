package analysis

import (
	"context"
	"database/sql"
	"log/slog"
)

// FlagDuplicatesOn runs the duplicates step of an upload on MySQL through
// db, so a test can give it a pool of its own settings.
func FlagDuplicatesOn(ctx context.Context, db *sql.DB, uploadID, providerID int, others []int, inFile bool) error {
	cs := &callStore{db: db, mysql: true, log: slog.Default()}
	return cs.flagDuplicates(ctx, uploadID, providerID, others, inFile)
}

// SetTestHook lets a test pause or fail the service at named points of its
// work ("request-analysis", "totals", "clean-up").
func SetTestHook(s *Service, h func(point string) error) { s.testHook = h }
