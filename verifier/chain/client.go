package chain

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/contracts/registry"
	contractverifier "github.com/zkml/zkml/contracts/verifier"
)

// Client talks to one deployed registry with one key. It is safe for
// concurrent use: sends are serialized and the nonce is tracked locally
// (re-read from the chain after a failed send).
type Client struct {
	Chain    *Chain
	Registry common.Address
	From     common.Address
	// Poll is how often a receipt or new logs are looked for on a JSON-RPC chain.
	Poll time.Duration

	key     *ecdsa.PrivateKey
	chainID *big.Int
	abi     *registry.Registry
	vabi    *contractverifier.Verifier

	mu    sync.Mutex // protects nonce; held across a send so nonces go out in order
	nonce *uint64
}

// Deploy deploys a new registry and returns a client for it.
func Deploy(ctx context.Context, c *Chain, key *ecdsa.PrivateKey) (*Client, *types.Receipt, error) {
	cl, err := newClient(ctx, c, key)
	if err != nil {
		return nil, nil, err
	}
	bin := common.FromHex(registry.RegistryMetaData.Bin)
	rc, err := cl.send(ctx, nil, bin, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("deploying the registry: %w", err)
	}
	cl.Registry = rc.ContractAddress
	return cl, rc, nil
}

// New returns a client for the registry at addr.
func New(ctx context.Context, c *Chain, key *ecdsa.PrivateKey, addr common.Address) (*Client, error) {
	cl, err := newClient(ctx, c, key)
	if err != nil {
		return nil, err
	}
	code, err := c.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, err
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no contract at %s on %s", addr, c)
	}
	cl.Registry = addr
	return cl, nil
}

func newClient(ctx context.Context, c *Chain, key *ecdsa.PrivateKey) (*Client, error) {
	id, err := c.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain %s: %w", c, err)
	}
	return &Client{
		Chain: c, From: crypto.PubkeyToAddress(key.PublicKey), Poll: 100 * time.Millisecond,
		key: key, chainID: id, abi: registry.NewRegistry(), vabi: contractverifier.NewVerifier(),
	}, nil
}

// Model is what registering a model takes.
type Model struct {
	Commitment *big.Int // model.json's model_id
	VK         groth16.VerifyingKey
	Price      *big.Int // wei per job
	RoyaltyBps uint16   // the owner's share, basis points of the price
	// Setup is how the keys were made (model.json's setup): a ceremony's
	// transcript hash and number of contributions are recorded on chain;
	// the zero value is a development setup.
	Setup model.Setup
}

// setupOnChain is what the registry records of s: the transcript's SHA-256
// and the number of contributions, both zero for a development setup.
func setupOnChain(s model.Setup) ([32]byte, uint32, error) {
	var t [32]byte
	if s.Kind != model.SetupCeremony {
		return t, 0, nil
	}
	b, err := hex.DecodeString(s.Transcript)
	if err != nil || len(b) != 32 || len(s.Contributions) == 0 {
		return t, 0, fmt.Errorf("model.json's ceremony record has transcript %q and %d contributions: want a SHA-256 and at least one", s.Transcript, len(s.Contributions))
	}
	copy(t[:], b)
	return t, uint32(len(s.Contributions)), nil
}

// RegisterModel registers m, deploying its verifier, and returns the model id.
func (c *Client) RegisterModel(ctx context.Context, m Model) (*big.Int, *types.Receipt, error) {
	vk, err := VerifyingKey(m.VK)
	if err != nil {
		return nil, nil, err
	}
	if m.Price == nil || m.Price.Sign() < 0 || m.Price.BitLen() > 96 {
		return nil, nil, fmt.Errorf("price %v: must be within 0..2^96-1 wei", m.Price)
	}
	transcript, contributions, err := setupOnChain(m.Setup)
	if err != nil {
		return nil, nil, err
	}
	data, err := c.abi.TryPackRegisterModel(m.Commitment, vk, m.Price, m.RoyaltyBps, transcript, contributions)
	if err != nil {
		return nil, nil, err
	}
	rc, err := c.send(ctx, &c.Registry, data, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("registering the model: %w", err)
	}
	for _, l := range rc.Logs {
		if ev, err := c.abi.UnpackModelRegisteredEvent(l); err == nil {
			return ev.Model, rc, nil
		}
	}
	return nil, rc, fmt.Errorf("%w: no ModelRegistered event in %s", ErrReverted, rc.TxHash)
}

