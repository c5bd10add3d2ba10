// Package pgtest starts a throwaway PostgreSQL server on loopback for tests.
// It uses Debian's binaries (scripts/setup installs them); when they are
// missing the test fails and says so, except under -short where it skips.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create databases
)

// binDir finds the directory holding initdb and pg_ctl.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("PostgreSQL binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PATH: run scripts/setup (it installs Debian's postgresql)")
}

// Server is a running PostgreSQL cluster.
type Server struct {
	Port int
	dir  string
	ctl  func(args ...string) ([]byte, error) // pg_ctl as the cluster's owner
	opts string
}

// Start initializes a cluster in a fresh directory, starts it on 127.0.0.1 and
// stops it (and removes its files) in t.Cleanup.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := binDir()
	if err != nil {
		if testing.Short() {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	root, err := os.MkdirTemp("", "zkml-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	asPostgres := func(name string, args ...string) *exec.Cmd {
		if os.Geteuid() == 0 {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(bin, name)}, args...)...)
		}
		return exec.Command(filepath.Join(bin, name), args...)
	}
	if os.Geteuid() == 0 { // PostgreSQL refuses to run as root
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("no postgres user (run scripts/setup): %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chmod(root, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(root, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(root, "data")
	if out, err := asPostgres("initdb", "-A", "trust", "-U", "app", "-E", "UTF8", "-D", data).CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	port := freePort(t)
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off", port, root)
	s := &Server{Port: port, dir: data, opts: opts, ctl: func(args ...string) ([]byte, error) {
		return asPostgres("pg_ctl", append([]string{"-D", data, "-l", filepath.Join(root, "log")}, args...)...).CombinedOutput()
	}}
	if out, err := asPostgres("pg_ctl", "-D", data, "-l", filepath.Join(root, "log"), "-w", "-o", opts, "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(root, "log"))
		t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	t.Cleanup(func() {
		if out, err := asPostgres("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").CombinedOutput(); err != nil {
			t.Errorf("pg_ctl stop: %v\n%s", err, out)
		}
	})
	return s
}

// Restart stops the server at once (as a crash would: -m immediate) and
// starts it again on the same port and data.
func (s *Server) Restart() error {
	if out, err := s.ctl("-m", "immediate", "-w", "stop"); err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	if out, err := s.ctl("-w", "-o", s.opts, "start"); err != nil {
		return fmt.Errorf("pg_ctl start: %v\n%s", err, out)
	}
	return nil
}

// NewDatabase creates an empty database and returns its URL.
func (s *Server) NewDatabase(t testing.TB, name string) string {
	t.Helper()
	db, err := sql.Open("pgx", s.url("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	return s.url(name)
}

func (s *Server) url(db string) string {
	return fmt.Sprintf("postgres://app@127.0.0.1:%d/%s?sslmode=disable", s.Port, db)
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
