package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/pgtest"
	"github.com/zkml/zkml/prover/store"
)

// opener opens the same database again (a restart, or a second coordinator).
type opener func(t *testing.T) store.JobStore

func open(t *testing.T, url string) store.JobStore {
	t.Helper()
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func job(id string, mem int64) *store.Job {
	return &store.Job{ID: id, ModelID: "m1", Input: []byte(`{"input_data":[[1]]}`), MemoryBytes: mem, MaxAttempts: 2}
}

// TestConformance runs the same suite against every JobStore.
func TestConformance(t *testing.T) {
	var pgServer *pgtest.Server
	dbs := 0
	impls := []struct {
		name string
		make func(t *testing.T) opener
	}{
		{"sqlite", func(t *testing.T) opener {
			path := filepath.Join(t.TempDir(), "farm.db")
			return func(t *testing.T) store.JobStore { return open(t, path) }
		}},
		{"postgres", func(t *testing.T) opener {
			if pgServer == nil {
				t.Fatal("PostgreSQL did not start")
			}
			dbs++
			url := pgServer.NewDatabase(t, fmt.Sprintf("conformance_%d", dbs))
			return func(t *testing.T) store.JobStore { return open(t, url) }
		}},
	}
	for _, impl := range impls {
		t.Run(impl.name, func(t *testing.T) {
			if impl.name == "postgres" {
				pgServer = pgtest.Start(t)
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) { c.run(t, impl.make(t)) })
			}
		})
	}
}