// RequestJob escrows the model's price for one inference on an input (its
// input public input: the packed input or its commitment, see
// model.Meta.InputValue), open until deadline, and returns the job id.
func (c *Client) RequestJob(ctx context.Context, model, input *big.Int, deadline time.Time) (*big.Int, *types.Receipt, error) {
	return c.RequestJobFor(ctx, model, input, deadline, common.Address{}, 0)
}

// RequestJobFor is RequestJob with a consumer contract the registry calls
// back with the verified output and callbackGas gas (zero and 0 for none).
func (c *Client) RequestJobFor(ctx context.Context, model, input *big.Int, deadline time.Time, consumer common.Address, callbackGas uint32) (*big.Int, *types.Receipt, error) {
	m, err := c.Model(ctx, model)
	if err != nil {
		return nil, nil, err
	}
	data, err := c.abi.TryPackRequestJob(model, input, uint64(deadline.Unix()), consumer, callbackGas)
	if err != nil {
		return nil, nil, err
	}
	rc, err := c.send(ctx, &c.Registry, data, m.Price)
	if err != nil {
		return nil, nil, fmt.Errorf("requesting a job: %w", err)
	}
	for _, l := range rc.Logs {
		if ev, err := c.abi.UnpackJobRequestedEvent(l); err == nil {
			return ev.Job, rc, nil
		}
	}
	return nil, rc, fmt.Errorf("%w: no JobRequested event in %s", ErrReverted, rc.TxHash)
}

// SubmitProof submits a proof for job; the proof must bind the job id and
// this client's address.
func (c *Client) SubmitProof(ctx context.Context, job *big.Int, cd *Calldata) (*types.Receipt, error) {
	data, err := c.abi.TryPackSubmitProof(job, cd.Proof, cd.Output)
	if err != nil {
		return nil, err
	}
	rc, err := c.send(ctx, &c.Registry, data, nil)
	if err != nil {
		return nil, fmt.Errorf("submitting the proof for job %s: %w", job, err)
	}
	return rc, nil
}

// Refund returns an unpaid job's escrow to its requester's credit after the deadline.
func (c *Client) Refund(ctx context.Context, job *big.Int) (*types.Receipt, error) {
	rc, err := c.send(ctx, &c.Registry, c.abi.PackRefund(job), nil)
	if err != nil {
		return nil, fmt.Errorf("refunding job %s: %w", job, err)
	}
	return rc, nil
}

// Withdraw sends this client's credit to its address.
func (c *Client) Withdraw(ctx context.Context) (*types.Receipt, error) {
	rc, err := c.send(ctx, &c.Registry, c.abi.PackWithdraw(), nil)
	if err != nil {
		return nil, fmt.Errorf("withdrawing: %w", err)
	}
	return rc, nil
}

// SetPrice sets the price of a model's later jobs (its holder only).
func (c *Client) SetPrice(ctx context.Context, model, price *big.Int) (*types.Receipt, error) {
	if price == nil || price.Sign() < 0 || price.BitLen() > 96 {
		return nil, fmt.Errorf("price %v: must be within 0..2^96-1 wei", price)
	}
	rc, err := c.send(ctx, &c.Registry, c.abi.PackSetPrice(model, price), nil)
	if err != nil {
		return nil, fmt.Errorf("setting model %s's price: %w", model, err)
	}
	return rc, nil
}

// Retire stops a model taking new jobs (its holder only); open jobs keep their terms.
func (c *Client) Retire(ctx context.Context, model *big.Int) (*types.Receipt, error) {
	rc, err := c.send(ctx, &c.Registry, c.abi.PackRetire(model), nil)
	if err != nil {
		return nil, fmt.Errorf("retiring model %s: %w", model, err)
	}
	return rc, nil
}

// TransferModel hands a model's token (its royalties, price and retirement)
// to another address.
func (c *Client) TransferModel(ctx context.Context, model *big.Int, to common.Address) (*types.Receipt, error) {
	rc, err := c.send(ctx, &c.Registry, c.abi.PackSafeTransferFrom(c.From, to, model), nil)
	if err != nil {
		return nil, fmt.Errorf("transferring model %s to %s: %w", model, to, err)
	}
	return rc, nil
}

// Holder is the address that holds a model's token.
func (c *Client) Holder(ctx context.Context, model *big.Int) (common.Address, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackOwnerOf(model))
	if err != nil {
		return common.Address{}, err
	}
	return c.abi.UnpackOwnerOf(out)
}

