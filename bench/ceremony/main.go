// Command ceremony measures what the multi-party Groth16 setup of one
// circuit (phase 2 of circuits/ceremony) costs at 2^16, 2^18 and 2^20
// constraints: the deterministic starting state (Init), the size of a
// contribution file, one contribution and one full verify (a chain of one
// contribution, sealed into keys), each of the last two as a process of its
// own so its peak RSS is its own. It prints a Markdown section for
// bench/REPORT.md on stdout; progress goes to stderr.
//
//	go run ./bench/ceremony [-powers 16,18,20]
//
// The circuit is the raw gnark floor of package bench (a multiplication chain
// and 8-bit range checks, so one BSB22 commitment, as a quantized model's),
// sized just below the power so its FFT domain is 2^p. The SRS is made
// directly from random τ, α and β (its toxic waste is known to this process):
// phase 2 costs the same whatever ceremony the SRS came from, and a real
// phase 1 at 2^20 (gnark's Phase1.Contribute is serial) would take longer
// than everything measured here.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/logger"

	"github.com/zkml/zkml/bench"
	"github.com/zkml/zkml/circuits/ceremony"
)

// beacon seals every chain: any fixed bytes do for a measurement.
var beacon = []byte("zkml bench ceremony beacon")

func main() {
	powers := flag.String("powers", "16,18,20", "comma-separated powers p: a circuit of just under 2^p constraints each")
	// The sub-modes the bench re-executes itself in, one process per
	// measurement (not for use by hand).
	child := flag.String("child", "", "")
	in := flag.String("in", "", "")
	out := flag.String("out", "", "")
	ccsPath := flag.String("ccs", "", "")
	srsPath := flag.String("srs", "", "")
	flag.Parse()
	logger.Disable()
	log.SetFlags(0)

	var err error
	switch *child {
	case "":
		err = run(*powers)
	case "contribute":
		err = childContribute(*in, *out)
	case "verify":
		err = childVerify(*ccsPath, *srsPath, *in)
	default:
		err = fmt.Errorf("unknown -child %q", *child)
	}
	if err != nil {
		log.Fatal(err)
	}
}

// row is what one circuit size measured.
type row struct {
	Power, Constraints, Domain int
	CompileSec                 float64 // frontend.Compile of the final circuit
	Init, Check, Seal          step    // ceremony.Init, one contribution's Verify and the Seal, in process
	ContribBytes               int64   // one contribution file
	Contribute, Verify         *proc   // the two processes
}

// step is a step timed in the bench's own process: wall and CPU seconds
// (the process does nothing else meanwhile, so its CPU time is the step's).
type step struct{ WallSec, CPUSec float64 }

// timed runs f and returns its step.
func timed(f func() error) (step, error) {
	c, t := cpuSelf(), time.Now()
	err := f()
	return step{time.Since(t).Seconds(), cpuSelf() - c}, err
}

// cpuSelf is this process's user and system CPU seconds so far.
func cpuSelf() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return tvSec(ru.Utime) + tvSec(ru.Stime)
}

// line is r's row of the main table.
func (r *row) line() string {
	return fmt.Sprintf("| %d | 2^%d | %.1f | %.1f | %d | %.1f | %.1f | %.0f | %.1f | %.0f | %.1f | %.1f |",
		r.Constraints, r.Power, r.CompileSec, r.Init.WallSec, r.ContribBytes, float64(r.ContribBytes)/1e6,
		r.Contribute.WallSec, float64(r.Contribute.PeakRSS)/1e6, r.Verify.WallSec, float64(r.Verify.PeakRSS)/1e6, r.Check.WallSec, r.Seal.WallSec)
}

// proc is one child process: its wall and CPU time, and what it reported.
type proc struct {
	WallSec float64
	CPUSec  float64 // user + system
	report
}

// report is what a child prints as JSON: the seconds of each of its steps,
// and its peak RSS read from its own /proc/self/status (VmHWM). Not the
// parent's ru_maxrss of it: Go starts a child with clone(CLONE_VM|CLONE_VFORK),
// so the child execs from the parent's address space and Linux counts the
// parent's high-water RSS into the child's maxrss (the SRS held here, 2 GB
// at 2^20, would show as every child's peak).
type report struct {
	Steps   map[string]float64
	PeakRSS int64 // bytes
}

