package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

// OpenSQLite opens (creating if needed) the SQLite database file path in WAL
// mode. A committed write survives the process being killed. One process
// should own the file: SQLite is for a single coordinator.
func OpenSQLite(ctx context.Context, path string) (JobStore, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	// SQLite has one writer at a time; one connection serializes the store's
	// read-modify-write statements without SQLITE_BUSY retries.
	db.SetMaxOpenConns(1)
	s := &sqlStore{db: db}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w (file %s)", err, path)
	}
	return s, nil
}
