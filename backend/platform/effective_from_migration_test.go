package platform_test

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/pressly/goose/v3"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/ent/migrations"
	"github.com/tollgate/tollgate/ent/ratesheet"
)

// A rate sheet stored with a fractional effective-from before versions were
// held to whole seconds is rounded up by the migration, as an upload now
// rounds it, and whole seconds are left alone.
func TestMigrationRoundsEffectiveFromUp(t *testing.T) {
	const wholeSeconds = 20261201210000 // the migration under test
	for _, mode := range testenv.Modes {
		t.Run(string(mode), func(t *testing.T) {
			ctx := context.Background()
			db, err := platform.OpenDatabase(ctx, testenv.Config(t, mode))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			dir, dia := "mysql", goose.DialectMySQL
			if db.Dialect == dialect.SQLite {
				dir, dia = "sqlite", goose.DialectSQLite3
			}
			sub, err := fs.Sub(migrations.FS, dir)
			if err != nil {
				t.Fatal(err)
			}
			p, err := goose.NewProvider(dia, db.DB, sub)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.UpTo(ctx, wholeSeconds-1); err != nil {
				t.Fatal(err)
			}
			// Rows as the old code wrote them: through the driver, with
			// the fraction kept.
			now := time.Now().UTC()
			if _, err := db.DB.ExecContext(ctx, "INSERT INTO tariffs (id, created_at, updated_at, name) VALUES (1, ?, ?, 'Standard')", now, now); err != nil {
				t.Fatal(err)
			}
			sheets := map[int][2]time.Time{ // id: stored, wanted after the migration
				1: {time.Date(2026, 6, 1, 10, 0, 0, 500_000_000, time.UTC), time.Date(2026, 6, 1, 10, 0, 1, 0, time.UTC)},
				2: {time.Date(2026, 6, 1, 23, 59, 59, 1_000, time.UTC), time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)},
				3: {time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)},
				4: {time.Date(2026, 6, 1, 11, 0, 0, 500_000_000, time.FixedZone("BST", 3600)), time.Date(2026, 6, 1, 10, 0, 1, 0, time.UTC)},
			}
			for id, s := range sheets {
				if _, err := db.DB.ExecContext(ctx, "INSERT INTO rate_sheets (id, created_at, updated_at, direction, version, effective_from, tariff_rate_sheets) VALUES (?, ?, ?, 'OUTBOUND', ?, ?, 1)",
					id, now, now, id, s[0]); err != nil {
					t.Fatal(err)
				}
			}
			if err := platform.Migrate(ctx, db, testenv.Logger()); err != nil {
				t.Fatal(err)
			}
			for id, s := range sheets {
				got, err := db.Client.RateSheet.Query().Where(ratesheet.ID(id)).Only(viewer.System(ctx))
				if err != nil {
					t.Fatal(err)
				}
				if !got.EffectiveFrom.Equal(s[1]) {
					t.Errorf("stored %s, after the migration %s; want %s", s[0], got.EffectiveFrom, s[1])
				}
			}
		})
	}
}