// print writes r, with this process's peak RSS, to stdout.
func (r *report) print() error {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return fmt.Errorf("VmHWM of %q: %w", v, err)
			}
			r.PeakRSS = kb * 1024
			return json.NewEncoder(os.Stdout).Encode(r)
		}
	}
	return errors.New("no VmHWM in /proc/self/status")
}

func run(powers string) error {
	var ps []int
	for _, s := range strings.Split(powers, ",") {
		p, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || p < 4 || p > 22 {
			return fmt.Errorf("-powers: %q is not a power from 4 to 22", s)
		}
		ps = append(ps, p)
	}
	top := 0
	for _, p := range ps {
		top = max(top, p)
	}
	work, err := os.MkdirTemp("", "zkml-bench-ceremony-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	start, busy0 := time.Now(), busySec()

	// One SRS for the largest domain; each circuit gets it truncated to its
	// own, as a .ptau serves every circuit below its size.
	log.Printf("SRS for domain 2^%d", top)
	t := time.Now()
	srs, err := benchSRS(1 << top)
	if err != nil {
		return err
	}
	srsSec := time.Since(t).Seconds()
	t = time.Now()
	if err := ceremony.CheckSRS(&srs.SrsCommons); err != nil {
		return err
	}
	checkSec := time.Since(t).Seconds()

	var rows []*row
	for _, p := range ps {
		r, err := measure(p, srs, work)
		if err != nil {
			return fmt.Errorf("2^%d: %w", p, err)
		}
		// logged as it comes, so a run cut short keeps what it measured
		log.Printf("2^%d measured: %s contribute %v, verify %v", p, r.line(), r.Contribute, r.Verify)
		rows = append(rows, r)
	}
	// CPU time of this process and its children against the machine's:
	// the rest is other work sharing the machine during the run.
	wall := time.Since(start)
	var self, children syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &self); err != nil {
		return err
	}
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children); err != nil {
		return err
	}
	own := tvSec(self.Utime) + tvSec(self.Stime) + tvSec(children.Utime) + tvSec(children.Stime)
	others := max(busySec()-busy0-own, 0)
	fmt.Print(markdown(rows, top, srsSec, checkSec, wall, own, others))
	return nil
}

func tvSec(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }

// busySec is the CPU seconds all CPUs of the machine have spent busy since
// boot (user, nice, system, irq and softirq of /proc/stat's first line, in
// USER_HZ = 100 ticks a second); 0 where there is no /proc/stat.
func busySec() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
	var ticks float64
	for _, i := range []int{1, 2, 3, 6, 7} {
		if i < len(f) {
			v, _ := strconv.ParseFloat(f[i], 64)
			ticks += v
		}
	}
	return ticks / 100
}