// OpenAccount opens this client's credit slot, if it is not open, so that
// its first payment does not pay for a new storage slot (about 17k gas off
// a prover's first settlement); it returns nil when nothing was sent.
func (c *Client) OpenAccount(ctx context.Context) (*types.Receipt, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackAccountOpen(c.From))
	if err != nil {
		return nil, err
	}
	open, err := c.abi.UnpackAccountOpen(out)
	if err != nil || open {
		return nil, err
	}
	rc, err := c.send(ctx, &c.Registry, c.abi.PackOpenAccount(), nil)
	if err != nil {
		return nil, fmt.Errorf("opening the account of %s: %w", c.From, err)
	}
	return rc, nil
}

// Credit is the wei account can withdraw.
func (c *Client) Credit(ctx context.Context, account common.Address) (*big.Int, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackBalances(account))
	if err != nil {
		return nil, err
	}
	return c.abi.UnpackBalances(out)
}

// ModelInfo is a registered model.
type ModelInfo = registry.ModelsOutput

// Model reads a registered model.
func (c *Client) Model(ctx context.Context, id *big.Int) (ModelInfo, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackModels(id))
	if err != nil {
		return ModelInfo{}, err
	}
	m, err := c.abi.UnpackModels(out)
	if err == nil && m.Owner == (common.Address{}) {
		err = fmt.Errorf("%w: %s", ErrUnknownModel, id)
	}
	return m, err
}

// ErrNotThisModel: a registered model is not the artifacts' model: another
// commitment, or the same commitment with another verifying key (anyone may
// register a commitment; only its verifying key decides what proves it).
var ErrNotThisModel = errors.New("registered model is not these artifacts")

// CheckModel checks that registered model id is a's: the same commitment and
// the same verifying key (the registry's vkHash).
func (c *Client) CheckModel(ctx context.Context, id *big.Int, a *model.Artifacts) (ModelInfo, error) {
	m, err := c.Model(ctx, id)
	if err != nil {
		return m, err
	}
	if m.Commitment.Cmp(a.ID) != 0 {
		return m, fmt.Errorf("%w: model %s has commitment 0x%x, the artifacts %s", ErrNotThisModel, id, m.Commitment, a.Meta.ModelID)
	}
	h, err := VKHash(a.VK)
	if err != nil {
		return m, err
	}
	if m.VkHash != h {
		return m, fmt.Errorf("%w: model %s was registered with verifying key %x, the artifacts' is %x (a registration by someone else, or keys from another setup)", ErrNotThisModel, id, m.VkHash, h)
	}
	return m, nil
}

// KeySetup is how a registered model's keys were made, as the registry
// records it.
type KeySetup struct {
	Ceremony      bool     // false: a development setup, whose maker could forge proofs
	Transcript    [32]byte // SHA-256 of the ceremony's transcript (model.json's setup.transcript)
	Contributions uint32
}

func (k KeySetup) String() string {
	if !k.Ceremony {
		return "development setup (one party made the keys and could forge proofs)"
	}
	return fmt.Sprintf("ceremony of %d contributions, transcript %x", k.Contributions, k.Transcript)
}

// KeySetup reads how a registered model's keys were made.
func (c *Client) KeySetup(ctx context.Context, model *big.Int) (KeySetup, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackKeySetup(model))
	if err != nil {
		return KeySetup{}, err
	}
	k, err := c.abi.UnpackKeySetup(out)
	if err != nil {
		return KeySetup{}, err
	}
	return KeySetup{Ceremony: k.Ceremony, Transcript: k.Transcript, Contributions: k.Contributions}, nil
}

// Status is a job's state on chain.
type Status uint8

// Job states, as the registry numbers them.
const (
	StatusNone Status = iota
	StatusOpen
	StatusPaid
	StatusRefunded
)

