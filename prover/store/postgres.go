package store

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// OpenPostgres connects to the PostgreSQL database at url and creates the
// tables if they are missing. Several coordinators may share the database:
// Claim locks the row it takes with FOR UPDATE SKIP LOCKED, so two
// coordinators never lease the same job.
func OpenPostgres(ctx context.Context, url string) (JobStore, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db.SetMaxOpenConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connecting to PostgreSQL: %w", err)
	}
	s := &sqlStore{db: db, postgres: true}
	// Two coordinators starting at once may both try CREATE TABLE IF NOT
	// EXISTS; serialize them with an advisory lock.
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7700)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(7700)`)
	for _, q := range append(schema, addChainJob(true)) {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: creating schema: %w", err)
		}
	}
	return s, nil
}
