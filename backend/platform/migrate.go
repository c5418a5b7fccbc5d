package platform

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"

	"entgo.io/ent/dialect"
	"github.com/pressly/goose/v3"

	"github.com/tollgate/tollgate/ent/migrate"
	"github.com/tollgate/tollgate/ent/migrations"
)

// Migrate applies every pending versioned migration. It is safe to run from
// several processes at once on MySQL: goose takes a lock.
func Migrate(ctx context.Context, d *Database, log *slog.Logger) error {
	var (
		dir = "mysql"
		dia = goose.DialectMySQL
	)
	if d.Dialect == dialect.SQLite {
		dir, dia = "sqlite", goose.DialectSQLite3
	}
	sub, err := fs.Sub(migrations.FS, dir)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(dia, d.DB, sub)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("apply migrations: %w", err)
	}
	for _, r := range results {
		log.Info("migration applied", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
	}
	if d.Dialect == dialect.SQLite {
		return sqliteIDRanges(ctx, d)
	}
	return nil
}

// sqliteIDRanges gives every SQLite table its own range of ids, as the MySQL
// migrations do with AUTO_INCREMENT, so a GraphQL node id names one row of
// one type. It only ever raises a sequence.
func sqliteIDRanges(ctx context.Context, d *Database) error {
	for _, t := range migrate.Tables {
		if t.Annotation == nil || t.Annotation.IncrementStart == nil || *t.Annotation.IncrementStart == 0 {
			continue
		}
		table, start := t.Name, int64(*t.Annotation.IncrementStart)
		if _, err := d.DB.ExecContext(ctx,
			`INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)`,
			table, start-1, table); err != nil {
			return fmt.Errorf("id range for %s: %w", table, err)
		}
		if _, err := d.DB.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?`, start-1, table, start-1); err != nil {
			return fmt.Errorf("id range for %s: %w", table, err)
		}
	}
	return nil
}
