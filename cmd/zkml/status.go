package main

import (
	"fmt"
	"io"
	"time"

	"github.com/zkml/zkml/prover/client"
)

func runStatus(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("status", stderr)
	var cf clientFlags
	cf.register(fs)
	id := fs.String("job", "", "job id printed by zkml submit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "coordinator", "job"); err != nil {
		return err
	}
	cl, ctx, done, err := cf.dial()
	if err != nil {
		return err
	}
	defer done()
	j, err := cl.Get(ctx, *id)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "job %s\nstate %s\nmodel %s\nattempts %d/%d\n", j.JobId, client.StateName(j.State), j.ModelId, j.Attempts, j.MaxAttempts)
	if j.Progress != "" {
		fmt.Fprintf(stdout, "progress %s\n", j.Progress)
	}
	if j.Worker != "" {
		fmt.Fprintf(stdout, "worker %s\n", j.Worker)
	}
	if j.Error != "" {
		fmt.Fprintf(stdout, "error %s\n", j.Error)
	}
	if j.ChainJobId != "" {
		fmt.Fprintf(stdout, "chain_job %s\n", j.ChainJobId)
		if j.Settlement != "" {
			fmt.Fprintf(stdout, "settlement %s\n", j.Settlement)
		}
		if j.SettlementTx != "" {
			fmt.Fprintf(stdout, "settlement_tx %s\nsettlement_gas %d\n", j.SettlementTx, j.SettlementGas)
		}
		if j.SettlementDetail != "" {
			fmt.Fprintf(stdout, "settlement_detail %s\n", j.SettlementDetail)
		}
	}
	if j.ProveSeconds > 0 {
		fmt.Fprintf(stdout, "prove_seconds %.3f\n", j.ProveSeconds)
	}
	fmt.Fprintf(stdout, "updated %s\n", time.UnixMilli(j.UpdatedUnixMs).UTC().Format(time.RFC3339))
	fmt.Fprintln(stdout, client.StateName(j.State))
	return nil
}
