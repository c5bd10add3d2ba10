// Package chain settles zkml proofs on an Ethereum chain: it deploys the
// market contract (contracts/registry), registers models with their verifying
// keys, escrows jobs, submits proofs, refunds, withdraws, reads job state and
// follows the registry's events.
//
// A Chain is either go-ethereum's simulated backend, embedded and pinned to
// Osaka rules ([NewSimulated]), or any JSON-RPC endpoint ([Dial]). A [Client]
// signs with one key, tracks its nonce and waits for each receipt; reverts
// come back as the exported errors below (errors.Is), with the contract's
// reason in the message.
//
// On chain the public inputs of a proof are [model commitment, input
// commitment, output, job id, submitter]: the registry assigns the job id and
// takes the submitter from msg.sender, so a proof must be made with
// prover.Request{JobID: job, Prover: submitter address}.
package chain