var cases = []struct {
	name string
	run  func(t *testing.T, reopen opener)
}{
	{"SubmitGetIdempotent", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		j := job("a", 10)
		j.Key = "k1"
		got, created, err := s.Submit(ctx, j)
		if err != nil || !created || got.State != store.Queued || got.ID != "a" || got.Attempts != 0 {
			t.Fatalf("submit: %+v %v %v", got, created, err)
		}
		again := job("b", 10)
		again.Key = "k1"
		got, created, err = s.Submit(ctx, again)
		if err != nil || created || got.ID != "a" {
			t.Fatalf("resubmit with key k1: got %+v created=%v err=%v, want job a", got, created, err)
		}
		other := job("c", 10)
		other.Key = "k1"
		other.Input = []byte(`{"input_data":[[2]]}`)
		if _, _, err := s.Submit(ctx, other); !errors.Is(err, store.ErrKeyConflict) {
			t.Fatalf("same key, other input: err %v, want ErrKeyConflict", err)
		}
		// Jobs without a key never collide.
		for _, id := range []string{"d", "e"} {
			if _, created, err := s.Submit(ctx, job(id, 1)); err != nil || !created {
				t.Fatalf("submit %s: %v %v", id, created, err)
			}
		}
		if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("get unknown: %v", err)
		}
		if _, err := s.Proof(ctx, "a"); !errors.Is(err, store.ErrNotDone) {
			t.Fatalf("proof of queued job: %v", err)
		}
		counts, err := s.Counts(ctx)
		if err != nil || counts[store.Queued] != 3 || counts[store.Done] != 0 {
			t.Fatalf("counts %v %v", counts, err)
		}
		if live, err := s.Live(ctx); err != nil || live != 3 {
			t.Fatalf("live %d %v, want the 3 queued", live, err)
		}
	}},
	{"ClaimOrderMemoryAndFencing", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		for _, j := range []*store.Job{job("big", 1000), job("small", 10)} {
			if _, _, err := s.Submit(ctx, j); err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Millisecond) // distinct creation times
		}
		got, err := s.Claim(ctx, store.Claim{Worker: "w1", MaxMemory: 100, TTL: time.Minute})
		if err != nil || got == nil || got.ID != "small" || got.State != store.Leased || got.Attempts != 1 || got.Token != 1 || got.Worker != "w1" {
			t.Fatalf("claim with 100 bytes: %+v %v, want small leased", got, err)
		}
		if got, err := s.Claim(ctx, store.Claim{Worker: "w1", MaxMemory: 100, TTL: time.Minute}); err != nil || got != nil {
			t.Fatalf("nothing else fits 100 bytes, got %+v %v", got, err)
		}
		if err := s.Heartbeat(ctx, "small", 1, time.Minute, "proving"); err != nil {
			t.Fatal(err)
		}
		if j, _ := s.Get(ctx, "small"); j.Progress != "proving" {
			t.Fatalf("progress %q", j.Progress)
		}
		if err := s.Heartbeat(ctx, "small", 7, time.Minute, "x"); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("heartbeat with a wrong token: %v", err)
		}
		if err := s.Complete(ctx, "small", 2, []byte("p"), 1); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("complete with a wrong token: %v", err)
		}
		if err := s.Complete(ctx, "small", 1, []byte("proof"), 1.5); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, "small", 1, []byte("again"), 1); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("second complete: %v", err)
		}
		p, err := s.Proof(ctx, "small")
		if err != nil || string(p) != "proof" {
			t.Fatalf("proof %q %v", p, err)
		}
		j, _ := s.Get(ctx, "small")
		if j.State != store.Done || j.ProveSecs != 1.5 {
			t.Fatalf("after complete: %+v", j)
		}
		if got, err := s.Claim(ctx, store.Claim{Worker: "w1", MaxMemory: 999, TTL: time.Minute}); err != nil || got != nil {
			t.Fatalf("nothing fits 999 bytes, got %+v %v", got, err)
		}
		got, err = s.Claim(ctx, store.Claim{Worker: "w2", MaxMemory: 24 << 30, TTL: time.Minute})
		if err != nil || got == nil || got.ID != "big" {
			t.Fatalf("claim without a memory limit: %+v %v", got, err)
		}
	}},
	{"ClaimPrefersCachedModels", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		// queued in this order: a1 (model a), b1 (b), big (b, too large), b2 (b) 1 s later
		jobs := []struct {
			id, model string
			mem       int64
			wait      time.Duration
		}{{"a1", "a", 10, 2 * time.Millisecond}, {"b1", "b", 10, 2 * time.Millisecond}, {"big", "b", 1000, time.Second}, {"b2", "b", 10, 0}}
		for _, j := range jobs {
			sj := job(j.id, j.mem)
			sj.ModelID = j.model
			if _, _, err := s.Submit(ctx, sj); err != nil {
				t.Fatal(err)
			}
			time.Sleep(j.wait)
		}
		claim := func(cached []string, window time.Duration) string {
			t.Helper()
			got, err := s.Claim(ctx, store.Claim{Worker: "w", MaxMemory: 100, TTL: time.Minute, Cached: cached, Window: window})
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				return ""
			}
			if err := s.Release(ctx, got.ID, got.Token); err != nil {
				t.Fatal(err)
			}
			return got.ID
		}
		for _, tc := range []struct {
			cached []string
			window time.Duration
			want   string
		}{
			{nil, time.Hour, "a1"},                        // no cache: the oldest
			{[]string{"x"}, time.Hour, "a1"},              // nothing cached is queued
			{[]string{"b"}, time.Hour, "b1"},              // the oldest of the cached model
			{[]string{"b", "a"}, time.Hour, "a1"},         // both cached: the oldest
			{[]string{"b"}, 0, "a1"},                      // b1 is newer than the oldest by more than 0
			{[]string{"b"}, 500 * time.Millisecond, "b1"}, // b1 within the window
		} {
			if got := claim(tc.cached, tc.window); got != tc.want {
				t.Errorf("cached %v, window %v: claimed %q, want %q", tc.cached, tc.window, got, tc.want)
			}
		}
		// with a1 and b1 gone, b2 is 1 s newer than the oldest fitting job (big does not fit)
		for _, id := range []string{"a1", "b1"} {
			if _, err := s.Cancel(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		if got := claim([]string{"b"}, 0); got != "b2" {
			t.Errorf("only b2 fits: claimed %q", got)
		}
	}},
	{"FailRetryThenFailed", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		if _, _, err := s.Submit(ctx, job("j", 1)); err != nil {
			t.Fatal(err)
		}
		c := store.Claim{Worker: "w", TTL: time.Minute}
		l1, _ := s.Claim(ctx, c)
		if err := s.Fail(ctx, "j", l1.Token, "bad proof", true); err != nil {
			t.Fatal(err)
		}
		if j, _ := s.Get(ctx, "j"); j.State != store.Queued || j.Error != "bad proof" {
			t.Fatalf("after first failure: %+v", j)
		}
		// The first lease's holder is fenced off.
		if err := s.Complete(ctx, "j", l1.Token, []byte("late"), 1); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("late result: %v", err)
		}
		l2, _ := s.Claim(ctx, c)
		if l2 == nil || l2.Token != l1.Token+1 || l2.Attempts != 2 {
			t.Fatalf("second lease %+v", l2)
		}
		if err := s.Complete(ctx, "j", l1.Token, []byte("zombie"), 1); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("zombie result while another lease holds: %v", err)
		}
		if err := s.Release(ctx, "j", l2.Token); err != nil {
			t.Fatal(err)
		}
		if j, _ := s.Get(ctx, "j"); j.State != store.Queued || j.Attempts != 1 {
			t.Fatalf("a released lease does not count as an attempt: %+v", j)
		}
		l2, _ = s.Claim(ctx, c)
		if err := s.Fail(ctx, "j", l2.Token, "bad proof again", true); err != nil {
			t.Fatal(err)
		}
		if j, _ := s.Get(ctx, "j"); j.State != store.Failed || j.Error != "bad proof again" {
			t.Fatalf("after max attempts: %+v", j)
		}
		if l, _ := s.Claim(ctx, c); l != nil {
			t.Fatalf("a failed job was leased: %+v", l)
		}
		// A bad input fails at once.
		s.Submit(ctx, job("k", 1))
		l, _ := s.Claim(ctx, c)
		s.Fail(ctx, "k", l.Token, "input too long", false)
		if j, _ := s.Get(ctx, "k"); j.State != store.Failed || j.Attempts != 1 {
			t.Fatalf("no retry: %+v", j)
		}
	}},
	{"ReapExpiredLeases", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		s.Submit(ctx, job("r", 1))
		s.Submit(ctx, job("live", 1))
		l, _ := s.Claim(ctx, store.Claim{Worker: "dead", TTL: time.Millisecond})
		l2, _ := s.Claim(ctx, store.Claim{Worker: "alive", TTL: time.Hour})
		if l == nil || l2 == nil {
			t.Fatal("claims failed")
		}
		n, err := s.Reap(ctx, time.Now().Add(time.Second))
		if err != nil || n != 1 {
			t.Fatalf("reap: %d %v, want 1", n, err)
		}
		j, _ := s.Get(ctx, l.ID)
		if j.State != store.Queued || j.Error == "" {
			t.Fatalf("reaped job %+v", j)
		}
		if j, _ := s.Get(ctx, l2.ID); j.State != store.Leased {
			t.Fatalf("live lease reaped: %+v", j)
		}
		if err := s.Heartbeat(ctx, l.ID, l.Token, time.Minute, ""); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("heartbeat after reap: %v", err)
		}
		l3, _ := s.Claim(ctx, store.Claim{Worker: "dead2", TTL: time.Millisecond})
		if l3 == nil || l3.ID != l.ID {
			t.Fatalf("requeued job not claimed: %+v", l3)
		}
		s.Reap(ctx, time.Now().Add(time.Second))
		if j, _ := s.Get(ctx, l.ID); j.State != store.Failed || j.Attempts != 2 {
			t.Fatalf("after two expired leases: %+v", j)
		}
	}},
	{"Cancel", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		s.Submit(ctx, job("q", 1))
		s.Submit(ctx, job("l", 1))
		l, _ := s.Claim(ctx, store.Claim{Worker: "w", TTL: time.Minute})
		for _, id := range []string{"q", l.ID} {
			j, err := s.Cancel(ctx, id)
			if err != nil || j.State != store.Canceled {
				t.Fatalf("cancel %s: %+v %v", id, j, err)
			}
		}
		if err := s.Complete(ctx, l.ID, l.Token, []byte("p"), 1); !errors.Is(err, store.ErrLeaseLost) {
			t.Fatalf("complete after cancel: %v", err)
		}
		if _, err := s.Cancel(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cancel unknown: %v", err)
		}
	}},
	{"Models", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		m := &store.Model{ID: "h1", CircuitID: "0x12", Constraints: 365, MemoryBytes: 1 << 20, SizeBytes: 99}
		if err := s.PutModel(ctx, m); err != nil {
			t.Fatal(err)
		}
		if err := s.PutModel(ctx, m); err != nil { // pushing twice is fine
			t.Fatal(err)
		}
		got, err := s.GetModel(ctx, "h1")
		if err != nil || got.Constraints != 365 || got.MemoryBytes != 1<<20 || got.CircuitID != "0x12" {
			t.Fatalf("get model %+v %v", got, err)
		}
		if _, err := s.GetModel(ctx, "h2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown model: %v", err)
		}
		all, err := s.ListModels(ctx)
		if err != nil || len(all) != 1 {
			t.Fatalf("list %v %v", all, err)
		}
	}},
	{"SurvivesReopen", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		s.Submit(ctx, job("x", 1))
		l, _ := s.Claim(ctx, store.Claim{Worker: "w", TTL: time.Minute})
		s.Submit(ctx, job("y", 1))
		s.Close()
		s2 := reopen(t)
		j, err := s2.Get(ctx, "x")
		if err != nil || j.State != store.Leased || j.Token != l.Token {
			t.Fatalf("after reopen: %+v %v", j, err)
		}
		if err := s2.Complete(ctx, "x", l.Token, []byte("p"), 1); err != nil {
			t.Fatalf("the lease taken before the restart still completes: %v", err)
		}
		if j, _ := s2.Get(ctx, "y"); j.State != store.Queued {
			t.Fatalf("y: %+v", j)
		}
	}},
	{"ConcurrentClaimsTakeEachJobOnce", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		// Two handles: two coordinators on one database (PostgreSQL), or two
		// connections to one file (SQLite).
		a, b := reopen(t), reopen(t)
		const n = 40
		for i := 0; i < n; i++ {
			if _, _, err := a.Submit(ctx, job(fmt.Sprintf("c%02d", i), 1)); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex // guards seen
		seen := map[string]int{}
		var wg sync.WaitGroup
		for w := 0; w < 6; w++ {
			s := a
			if w%2 == 1 {
				s = b
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					j, err := s.Claim(ctx, store.Claim{Worker: fmt.Sprint("w", w), TTL: time.Minute})
					if err != nil {
						t.Error(err)
						return
					}
					if j == nil {
						return
					}
					mu.Lock()
					seen[j.ID]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(seen) != n {
			t.Fatalf("%d distinct jobs claimed, want %d", len(seen), n)
		}
		for id, c := range seen {
			if c != 1 {
				t.Errorf("job %s claimed %d times", id, c)
			}
		}
	}},
	{"SettlementOutbox", func(t *testing.T, reopen opener) {
		ctx := context.Background()
		s := reopen(t)
		cj := job("c1", 1)
		cj.Key, cj.ChainJob = "chain:7", "7"
		if _, created, err := s.Submit(ctx, cj); err != nil || !created {
			t.Fatalf("submit chain job: %v %v", created, err)
		}
		if got, _ := s.Get(ctx, "c1"); got.ChainJob != "7" {
			t.Fatalf("chain job %q, want 7", got.ChainJob)
		}
		other := job("c2", 1)
		other.Key, other.ChainJob = "chain:7", "8"
		if _, _, err := s.Submit(ctx, other); !errors.Is(err, store.ErrKeyConflict) {
			t.Fatalf("same key, other chain job: %v, want ErrKeyConflict", err)
		}
		time.Sleep(2 * time.Millisecond)
		if _, _, err := s.Submit(ctx, job("p1", 1)); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			j, err := s.Claim(ctx, store.Claim{Worker: "w", TTL: time.Minute})
			if err != nil || j == nil {
				t.Fatalf("claim: %v %v", j, err)
			}
			if err := s.Complete(ctx, j.ID, j.Token, []byte("proof"), 1); err != nil {
				t.Fatal(err)
			}
			// A repeated completion (a duplicate result) adds nothing.
			if err := s.Complete(ctx, j.ID, j.Token, []byte("proof"), 1); !errors.Is(err, store.ErrLeaseLost) {
				t.Fatalf("second complete: %v", err)
			}
		}
		if _, err := s.GetSettlement(ctx, "p1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("settlement of an off-chain job: %v, want ErrNotFound", err)
		}
		s = reopen(t) // the outbox row outlives a restart
		rows, err := s.Settlements(ctx, store.SettlePending, store.SettleSent)
		if err != nil || len(rows) != 1 {
			t.Fatalf("live settlements %d %v, want 1", len(rows), err)
		}
		st := rows[0]
		if st.JobID != "c1" || st.ChainJob != "7" || st.State != store.SettlePending || st.Nonce != -1 || st.Status != -1 || st.Tx != nil {
			t.Fatalf("new settlement %+v", st)
		}
		st.State, st.Tx, st.TxHash, st.Nonce = store.SettleSent, []byte{1, 2, 3}, "0xabc", 4
		if err := s.UpdateSettlement(ctx, st, store.SettlePending); err != nil {
			t.Fatal(err)
		}
		// A second settler that read the row as pending loses.
		if err := s.UpdateSettlement(ctx, st, store.SettlePending); !errors.Is(err, store.ErrSettlementMoved) {
			t.Fatalf("stale update: %v, want ErrSettlementMoved", err)
		}
		got, err := s.GetSettlement(ctx, "c1")
		if err != nil || got.State != store.SettleSent || string(got.Tx) != "\x01\x02\x03" || got.TxHash != "0xabc" || got.Nonce != 4 || got.Attempts != 1 {
			t.Fatalf("sent settlement %+v %v", got, err)
		}
		got.State, got.GasUsed, got.Status, got.Detail = store.SettleSettled, 250000, 1, "paid"
		if err := s.UpdateSettlement(ctx, got, store.SettleSent); err != nil {
			t.Fatal(err)
		}
		if rows, err := s.Settlements(ctx, store.SettlePending, store.SettleSent); err != nil || len(rows) != 0 {
			t.Fatalf("live settlements after settling: %d %v", len(rows), err)
		}
		all, err := s.Settlements(ctx)
		if err != nil || len(all) != 1 || all[0].State != store.SettleSettled || all[0].GasUsed != 250000 || all[0].Status != 1 || !all[0].State.Final() {
			t.Fatalf("all settlements %+v %v", all, err)
		}
		if err := s.UpdateSettlement(ctx, &store.Settlement{JobID: "nope"}, store.SettlePending); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("update of an unknown settlement: %v", err)
		}
	}},
}
