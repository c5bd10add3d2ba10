package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	contractverifier "github.com/zkml/zkml/contracts/verifier"
	"github.com/zkml/zkml/internal/solctest"
	"github.com/zkml/zkml/verifier"
)

var (
	fieldP = fp.Modulus()
	fieldR = model.Reduce(new(big.Int).Neg(big.NewInt(1))) // r-1
)

// deployCode deploys creation code from cl's key.
func deployCode(t *testing.T, cl *Client, code []byte) common.Address {
	t.Helper()
	rc, err := cl.send(context.Background(), nil, code, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rc.ContractAddress
}

// TestVerifierDifferential sends the same valid and tampered proofs to our
// verifier contract, to gnark's exported Solidity verifier and to gnark's Go
// verifier, and checks that all three agree.
func TestVerifierDifferential(t *testing.T) {
	m := newMarket(t)
	vk := m.pr.A.VK
	var src bytes.Buffer
	if err := vk.ExportSolidity(&src); err != nil {
		t.Fatal(err)
	}
	gnarkC := solctest.Compile(t, map[string]string{"GnarkVerifier.sol": src.String()})["Verifier"]
	gnarkABI, err := abi.JSON(bytes.NewReader([]byte(gnarkC.ABI)))
	if err != nil {
		t.Fatal(err)
	}
	gnarkAddr := deployCode(t, m.owner, gnarkC.Bin)
	key, err := VerifyingKey(vk)
	if err != nil {
		t.Fatal(err)
	}
	ours := contractverifier.NewVerifier()
	ourAddr := deployCode(t, m.owner, append(common.FromHex(contractverifier.VerifierMetaData.Bin), ours.PackConstructor(contractverifier.VerifierVerifyingKey(key))...))
	code, _ := m.chain.CodeAt(m.ctx, ourAddr, nil)
	t.Logf("our verifier: %d bytes runtime; gnark's: %d bytes", len(code), len(gnarkC.Runtime))

	job, submitter := big.NewInt(7), crypto.PubkeyToAddress(m.ownerKeyPub())
	cd := m.prove(job, submitter)

	word := func(b []byte, i int) *big.Int { return new(big.Int).SetBytes(b[32*i : 32*i+32]) }
	setWord := func(b []byte, i int, v *big.Int) []byte {
		out := bytes.Clone(b)
		v.FillBytes(out[32*i : 32*i+32])
		return out
	}
	neg := func(b []byte, i int) []byte { return setWord(b, i, new(big.Int).Sub(fieldP, word(b, i))) }
	plus := func(b []byte, i int) []byte { return setWord(b, i, new(big.Int).Add(word(b, i), big.NewInt(1))) }
	swap := func(b []byte, i, j int) []byte {
		out := setWord(b, i, word(b, j))
		return setWord(out, j, word(b, i))
	}
	pubPlus := func(k int) []*big.Int {
		p := append([]*big.Int(nil), cd.Public...)
		p[k] = new(big.Int).Add(p[k], big.NewInt(1))
		return p
	}
	cases := []struct {
		name  string
		proof []byte
		pub   []*big.Int
		valid bool
	}{
		{"valid", cd.Proof, cd.Public, true},
		{"A negated", neg(cd.Proof, 1), cd.Public, false},
		{"A.x+1 (off curve)", plus(cd.Proof, 0), cd.Public, false},
		{"B.x0+1", plus(cd.Proof, 3), cd.Public, false},
		{"B negated", neg(neg(cd.Proof, 4), 5), cd.Public, false},
		{"C negated", neg(cd.Proof, 7), cd.Public, false},
		{"commitment negated", neg(cd.Proof, 9), cd.Public, false},
		{"proof of knowledge negated", neg(cd.Proof, 11), cd.Public, false},
		{"commitment and proof of knowledge swapped", swap(swap(cd.Proof, 8, 10), 9, 11), cd.Public, false},
		{"coordinate above p", setWord(cd.Proof, 0, new(big.Int).Add(word(cd.Proof, 0), fieldP)), cd.Public, false},
		{"model+1", cd.Proof, pubPlus(0), false},
		{"input+1", cd.Proof, pubPlus(1), false},
		{"output+1", cd.Proof, pubPlus(2), false},
		{"job+1", cd.Proof, pubPlus(3), false},
		{"prover+1", cd.Proof, pubPlus(4), false},
		{"input not reduced", cd.Proof, func() []*big.Int {
			p := pubPlus(1)
			p[1].Add(cd.Public[1], new(big.Int).Add(fieldR, big.NewInt(1)))
			return p
		}(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in [5]*big.Int
			copy(in[:], c.pub)
			// ours
			out, err := m.chain.CallContract(m.ctx, ethereum.CallMsg{To: &ourAddr, Data: ours.PackVerifyProof(c.proof, in)}, nil)
			if err != nil {
				t.Fatalf("our verifier reverted: %v", err)
			}
			oursOK, err := ours.UnpackVerifyProof(out)
			if err != nil {
				t.Fatal(err)
			}
			// gnark's exported verifier: no revert means valid
			data, err := gnarkABI.Pack("verifyProof", c.proof, in)
			if err != nil {
				t.Fatal(err)
			}
			_, gerr := m.chain.CallContract(m.ctx, ethereum.CallMsg{To: &gnarkAddr, Data: data}, nil)
			gnarkOK := gerr == nil
			// gnark's Go verifier
			goOK := goVerify(t, vk, c.proof, c.pub)
			if oursOK != c.valid || gnarkOK != c.valid || goOK != c.valid {
				t.Fatalf("ours=%v gnark-solidity=%v (%v) gnark-go=%v; want %v", oursOK, gnarkOK, gerr, goOK, c.valid)
			}
		})
	}
	t.Run("gas", func(t *testing.T) {
		var in [5]*big.Int
		copy(in[:], cd.Public)
		g1, err := m.chain.EstimateGas(m.ctx, ethereum.CallMsg{From: m.owner.From, To: &ourAddr, Data: ours.PackVerifyProof(cd.Proof, in)})
		if err != nil {
			t.Fatal(err)
		}
		data, _ := gnarkABI.Pack("verifyProof", cd.Proof, in)
		g2, err := m.chain.EstimateGas(m.ctx, ethereum.CallMsg{From: m.owner.From, To: &gnarkAddr, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("verify gas (whole transaction): ours %d, gnark's %d", g1, g2)
		if g1 >= g2 {
			t.Errorf("our verifier (%d gas) is not cheaper than gnark's (%d)", g1, g2)
		}
	})
}

func (m *market) ownerKeyPub() ecdsaPub { return m.owner.key.PublicKey }

// goVerify runs gnark's Go verifier on a proof in the on-chain encoding.
func goVerify(t *testing.T, vk groth16.VerifyingKey, raw []byte, pub []*big.Int) bool {
	t.Helper()
	for _, v := range pub {
		if v.Cmp(fieldR) > 0 {
			return false // not a field element: gnark's witness would reduce it
		}
	}
	words := make([]fp.Element, 12)
	for i := range words {
		v := new(big.Int).SetBytes(raw[32*i : 32*i+32])
		if v.Cmp(fieldP) >= 0 {
			return false // not an encoding of a coordinate
		}
		words[i].SetBigInt(v)
	}
	var p groth16bn254.Proof
	p.Ar.X, p.Ar.Y = words[0], words[1]
	p.Bs.X.A1, p.Bs.X.A0, p.Bs.Y.A1, p.Bs.Y.A0 = words[2], words[3], words[4], words[5]
	p.Krs.X, p.Krs.Y = words[6], words[7]
	p.Commitments = make([]bn254G1, 1)
	p.Commitments[0].X, p.Commitments[0].Y = words[8], words[9]
	p.CommitmentPok.X, p.CommitmentPok.Y = words[10], words[11]
	if !p.Ar.IsOnCurve() || !p.Bs.IsOnCurve() || !p.Krs.IsOnCurve() || !p.Commitments[0].IsOnCurve() || !p.CommitmentPok.IsOnCurve() {
		return false
	}
	w, err := verifier.PublicWitness(pub)
	if err != nil {
		t.Fatal(err)
	}
	return groth16.Verify(&p, vk, w, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16)) == nil
}

type (
	ecdsaPub = ecdsa.PublicKey
	bn254G1  = bn254.G1Affine
)