// measure runs phase 2 of a circuit of just under 2^p constraints: Init here,
// one contribution and one verify as processes, then the verify's check and
// seal again here, timed apart.
func measure(p int, srs *ceremony.SRS, work string) (*row, error) {
	r := &row{Power: p}
	dir := filepath.Join(work, strconv.Itoa(p))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	defer debug.FreeOSMemory()

	log.Printf("2^%d: compile", p)
	ccs, sec, err := compileBelow(p)
	if err != nil {
		return nil, err
	}
	r.Constraints, r.Domain, r.CompileSec = ccs.GetNbConstraints(), ceremony.Domain(ccs), sec

	// the circuit file and its hash, as circuit.r1cs names a real circuit
	var cb bytes.Buffer
	if _, err := ccs.WriteTo(&cb); err != nil {
		return nil, err
	}
	circuit := ceremony.Hash(sha256.Sum256(cb.Bytes()))
	ccsPath := filepath.Join(dir, "circuit.r1cs")
	if err := os.WriteFile(ccsPath, cb.Bytes(), 0o644); err != nil {
		return nil, err
	}
	cb = bytes.Buffer{}

	// the SRS file for this domain, and its hash
	srsT, err := srs.Truncate(r.Domain)
	if err != nil {
		return nil, err
	}
	raw, err := ceremony.MarshalSRS(srsT)
	if err != nil {
		return nil, err
	}
	srsHash := ceremony.Hash(sha256.Sum256(raw))
	srsPath := filepath.Join(dir, "srs.bin")
	if err := os.WriteFile(srsPath, raw, 0o644); err != nil {
		return nil, err
	}
	raw = nil

	log.Printf("2^%d: %d constraints, init", p, r.Constraints)
	var p0 *ceremony.Phase2
	var evals *mpcsetup.Phase2Evaluations
	if r.Init, err = timed(func() (err error) {
		p0, evals, err = ceremony.Init(ccs, circuit, srsT, srsHash)
		return err
	}); err != nil {
		return nil, err
	}
	startPath, contribPath := filepath.Join(dir, "phase2-0.bin"), filepath.Join(dir, "phase2-1.bin")
	if err := marshalTo(startPath, p0); err != nil {
		return nil, err
	}

	log.Printf("2^%d: contribute (process)", p)
	if r.Contribute, err = runChild("-child", "contribute", "-in", startPath, "-out", contribPath); err != nil {
		return nil, err
	}
	st, err := os.Stat(contribPath)
	if err != nil {
		return nil, err
	}
	r.ContribBytes = st.Size()

	log.Printf("2^%d: verify (process)", p)
	if r.Verify, err = runChild("-child", "verify", "-ccs", ccsPath, "-srs", srsPath, "-in", contribPath); err != nil {
		return nil, err
	}

	// The verify's two steps after Init, timed apart: the contribution's
	// check against the starting state, and the seal into keys.
	log.Printf("2^%d: check and seal (in process)", p)
	c1, err := ceremony.ReadPhase2(contribPath)
	if err != nil {
		return nil, err
	}
	if r.Check, err = timed(func() error { return p0.Phase2.Verify(&c1.Phase2) }); err != nil {
		return nil, err
	}
	r.Seal, _ = timed(func() error {
		c1.Seal(&srsT.SrsCommons, evals, beacon)
		return nil
	})
	return r, nil
}

// compileBelow compiles a floor circuit of 2^p - 2^(p-4) constraints (within
// 2^(p-6) below it), so its domain is 2^p, and returns the time of its
// compile. The constraints per unit of n are read off a small circuit first,
// so the large one is usually compiled once.
func compileBelow(p int) (constraint.ConstraintSystem, float64, error) {
	domain := 1 << p
	target := domain - domain>>4
	small, err := bench.CompileFloor(4096)
	if err != nil {
		return nil, 0, err
	}
	n := int(int64(target) * 4096 / int64(small.GetNbConstraints()))
	for range 10 {
		t := time.Now()
		ccs, err := bench.CompileFloor(n)
		if err != nil {
			return nil, 0, err
		}
		sec := time.Since(t).Seconds()
		c := ccs.GetNbConstraints()
		if c < domain && c > target-domain>>6 {
			return ccs, sec, nil
		}
		next := int(int64(n) * int64(target) / int64(c))
		if next == n {
			next = n - 1
		}
		n = next
	}
	return nil, 0, fmt.Errorf("no floor circuit of about %d constraints found", target)
}

// benchSRS is an SRS for domain n from random τ, α and β, its points made by
// gnark-crypto's parallel fixed-base multiplication: [τⁱ]₁ for i < 2n-1,
// [ατⁱ]₁ and [βτⁱ]₁ for i < n, [τⁱ]₂ for i < n and [β]₂. Its toxic waste
// is this process's, so it is for measuring only.
func benchSRS(n int) (*ceremony.SRS, error) {
	var tau, alpha, beta fr.Element
	for _, x := range []*fr.Element{&tau, &alpha, &beta} {
		if _, err := x.SetRandom(); err != nil {
			return nil, err
		}
	}
	// the G1 scalars in one batch: τⁱ, then ατⁱ, then βτⁱ
	scalars := make([]fr.Element, 4*n-1)
	pow := scalars[:2*n-1]
	pow[0].SetOne()
	for i := 1; i < len(pow); i++ {
		pow[i].Mul(&pow[i-1], &tau)
	}
	for i := range n {
		scalars[2*n-1+i].Mul(&pow[i], &alpha)
		scalars[3*n-1+i].Mul(&pow[i], &beta)
	}
	_, _, g1, g2 := curve.Generators()
	p1 := curve.BatchScalarMultiplicationG1(&g1, scalars)
	p2 := curve.BatchScalarMultiplicationG2(&g2, append(pow[:n:n], beta))

	s := &ceremony.SRS{Label: fmt.Sprintf("bench SRS for domain %d from random τ, α, β (toxic waste known: measuring only)", n)}
	s.G1.Tau = p1[: 2*n-1 : 2*n-1]
	s.G1.AlphaTau = p1[2*n-1 : 3*n-1 : 3*n-1]
	s.G1.BetaTau = p1[3*n-1:]
	s.G2.Tau = p2[:n:n]
	s.G2.Beta = p2[n]
	s.G1.Tau[0], s.G2.Tau[0] = g1, g2
	return s, nil
}

