package platform

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/go-sql-driver/mysql"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"

	"github.com/tollgate/tollgate/ent"
	_ "github.com/tollgate/tollgate/ent/runtime" // hooks and privacy policies
)

// Database is an open database with its Ent client.
type Database struct {
	Client  *ent.Client
	DB      *sql.DB
	Dialect string // dialect.MySQL or dialect.SQLite
	// Name is a description safe to log: the host and schema, or the file.
	Name string
}

// Close closes the client and the pool.
func (d *Database) Close() error { return d.Client.Close() }

// OpenDatabase opens MySQL when DATABASE_URL is set, else the embedded SQLite
// file under the data directory.
func OpenDatabase(ctx context.Context, c Config) (*Database, error) {
	if c.DatabaseURL == "" {
		dir, err := c.ensureDataDir()
		if err != nil {
			return nil, err
		}
		return OpenSQLite(ctx, filepath.Join(dir, "tollgate.db"))
	}
	return OpenMySQL(ctx, c.DatabaseURL)
}

// MySQLConfig turns mysql://user:pass@host:port/db?param=value (or a
// go-sql-driver DSN) into a driver configuration with the settings Tollgate
// relies on: UTC times and interpolated parameters for bulk inserts.
func MySQLConfig(raw string) (*mysql.Config, error) {
	var cfg *mysql.Config
	if strings.HasPrefix(raw, "mysql://") || strings.HasPrefix(raw, "mariadb://") {
		u, err := url.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("DATABASE_URL is not a valid URL: %w", err)
		}
		cfg = mysql.NewConfig()
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
		cfg.Net = "tcp"
		cfg.Addr = u.Host
		if u.Port() == "" {
			cfg.Addr = u.Host + ":3306"
		}
		cfg.DBName = strings.TrimPrefix(u.Path, "/")
		cfg.Params = map[string]string{}
		for k, v := range u.Query() {
			cfg.Params[k] = v[0]
		}
	} else {
		var err error
		if cfg, err = mysql.ParseDSN(raw); err != nil {
			return nil, fmt.Errorf("DATABASE_URL: %w", err)
		}
	}
	if cfg.DBName == "" {
		return nil, fmt.Errorf("DATABASE_URL names no database: add /tollgate to the URL")
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.InterpolateParams = true
	cfg.MultiStatements = false
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	return cfg, nil
}

// OpenMySQL opens a MySQL / MariaDB database.
func OpenMySQL(ctx context.Context, raw string) (*Database, error) {
	cfg, err := MySQLConfig(raw)
	if err != nil {
		return nil, err
	}
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(16)
	db.SetConnMaxLifetime(30 * time.Minute)
	if err := pingRetry(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach MySQL at %s (database %s): %w", cfg.Addr, cfg.DBName, err)
	}
	drv := entsql.OpenDB(dialect.MySQL, db)
	return &Database{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dialect.MySQL, Name: cfg.Addr + "/" + cfg.DBName}, nil
}

// OpenSQLite opens (creating) an SQLite file. WAL lets readers run beside
// the single writer; the busy timeout queues writers instead of failing.
func OpenSQLite(ctx context.Context, path string) (*Database, error) {
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(20000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// One writer at a time is SQLite's rule; a small pool keeps readers going.
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	drv := entsql.OpenDB(dialect.SQLite, db)
	return &Database{Client: ent.NewClient(ent.Driver(drv)), DB: db, Dialect: dialect.SQLite, Name: path}, nil
}

func pingRetry(ctx context.Context, db *sql.DB) error {
	var err error
	for i := 0; i < 10; i++ {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
	return err
}
