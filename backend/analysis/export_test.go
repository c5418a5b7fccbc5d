package analysis

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/tollgate/tollgate/ent/call"
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

// SinkCall is the text of one call, for tests that load calls directly
// through the sink the database gets.
type SinkCall struct {
	Line                                     int
	Source, Destination, Account, ChargeCode string
	Band, RateDestination                    string
}

// StoreCalls loads calls for an upload through the call store's sink, as
// an analysis does.
func StoreCalls(ctx context.Context, s *Service, uploadID int, calls []SinkCall) error {
	sk := s.calls().sink(ctx, uploadID, 4)
	start := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	for i, c := range calls {
		r := callRow{line: c.Line, status: call.StatusNoCustomer, source: c.Source, destination: c.Destination,
			account: c.Account, chargeCode: c.ChargeCode, band: c.Band, rateDestination: c.RateDestination,
			start: start.Add(time.Duration(i) * time.Second), duration: 60, dupKey: int64(i)}
		if err := sk.add(&r); err != nil {
			_ = sk.close()
			return err
		}
	}
	return sk.close()
}
