package chain

import (
	"testing"
	"time"
)

// BenchmarkSettle reports, under Osaka rules, the gas of verifying a proof
// alone (a transaction calling the model's verifier) and of settling a job
// (submitProof: verify, then credit the prover and the model owner), for a
// prover whose account is new.
func BenchmarkSettle(b *testing.B) {
	m := newMarket(b)
	var verifyGas, settleGas uint64
	for b.Loop() {
		b.StopTimer()
		job := m.request(time.Hour)
		cd := m.prove(job, m.prover.From)
		b.StartTimer()
		ok, vg, err := m.prover.VerifyGas(m.ctx, m.model, job, m.prover.From, cd)
		if err != nil || !ok {
			b.Fatalf("verify: %v %v", ok, err)
		}
		rc, err := m.prover.SubmitProof(m.ctx, job, cd)
		if err != nil {
			b.Fatal(err)
		}
		if settleGas == 0 {
			settleGas = rc.GasUsed // the first settlement: the prover's account is new
		}
		verifyGas = vg
	}
	b.ReportMetric(float64(verifyGas), "verify_gas")
	b.ReportMetric(float64(settleGas), "settle_gas")
}