func marshalTo(path string, p *ceremony.Phase2) error {
	b, err := p.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// runChild runs this binary again with args and returns its wall and CPU
// time and what it reported.
func runChild(args ...string) (*proc, error) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Stderr = os.Stderr
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	pr := &proc{WallSec: time.Since(t).Seconds()}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return nil, errors.New("no rusage for the child process")
	}
	pr.CPUSec = tvSec(ru.Utime) + tvSec(ru.Stime)
	if err := json.Unmarshal(stdout.Bytes(), &pr.report); err != nil {
		return nil, fmt.Errorf("%s printed %q: %w", strings.Join(args, " "), stdout.String(), err)
	}
	return pr, nil
}

// childContribute is one contributor's process: read the previous state,
// add a secret, write the new state. It prints the seconds of each step.
func childContribute(in, out string) error {
	steps := map[string]float64{}
	t := time.Now()
	p, err := ceremony.ReadPhase2(in)
	if err != nil {
		return err
	}
	steps["read"] = time.Since(t).Seconds()
	t = time.Now()
	if err := ceremony.Contribute(p, "bench contributor"); err != nil {
		return err
	}
	steps["contribute"] = time.Since(t).Seconds()
	t = time.Now()
	if err := marshalTo(out, p); err != nil {
		return err
	}
	steps["write"] = time.Since(t).Seconds()
	return (&report{Steps: steps}).print()
}

// childVerify is a verifier's process: read the circuit, the SRS (checked)
// and the contribution, then verify the chain of that one contribution from
// Init and seal it into keys. It prints the seconds of each step.
func childVerify(ccsPath, srsPath, in string) error {
	steps := map[string]float64{}
	t := time.Now()
	raw, err := os.ReadFile(ccsPath)
	if err != nil {
		return err
	}
	circuit := ceremony.Hash(sha256.Sum256(raw))
	ccs := groth16.NewCS(ecc.BN254)
	if _, err := ccs.ReadFrom(bytes.NewReader(raw)); err != nil {
		return err
	}
	raw = nil
	steps["read circuit"] = time.Since(t).Seconds()
	t = time.Now()
	srs, srsHash, err := ceremony.ReadSRS(srsPath)
	if err != nil {
		return err
	}
	steps["read SRS"] = time.Since(t).Seconds()
	t = time.Now()
	c1, err := ceremony.ReadPhase2(in)
	if err != nil {
		return err
	}
	steps["read contribution"] = time.Since(t).Seconds()
	want := c1.Hash()
	t = time.Now()
	res, err := ceremony.VerifyPhase2(ccs, circuit, srs, srsHash, beacon, c1)
	if err != nil {
		return err
	}
	steps["verify"] = time.Since(t).Seconds()
	if len(res.Hashes) != 1 || res.Hashes[0] != want || res.PK == nil || res.VK == nil {
		return errors.New("the verify returned no keys or another contribution's hash")
	}
	return (&report{Steps: steps}).print()
}

