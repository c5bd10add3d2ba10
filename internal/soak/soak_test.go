package soak

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to count the store's rows

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/internal/pgtest"
	"github.com/zkml/zkml/internal/proctest"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

const models = "../../../shared/models/dev"

// Result is the soak's last line.
type Result struct {
	Submitted  int            `json:"submitted"`
	Verified   int            `json:"verified"`
	Failed     int            `json:"failed"`
	Lost       int            `json:"lost"`
	Duplicated int            `json:"duplicated"`
	PaidTwice  int            `json:"paid_twice"`
	Unverified int            `json:"unverified"`
	Faults     map[string]int `json:"faults"`
	ChainMode  bool           `json:"chain_mode"`
	Settled    int            `json:"settled"` // chain jobs paid on chain
	Seed       uint64         `json:"seed"`
	Seconds    float64        `json:"seconds"`
}

type soakModel struct {
	name  string
	art   *model.Artifacts
	dir   string
	input []byte
	data  [][]float64
}

type coordinator struct {
	addr string
	proc *proctest.Proc
}

// job is one submission: its idempotency key, model and every job id the
// coordinators answered for the key (more than one is a duplicate).
type job struct {
	key   string
	model *soakModel
	ids   []string
	chain *big.Int // the registry's job id, for a job requested on chain
}