func (s Status) String() string {
	switch s {
	case StatusNone:
		return "none"
	case StatusOpen:
		return "open"
	case StatusPaid:
		return "paid"
	case StatusRefunded:
		return "refunded"
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Job is a job's state on chain.
type Job struct {
	ID        *big.Int
	Model     *big.Int
	Requester common.Address
	Amount    *big.Int
	Prover    common.Address // the paid prover, once paid
	Deadline  time.Time
	Status    Status
	// Input is the input public input the job was requested for: the
	// packed input (model.json input_encoding "packed") or its commitment.
	Input       *big.Int
	Consumer    common.Address // the contract called back with the output, or zero
	CallbackGas uint32         // the gas its callback gets
	Output      *big.Int       // the verified output public input, once paid
}

// Job reads a job's state: a coordinator re-checks it before proving or
// sending a proof.
func (c *Client) Job(ctx context.Context, id *big.Int) (*Job, error) {
	out, err := c.call(ctx, &c.Registry, c.abi.PackJobs(id))
	if err != nil {
		return nil, err
	}
	j, err := c.abi.UnpackJobs(out)
	if err != nil {
		return nil, err
	}
	if Status(j.Status) == StatusNone {
		return nil, fmt.Errorf("%w: %s", ErrUnknownJob, id)
	}
	return &Job{
		ID: id, Model: j.Model, Requester: j.Requester, Amount: j.Amount, Prover: j.Prover,
		Deadline: time.Unix(j.Deadline.Int64(), 0), Status: Status(j.Status), Input: j.Input, Consumer: j.Consumer, CallbackGas: j.CallbackGas, Output: j.Output,
	}, nil
}

// VerifyGas checks cd against a model's verifier for job and submitter
// without a transaction; it returns whether the proof verifies and the gas a
// transaction calling the verifier alone would use.
func (c *Client) VerifyGas(ctx context.Context, model, job *big.Int, submitter common.Address, cd *Calldata) (bool, uint64, error) {
	m, err := c.Model(ctx, model)
	if err != nil {
		return false, 0, err
	}
	j, err := c.Job(ctx, job)
	if err != nil {
		return false, 0, err
	}
	in := [5]*big.Int{m.Commitment, j.Input, cd.Output, job, new(big.Int).SetBytes(submitter.Bytes())}
	data, err := c.vabi.TryPackVerifyProof(cd.Proof, in)
	if err != nil {
		return false, 0, err
	}
	out, err := c.call(ctx, &m.Verifier, data)
	if err != nil {
		return false, 0, err
	}
	ok, err := c.vabi.UnpackVerifyProof(out)
	if err != nil {
		return false, 0, err
	}
	gas, err := c.Chain.EstimateGas(ctx, ethereum.CallMsg{From: c.From, To: &m.Verifier, Data: data})
	return ok, gas, err
}

// Transact sends a transaction to any contract (a creation when to is nil)
// with this client's key and nonce tracking, and waits for its receipt; a
// revert is an error (decoded when it is the registry's).
func (c *Client) Transact(ctx context.Context, to *common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	return c.send(ctx, to, data, value)
}

// Call runs a read-only call of any contract at the head block.
func (c *Client) Call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	return c.call(ctx, &to, data)
}

func (c *Client) call(ctx context.Context, to *common.Address, data []byte) ([]byte, error) {
	out, err := c.Chain.CallContract(ctx, ethereum.CallMsg{From: c.From, To: to, Data: data}, nil)
	return out, revertError(c.abi, err)
}

// send signs and sends one transaction (a creation when to is nil), waits
// for its receipt and fails on a revert with the contract's reason.
func (c *Client) send(ctx context.Context, to *common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	if value == nil {
		value = new(big.Int)
	}
	msg := ethereum.CallMsg{From: c.From, To: to, Data: data, Value: value}
	tx, err := c.sign(ctx, msg, true)
	if err != nil {
		return nil, err
	}
	rc, err := c.Wait(ctx, tx.Hash())
	if err != nil {
		return nil, err
	}
	if err := c.Reverted(ctx, tx, rc); err != nil {
		return rc, err
	}
	return rc, nil
}

// Reverted returns nil for a successful receipt, else the contract's reason
// (replayed at the block before) wrapped in the exported errors.
func (c *Client) Reverted(ctx context.Context, tx *types.Transaction, rc *types.Receipt) error {
	if rc.Status == types.ReceiptStatusSuccessful {
		return nil
	}
	// Replay the call on the state before its block, then, if that passes
	// (a transaction earlier in the same block changed the state: another
	// prover paid for the job, or the block crossed the deadline), on the
	// state after it.
	msg := ethereum.CallMsg{From: c.From, To: tx.To(), Data: tx.Data(), Value: tx.Value()}
	prev := new(big.Int).Sub(rc.BlockNumber, big.NewInt(1))
	for _, at := range []*big.Int{prev, rc.BlockNumber} {
		_, cerr := c.Chain.CallContract(ctx, msg, at)
		if cerr = revertError(c.abi, cerr); cerr != nil {
			return fmt.Errorf("tx %s: %w", tx.Hash(), cerr)
		}
	}
	return fmt.Errorf("%w: tx %s", ErrReverted, tx.Hash())
}

// SignSubmitProof signs, without sending, a submitProof for job with the
// next tracked nonce. A settler records the signed transaction durably and
// then sends it with Broadcast, so that after a crash it sends the same
// transaction again rather than a second one. Gas estimation runs the call
// first: a proof the registry would reject fails here with the exported errors.
func (c *Client) SignSubmitProof(ctx context.Context, job *big.Int, cd *Calldata) (*types.Transaction, error) {
	data, err := c.abi.TryPackSubmitProof(job, cd.Proof, cd.Output)
	if err != nil {
		return nil, err
	}
	return c.sign(ctx, ethereum.CallMsg{From: c.From, To: &c.Registry, Data: data, Value: new(big.Int)}, false)
}

// Broadcast sends a signed transaction. A node that already has it is not
// an error. On any other error the tracked nonce is re-read from the chain.
func (c *Client) Broadcast(ctx context.Context, tx *types.Transaction) error {
	err := c.Chain.SendTransaction(ctx, tx)
	if err == nil || strings.Contains(err.Error(), "already known") {
		return nil
	}
	c.ResetNonce()
	return fmt.Errorf("sending tx %s: %w", tx.Hash(), err)
}

// ResetNonce makes the next transaction re-read the account's pending nonce.
func (c *Client) ResetNonce() {
	c.mu.Lock()
	c.nonce = nil
	c.mu.Unlock()
}

// Receipt returns the receipt of a transaction, or nil when it has none (yet).
func (c *Client) Receipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	rc, err := c.Chain.TransactionReceipt(ctx, hash)
	if errors.Is(err, ethereum.NotFound) || (err != nil && strings.Contains(err.Error(), "indexing is in progress")) {
		return nil, nil
	}
	return rc, err
}