// markdown is the section for REPORT.md.
func markdown(rows []*row, top int, srsSec, checkSec float64, total time.Duration, own, others float64) string {
	var b strings.Builder
	mem := memTotal()
	fmt.Fprintf(&b, "\n## Setup ceremony (phase 2)\n\n")
	fmt.Fprintf(&b, "Generated by `go run ./bench/ceremony` on %s in %s.\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), total.Round(time.Second))
	fmt.Fprintf(&b, "Machine: %s, %d vCPU, %.1f GiB of memory, %s. Timings scatter 10-30%% between runs; during this one the bench used %.0f CPU-s and other processes sharing the machine %.0f CPU-s (%.0f%% of its %d vCPUs' time).\n\n",
		cpuModel(), runtime.NumCPU(), float64(mem)/(1<<30), runtime.Version(), own, others, 100*others/(total.Seconds()*float64(runtime.NumCPU())), runtime.NumCPU())
	b.WriteString("What one circuit's multi-party setup costs (circuits/ceremony, over gnark's mpcsetup), for a raw gnark circuit (the floor's multiplication chain with 8-bit range checks, one BSB22 commitment, as our models have) just below each power of two, so its FFT domain is that power. " +
		"Init is the deterministic starting state, which the coordinator and every verifier compute. A contribution is one contributor's whole process: read the previous state, add a secret, write the new one. " +
		"A verify is one whole process that reads the circuit, the SRS (checked) and the contribution, then verifies a chain of one contribution and seals it with a beacon into the proving and verifying keys: its cost is init + one check per contribution + seal, so a chain of k contributions takes about init + k·check + seal. " +
		"Init, check and seal are also timed apart in the bench's own process; peak RSS is each process's own high-water mark (VmHWM).\n\n")
	b.WriteString("| constraints | FFT domain | compile s | init s | contribution B | contribution MB | contribute s (process) | contribute peak RSS MB | verify s (process) | verify peak RSS MB | check s (per contribution) | seal s |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r.line() + "\n")
	}
	b.WriteString("\nWhere the processes' time goes, wall seconds per step, and each whole process's CPU seconds (user + system, on 2 vCPUs at most twice its wall time):\n\n")
	b.WriteString("| FFT domain | contribute: read | contribute: add secret | contribute: write | contribute: CPU s | verify: read circuit | verify: read SRS (checked) | verify: read contribution | verify: VerifyPhase2 (init + check + seal) | verify: CPU s |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		c, v := r.Contribute.Steps, r.Verify.Steps
		fmt.Fprintf(&b, "| 2^%d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", r.Power,
			c["read"], c["contribute"], c["write"], r.Contribute.CPUSec, v["read circuit"], v["read SRS"], v["read contribution"], v["verify"], r.Verify.CPUSec)
	}
	b.WriteString("\nThe verify's steps timed apart in the bench's own process, wall seconds (CPU seconds):\n\n")
	b.WriteString("| FFT domain | init | check (per contribution) | seal | init + check + seal |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| 2^%d | %.1f (%.1f) | %.1f (%.1f) | %.1f (%.1f) | %.1f (%.1f) |\n", r.Power,
			r.Init.WallSec, r.Init.CPUSec, r.Check.WallSec, r.Check.CPUSec, r.Seal.WallSec, r.Seal.CPUSec,
			r.Init.WallSec+r.Check.WallSec+r.Seal.WallSec, r.Init.CPUSec+r.Check.CPUSec+r.Seal.CPUSec)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "- The bench SRS (domain 2^%d, truncated for each circuit) is made from random τ, α and β by gnark-crypto's parallel fixed-base multiplication in %.1f s and checked by ceremony.CheckSRS in %.1f s: its toxic waste is known to the bench, so it is for measuring only. Phase 2 costs the same whatever the SRS came from (a phase-1 ceremony or an imported .ptau).\n", top, srsSec, checkSec)
	b.WriteString("- Init (and so every verify) is almost all gnark's conversion of the SRS to the Lagrange basis (mpcsetup's lagrangeCoeffsG1/G2: an FFT over curve points with a full scalar multiplication per butterfly, O(N log N), on [τⁱ]₁, [ατⁱ]₁, [βτⁱ]₁ and [τⁱ]₂): 99% of Init's CPU time in a profile at 2^16 taken while writing this bench; accumulating the constraints onto it is under 1%. A contribution is one scalar multiplication per point of Z (N-1 points), of the private wires' keys and of the commitment's bases, plus hashing the previous state.\n")
	for _, r := range rows {
		if r.Power != 20 {
			continue
		}
		peak := max(r.Contribute.PeakRSS, r.Verify.PeakRSS)
		verdict := "fits"
		if peak > mem {
			verdict = "does not fit"
		}
		fmt.Fprintf(&b, "- At 2^20 a contribution %s this machine: its process peaked at %.2f GB and the verify's at %.2f GB, of %.1f GiB.\n",
			verdict, float64(r.Contribute.PeakRSS)/1e9, float64(r.Verify.PeakRSS)/1e9, float64(mem)/(1<<30))
	}
	return b.String()
}

// cpuModel is the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// memTotal is the machine's memory in bytes (MemTotal of /proc/meminfo).
func memTotal() int64 {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}
