package model

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/rangecheck"
)

type pkCircuit struct {
	X frontend.Variable `gnark:",public"`
	Y frontend.Variable
}

func (c *pkCircuit) Define(api frontend.API) error {
	rangecheck.New(api).Check(c.Y, 8) // a commitment, so the key has a Pedersen key
	api.AssertIsEqual(api.Mul(c.Y, c.Y), c.X)
	return nil
}

// otherKey stands for a key type other than gnark's CPU key (the ICICLE one).
type otherKey struct{ *groth16_bn254.ProvingKey }

func TestProvingKeyFile(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &pkCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := writeProvingKey(&file, pk); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if _, err := pk.WriteRawTo(&want); err != nil {
		t.Fatal(err)
	}
	for _, key := range []groth16.ProvingKey{groth16.NewProvingKey(ecc.BN254), otherKey{new(groth16_bn254.ProvingKey)}} {
		if err := readProvingKey(bytes.NewReader(file.Bytes()), int64(file.Len()), key); err != nil {
			t.Fatalf("%T: %v", key, err)
		}
		var got bytes.Buffer
		if _, err := key.WriteRawTo(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%T: the key read back differs from the key written", key)
		}
		w, err := frontend.NewWitness(&pkCircuit{X: 49, Y: 7}, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		if o, ok := key.(otherKey); ok {
			key = o.ProvingKey
		}
		proof, err := groth16.Prove(ccs, key, w)
		if err != nil {
			t.Fatalf("%T: %v", key, err)
		}
		pub, _ := w.Public()
		if err := groth16.Verify(proof, vk, pub); err != nil {
			t.Fatalf("%T: a proof with the key read back does not verify: %v", key, err)
		}
	}

	// damaged files: an error, never a panic or a huge allocation
	b := file.Bytes()
	var domain bytes.Buffer
	if _, err := pk.(*groth16_bn254.ProvingKey).Domain.WriteTo(&domain); err != nil {
		t.Fatal(err)
	}
	lengthAt := len(pkMagic) + domain.Len() // the first slice's length
	put := func(at int, v []byte) []byte { c := bytes.Clone(b); copy(c[at:], v); return c }
	le := func(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }
	be := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	// a key whose parts disagree, written as a whole
	rewritten := func(change func(k *groth16_bn254.ProvingKey)) []byte {
		k := *pk.(*groth16_bn254.ProvingKey)
		k.InfinityA = slices.Clone(k.InfinityA)
		change(&k)
		var f bytes.Buffer
		if err := writeProvingKey(&f, &k); err != nil {
			t.Fatal(err)
		}
		return f.Bytes()
	}
	ck := pk.(*groth16_bn254.ProvingKey).CommitmentKeys[0]
	commitTail := 16 + 64*(len(ck.Basis)+len(ck.BasisExpSigma)) // the commitment key's two slices
	bad := map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("gnark"), b[5:]...),
		"truncated": b[:len(b)/2],
		"length":    put(lengthAt, bytes.Repeat([]byte{0xff}, 8)),
		// within any fixed cap, far beyond the file: must not be allocated
		"length-2^30":    put(lengthAt, le(1<<30-1)),
		"domain-2^62":    put(len(pkMagic), be(1<<62)),
		"domain-2^27":    put(len(pkMagic), be(1<<27)),
		"domain-odd":     put(len(pkMagic), be(3)),
		"infinity-count": rewritten(func(k *groth16_bn254.ProvingKey) { k.NbInfinityA++ }),
		"infinity-flag":  rewritten(func(k *groth16_bn254.ProvingKey) { k.InfinityA[0] = !k.InfinityA[0] }),
		"b-points":       rewritten(func(k *groth16_bn254.ProvingKey) { k.G2.B = k.G2.B[1:] }),
		// these loaded and then panicked inside gnark's prover, in goroutines
		// no recover reaches: a domain half the key's size, and no
		// commitment key (the rest of the file then went unread)
		"domain-half":    put(len(pkMagic), be(pk.(*groth16_bn254.ProvingKey).Domain.Cardinality/2)),
		"no-commitments": put(len(b)-commitTail-8, le(0)),
		"trailing-bytes": append(bytes.Clone(b), 0),
		"commitment-keys": rewritten(func(k *groth16_bn254.ProvingKey) {
			k.CommitmentKeys[0].BasisExpSigma = k.CommitmentKeys[0].BasisExpSigma[1:]
		}),
	}
	for name, f := range bad {
		err := readProvingKey(bytes.NewReader(f), int64(len(f)), groth16.NewProvingKey(ecc.BN254))
		if err == nil {
			t.Errorf("%s: a damaged key file was read without error", name)
		} else if name != "empty" && name != "magic" && !errors.Is(err, errPKFormat) {
			t.Errorf("%s: %v, want an error that says the key is damaged", name, err)
		}
	}

	// a well-formed key of another circuit: refused against this one
	for name, change := range map[string]func(k *groth16_bn254.ProvingKey){
		"no commitment key": func(k *groth16_bn254.ProvingKey) { k.CommitmentKeys = nil },
		"a smaller domain":  func(k *groth16_bn254.ProvingKey) { k.Domain.Cardinality /= 2 },
	} {
		k := *pk.(*groth16_bn254.ProvingKey)
		change(&k)
		if err := CheckKey(ccs, &k); !errors.Is(err, ErrArtifacts) || !strings.Contains(err.Error(), "not this circuit's") {
			t.Errorf("%s: CheckKey: %v", name, err)
		}
	}
	if err := CheckKey(ccs, pk); err != nil {
		t.Errorf("the circuit's own key: %v", err)
	}

	// a key in gnark's raw encoding (the first versions wrote it) is refused,
	// naming what to do: gnark's decoder would allocate what it declares
	key := groth16.NewProvingKey(ecc.BN254)
	if err := readProvingKey(bytes.NewReader(want.Bytes()), int64(want.Len()), key); !errors.Is(err, ErrArtifacts) || !strings.Contains(err.Error(), "recompile the model") {
		t.Fatalf("gnark raw key: %v", err)
	}
}