// MinedNonce is the number of this client's transactions in the head block's
// state: a signed transaction with a lower nonce either landed or never will.
func (c *Client) MinedNonce(ctx context.Context) (uint64, error) {
	return c.Chain.NonceAt(ctx, c.From, nil)
}

// Paid returns the JobPaid event in a receipt, or nil.
func (c *Client) Paid(rc *types.Receipt) *registry.RegistryJobPaid {
	for _, l := range rc.Logs {
		if ev, err := c.abi.UnpackJobPaidEvent(l); err == nil {
			return ev
		}
	}
	return nil
}

// sign signs msg with the next tracked nonce and, when send is set, sends it
// (under the nonce lock, so that nonces go out in order).
func (c *Client) sign(ctx context.Context, msg ethereum.CallMsg, send bool) (*types.Transaction, error) {
	gas, err := c.Chain.EstimateGas(ctx, msg)
	if err != nil {
		return nil, revertError(c.abi, err)
	}
	head, err := c.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	// a chain without EIP-1559 (no base fee) takes legacy transactions
	var price, tip, feeCap *big.Int
	if head.BaseFee == nil {
		if price, err = c.Chain.SuggestGasPrice(ctx); err != nil {
			return nil, err
		}
	} else {
		if tip, err = c.Chain.SuggestGasTipCap(ctx); err != nil {
			return nil, err
		}
		feeCap = new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.nonce == nil {
		n, err := c.Chain.PendingNonceAt(ctx, c.From)
		if err != nil {
			return nil, err
		}
		c.nonce = &n
	}
	var data types.TxData = &types.DynamicFeeTx{ChainID: c.chainID, Nonce: *c.nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: gas + gas/5, To: msg.To, Value: msg.Value, Data: msg.Data}
	if price != nil {
		data = &types.LegacyTx{Nonce: *c.nonce, GasPrice: price, Gas: gas + gas/5, To: msg.To, Value: msg.Value, Data: msg.Data}
	}
	tx, err := types.SignNewTx(c.key, types.LatestSignerForChainID(c.chainID), data)
	if err != nil {
		return nil, err
	}
	if send {
		if err := c.Chain.SendTransaction(ctx, tx); err != nil {
			c.nonce = nil
			return nil, fmt.Errorf("sending: %w", err)
		}
	}
	*c.nonce++
	return tx, nil
}

// Wait returns the receipt of a sent transaction, mining a block first on
// the embedded chain.
func (c *Client) Wait(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	for {
		if c.Chain.Sim != nil {
			c.Chain.Sim.Commit() // the transaction may reach the pool after a commit: mine until it is in
		}
		rc, err := c.Chain.TransactionReceipt(ctx, hash)
		if err == nil {
			return rc, nil
		}
		// A node still indexing transactions (a fresh geth) answers with an
		// error rather than "not found": wait for it too.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return nil, err
		}
		poll := c.Poll
		if c.Chain.Sim != nil {
			poll = 5 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for tx %s: %w", hash, ctx.Err())
		case <-time.After(poll):
		}
	}
}

// Transfer sends wei to an address (funding other parties' keys).
func (c *Client) Transfer(ctx context.Context, to common.Address, wei *big.Int) (*types.Receipt, error) {
	rc, err := c.send(ctx, &to, nil, wei)
	if err != nil {
		return nil, fmt.Errorf("sending %s wei to %s: %w", wei, to, err)
	}
	return rc, nil
}
