// Package migrations holds the versioned SQL migrations, one folder per
// database, written by `make migration name=...` from the Ent schema and
// applied by `tollgate migrate` and at `serve` start. Never edit an applied
// migration: add a new one.
package migrations

import "embed"

// FS holds mysql/*.sql and sqlite/*.sql.
//
//go:embed mysql/*.sql sqlite/*.sql
var FS embed.FS
