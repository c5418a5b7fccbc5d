//go:build ignore

// diff.go writes the next versioned migration for MySQL and SQLite from the
// Ent schema (make migration name=...). The MySQL diff replays the existing
// migrations on a scratch database on the local MariaDB, which it drops
// afterwards; SQLite uses an in-memory database.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"time"

	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/go-sql-driver/mysql"
	"modernc.org/sqlite"

	"github.com/tollgate/tollgate/ent/migrate"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] == "" {
		log.Fatal("usage: make migration name=what_changed")
	}
	name := os.Args[1]
	ctx := context.Background()
	sql.Register("sqlite3", &sqlite.Driver{})

	root := os.Getenv("MYSQL_ROOT_URL")
	if root == "" {
		root = "root:@tcp(127.0.0.1:3306)/"
	}
	scratch := fmt.Sprintf("tollgate_migrate_%d", time.Now().UnixNano())
	db, err := sql.Open("mysql", root)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		log.Fatalf("create scratch database (is MariaDB running on 127.0.0.1:3306?): %v", err)
	}
	defer db.ExecContext(ctx, "DROP DATABASE "+scratch)

	gen := func(dir, dia, url string) {
		d, err := sqltool.NewGooseDir(dir)
		if err != nil {
			log.Fatal(err)
		}
		err = migrate.NamedDiff(ctx, url, name,
			schema.WithDir(d),
			schema.WithMigrationMode(schema.ModeReplay),
			schema.WithDialect(dia),
			schema.WithFormatter(sqltool.GooseFormatter),
			schema.WithDropColumn(true),
			schema.WithDropIndex(true),
		)
		if err != nil {
			log.Fatalf("%s: %v", dia, err)
		}
	}
	gen("ent/migrations/mysql", dialect.MySQL, "mysql://root:@127.0.0.1:3306/"+scratch)
	gen("ent/migrations/sqlite", dialect.SQLite, "sqlite://scratch?mode=memory&_pragma=foreign_keys(1)")
}