// TestSoak: N jobs across three models, two coordinators sharing one
// PostgreSQL, four workers (one behind a proxy that can stall its
// connection); at random moments (seeded; the seed is printed) a worker is
// SIGKILLed mid-proof and restarted, a coordinator is SIGKILLed and
// restarted, PostgreSQL is restarted, the proxied worker's connection
// stalls past its lease. Every submitted job must end done with a proof
// that verifies and binds its job id and input; nothing lost, nothing
// duplicated. ZKML_SOAK=short runs a few minutes; ZKML_SOAK=DURATION keeps
// submitting and injecting faults that long. The result is printed as one
// JSON line starting `SOAK `.
func TestSoak(t *testing.T) {
	mode := os.Getenv("ZKML_SOAK")
	if mode == "" {
		t.Skip("ZKML_SOAK=short or ZKML_SOAK=DURATION runs the chaos soak (scripts/soak)")
	}
	window := 40 * time.Second
	batch := 24
	if mode != "short" {
		d, err := time.ParseDuration(mode)
		if err != nil {
			t.Fatalf("ZKML_SOAK=%q: want short or a duration", mode)
		}
		window = d
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("ZKML_SOAK_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	// the fault schedule has a generator of its own, so the seed reruns it;
	// submissions share another
	faultRng := rand.New(rand.NewPCG(seed, 1))
	var rngMu sync.Mutex
	subRng := rand.New(rand.NewPCG(seed, 2))
	intn := func(n int) int { rngMu.Lock(); defer rngMu.Unlock(); return subRng.IntN(n) }
	start := time.Now()
	t.Logf("seed %d (ZKML_SOAK_SEED reruns this schedule of faults)", seed)

	// three models, compiled once
	var ms []*soakModel
	for _, name := range []string{"1l_mlp", "sklearn_mlp", "mnist_mlp_bn"} {
		dir := filepath.Join(t.TempDir(), name)
		data, err := devmodel.Compile(filepath.Join(models, name), dir)
		if err != nil {
			t.Fatal(err)
		}
		a, err := model.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := json.Marshal(map[string]any{"input_data": data})
		ms = append(ms, &soakModel{name: name, art: a, dir: dir, input: in, data: data})
	}

	pg := pgtest.Start(t)
	url := pg.NewDatabase(t, "soak")
	ctx, cancel := context.WithTimeout(context.Background(), window+10*time.Minute)
	defer cancel()

	// chain mode: a dev chain process, the registry and the models on it;
	// coordinator 0 settles with key 1 (its settler restarts when it is
	// killed), key 2 requests jobs
	chainMode := os.Getenv("ZKML_SOAK_CHAIN") != "0"
	var (
		owner, requester *chain.Client
		onChain          = map[string]*big.Int{} // model name -> registry model id
		settleAddr       common.Address
	)
	var serveChain []string
	if chainMode {
		rpcAddr := proctest.FreeAddr(t)
		cp := proctest.Start(t, "chain", nil, "chain", "dev", "--listen", rpcAddr, "--accounts", "3")
		if err := proctest.WaitListening(cp, rpcAddr, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		rpc := "http://" + rpcAddr
		c, err := chain.Dial(ctx, rpc)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if owner, _, err = chain.Deploy(ctx, c, chain.DevKey(0)); err != nil {
			t.Fatal(err)
		}
		if requester, err = chain.New(ctx, c, chain.DevKey(2), owner.Registry); err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			id, _, err := owner.RegisterModel(ctx, chain.Model{Commitment: m.art.ID, VK: m.art.VK, Price: big.NewInt(1e15), RoyaltyBps: 500})
			if err != nil {
				t.Fatal(err)
			}
			onChain[m.name] = id
		}
		k := chain.DevKey(1)
		settleAddr = crypto.PubkeyToAddress(k.PublicKey)
		serveChain = []string{"--chain-rpc", rpc, "--chain-key", hex.EncodeToString(crypto.FromECDSA(k)), "--registry", owner.Registry.Hex(), "--chain-from", "0"}
	}

	var coords []*coordinator
	for i := range 2 {
		addr := proctest.FreeAddr(t)
		args := []string{"serve", "--listen", addr, "--data", t.TempDir(), "--store", url, "--lease-ttl", "3s"}
		if i == 0 {
			args = append(args, serveChain...)
		}
		p := proctest.Start(t, fmt.Sprintf("serve%d", i), nil, args...)
		if err := proctest.WaitListening(p, addr, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		coords = append(coords, &coordinator{addr: addr, proc: p})
	}
	ids := map[string]string{} // model name -> farm model id
	for _, c := range coords {
		cl := dialT(t, c.addr)
		for _, m := range ms {
			pm, err := cl.PushModel(ctx, m.dir)
			if err != nil {
				t.Fatal(err)
			}
			ids[m.name] = pm.ModelId
		}
		cl.Close()
	}

	px := newProxy(t, coords[1].addr)
	var workers []*proctest.Proc
	for i := range 4 {
		addr := coords[i%2].addr
		if i == 3 {
			addr = px.addr
		}
		w := proctest.Start(t, fmt.Sprintf("worker%d", i), []string{"ZKML_TEST_PROVE_DELAY=300ms"}, "worker", "--coordinator", addr, "--cache", t.TempDir(), "--name", fmt.Sprintf("w%d", i))
		workers = append(workers, w)
	}

	res := Result{Faults: map[string]int{}}
	var (
		mu   sync.Mutex // guards jobs
		jobs []*job
	)
	submit := func(j *job) {
		if j.chain == nil && chainMode && intn(3) == 0 {
			// requested on chain first, then the input goes to the settling coordinator
			commitment, err := chain.InputCommitment(j.model.art, j.model.data)
			if err != nil {
				t.Error(err)
				return
			}
			for ctx.Err() == nil {
				if j.chain, _, err = requester.RequestJob(ctx, onChain[j.model.name], commitment, time.Now().Add(30*time.Minute)); err == nil {
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
		}
		for attempt := 0; ctx.Err() == nil; attempt++ {
			c := coords[intn(len(coords))]
			fj := client.Job{Model: ids[j.model.name], Input: j.model.input, Key: j.key}
			if j.chain != nil {
				c, fj = coords[0], client.Job{Input: j.model.input, ChainJob: j.chain.String()}
			}
			cl, err := client.Dial(c.addr, client.Options{CallTimeout: 5 * time.Second})
			if err == nil {
				var pj *api.Job
				pj, err = cl.Submit(ctx, fj)
				cl.Close()
				if err == nil {
					mu.Lock()
					if !slices.Contains(j.ids, pj.JobId) {
						j.ids = append(j.ids, pj.JobId)
					}
					mu.Unlock()
					// submitting again with the key must answer the same job
					if attempt == 0 && intn(4) == 0 {
						continue
					}
					return
				}
			}
			time.Sleep(200 * time.Millisecond) // a coordinator or the database is down
		}
	}

	// faults, in a shuffled cycle so that each kind happens, until the
	// submission window closes
	stopFaults := make(chan struct{})
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		kinds := []string{"worker_kill", "coordinator_kill", "postgres_restart", "network_stall"}
		if chainMode {
			kinds = append(kinds, "settler_restart")
		}
		rng2 := faultRng
		for {
			rng2.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
			for _, k := range kinds {
				select {
				case <-stopFaults:
					return
				case <-time.After(time.Duration(1000+rng2.IntN(2000)) * time.Millisecond):
				}
				switch k {
				case "worker_kill":
					w := workers[rng2.IntN(len(workers))]
					w.Kill()
					time.Sleep(time.Duration(300+rng2.IntN(1200)) * time.Millisecond)
					if err := w.Restart(); err != nil {
						t.Errorf("restarting %s: %v", w.Name, err)
					}
				case "coordinator_kill":
					c := coords[rng2.IntN(len(coords))]
					c.proc.Kill()
					time.Sleep(time.Duration(500+rng2.IntN(1500)) * time.Millisecond)
					if err := c.proc.Restart(); err != nil {
						t.Errorf("restarting %s: %v", c.proc.Name, err)
					}
					if err := proctest.WaitListening(c.proc, c.addr, 30*time.Second); err != nil {
						t.Error(err)
					}
				case "settler_restart": // the settling coordinator, killed mid-settlement or not
					c := coords[0]
					c.proc.Kill()
					time.Sleep(time.Duration(300+rng2.IntN(1000)) * time.Millisecond)
					if err := c.proc.Restart(); err != nil {
						t.Errorf("restarting %s: %v", c.proc.Name, err)
					}
					if err := proctest.WaitListening(c.proc, c.addr, 30*time.Second); err != nil {
						t.Error(err)
					}
				case "postgres_restart":
					if err := pg.Restart(); err != nil {
						t.Errorf("restarting PostgreSQL: %v", err)
					}
				case "network_stall":
					px.stall(4 * time.Second) // past the 3 s lease
				}
				mu.Lock()
				res.Faults[k]++
				mu.Unlock()
			}
		}
	}()

	// submissions: a batch at a time until the window closes (short: one
	// batch, spread over the window)
	var wg sync.WaitGroup
	deadline := time.Now().Add(window)
	for n := 0; n == 0 || (mode != "short" && time.Now().Before(deadline)); n++ {
		for i := range batch {
			j := &job{key: fmt.Sprintf("soak-%d-%d", n, i), model: ms[(n*batch+i)%len(ms)]}
			mu.Lock()
			jobs = append(jobs, j)
			mu.Unlock()
			wg.Add(1)
			go func() { defer wg.Done(); submit(j) }()
			time.Sleep(min(window/time.Duration(2*batch), time.Second))
		}
		wg.Wait()
	}
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	close(stopFaults)
	<-faultsDone
	// everything is up again: wait for every job to end
	res.Submitted = len(jobs)
	final := waitAll(t, ctx, coords, jobs, 5*time.Minute)
	for _, j := range jobs {
		if len(j.ids) > 1 {
			res.Duplicated++
		}
		st, ok := final[j.key]
		switch {
		case !ok:
			res.Lost++
		case st.State == api.JobState_JOB_STATE_FAILED:
			res.Failed++
			t.Logf("job %s (%s) failed: %s", j.ids[0], j.key, st.Error)
		case st.State != api.JobState_JOB_STATE_DONE:
			res.Lost++
			t.Logf("job %s (%s) ended %s", j.ids[0], j.key, st.State)
		default:
			if err := checkProof(ctx, coords, j); err != nil {
				res.Unverified++
				t.Logf("job %s (%s): %v", j.ids[0], j.key, err)
			} else if j.chain != nil && !paid(ctx, requester, j.chain, settleAddr, 2*time.Minute) {
				res.Lost++ // proved, never settled
				t.Logf("chain job %s was proved but not paid to %s", j.chain, settleAddr)
			} else {
				res.Verified++
			}
		}
	}
	// the store itself: one row per submission, or a job was created twice
	// (including one whose id no requester saw)
	if db, err := sql.Open("pgx", url); err == nil {
		var rows int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM jobs`).Scan(&rows); err == nil && rows > res.Submitted {
			res.Duplicated += rows - res.Submitted
			t.Logf("the store holds %d jobs for %d submissions", rows, res.Submitted)
		} else if err != nil {
			t.Errorf("counting the store's jobs: %v", err)
		}
		db.Close()
	}
	if chainMode {
		res.ChainMode = true
		evs, err := requester.Events(ctx, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		times := map[string]int{}
		for _, e := range evs {
			if e.JobPaid != nil {
				times[e.JobPaid.Job.String()]++
			}
		}
		for job, n := range times {
			if n > 1 {
				res.PaidTwice++
				t.Logf("chain job %s paid %d times", job, n)
			}
			res.Settled++
		}
	}
	res.Seed, res.Seconds = seed, time.Since(start).Seconds()
	line, _ := json.Marshal(res)
	fmt.Printf("SOAK %s\n", line)
	if res.Verified != res.Submitted || res.Lost+res.Duplicated+res.Failed+res.Unverified+res.PaidTwice != 0 {
		for _, p := range append(workers, coords[0].proc, coords[1].proc) {
			t.Logf("%s:\n%s", p.Name, p.Tail())
		}
		t.Fatalf("soak: %s", line)
	}
}

func dialT(t *testing.T, addr string) *client.Client {
	t.Helper()
	cl, err := client.Dial(addr, client.Options{CallTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// waitAll polls every job (through whichever coordinator answers) until it
// ends or timeout passes, and returns the last state of each by key.
func waitAll(t *testing.T, ctx context.Context, coords []*coordinator, jobs []*job, timeout time.Duration) map[string]*api.Job {
	out := map[string]*api.Job{}
	deadline := time.Now().Add(timeout)
	for {
		pending := 0
		for _, j := range jobs {
			if len(j.ids) == 0 {
				continue // never accepted: lost
			}
			if s, ok := out[j.key]; ok && client.Terminal(s.State) {
				continue
			}
			for _, c := range coords {
				cl, err := client.Dial(c.addr, client.Options{CallTimeout: 5 * time.Second})
				if err != nil {
					continue
				}
				s, err := cl.Get(ctx, j.ids[0])
				cl.Close()
				if err == nil {
					out[j.key] = s
					break
				}
			}
			if s, ok := out[j.key]; !ok || !client.Terminal(s.State) {
				pending++
			}
		}
		if pending == 0 || time.Now().After(deadline) {
			if pending > 0 {
				t.Logf("%d jobs not finished after %s", pending, timeout)
			}
			return out
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// checkProof fetches a done job's proof and checks it as a requester
// would: it verifies, binds this job id and the submitted input.
func checkProof(ctx context.Context, coords []*coordinator, j *job) error {
	var raw []byte
	var err error
	for _, c := range coords {
		var cl *client.Client
		if cl, err = client.Dial(c.addr, client.Options{CallTimeout: 10 * time.Second}); err != nil {
			continue
		}
		raw, err = cl.Proof(ctx, j.ids[0])
		cl.Close()
		if err == nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("fetching the proof: %w", err)
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		return err
	}
	if err := verifier.Verify(j.model.art, &pf); err != nil {
		return err
	}
	if got, err := verifier.ParseHex(pf.JobID); err != nil || got.Text(16) != strings.TrimLeft(j.ids[0], "0") {
		return fmt.Errorf("the proof binds job %s", pf.JobID)
	}
	want, err := chain.InputCommitment(j.model.art, j.model.data)
	if err != nil {
		return err
	}
	if got, err := verifier.ParseHex(pf.InputCommitment); err != nil || got.Cmp(want) != 0 || want.Cmp(new(big.Int)) == 0 {
		return fmt.Errorf("the proof binds input %s, the job's is %s", pf.InputCommitment, verifier.Hex(want))
	}
	return nil
}

// paid waits until the registry shows job paid to prover.
func paid(ctx context.Context, c *chain.Client, job *big.Int, prover common.Address, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if j, err := c.Job(ctx, job); err == nil && j.Status == chain.StatusPaid {
			return j.Prover == prover
		}
		time.Sleep(500 * time.Millisecond)
	}
	return false
}
