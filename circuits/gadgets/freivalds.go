package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/multicommit"
)

// MatMul returns C = A B for an m x k matrix A and a k x n matrix B of
// variables: C is hinted and CheckMatMul holds it.
func (c *Ctx) MatMul(a, b [][]frontend.Variable) [][]frontend.Variable {
	m, k, n := len(a), len(b), len(b[0])
	in := []frontend.Variable{m, k, n}
	for _, row := range a {
		in = append(in, row...)
	}
	for _, row := range b {
		in = append(in, row...)
	}
	flat, err := c.API.Compiler().NewHint(MatMulHint, m*n, in...)
	if err != nil {
		panic(err)
	}
	out := make([][]frontend.Variable, m)
	for i := range out {
		out[i] = flat[i*n : (i+1)*n]
	}
	c.CheckMatMul(a, b, out)
	return out
}

// CheckMatMul constrains C = A B by Freivalds' check: with a challenge r and
// the vector v = (1, r, r^2, ..., r^(n-1)), it asserts A (B v) = C v, row by
// row: k n + m k + m n products (and n - 2 for the powers) instead of the
// m k n of computing C.
//
// Soundness. r is drawn by the circuit's commitment (std/multicommit, the
// BSB22 commitment gnark's Groth16 binds into the proof) to every entry of
// A, B and C, so it is fixed only after all three are (Fiat-Shamir). If
// C != A B, some row i has D_i(X) = sum_j (C - A B)_ij X^j, a nonzero
// polynomial of degree at most n - 1, and the check of row i passes only if
// r is one of its at most n - 1 roots: probability at most (n - 1) / |F|,
// about n 2^-254 on BN254, and at most m (n - 1) / |F| for any row. Equal
// in the field is equal as integers as long as |(A B)_ij| stays below half
// the modulus, which the callers' bit widths keep far (2^62) below it.
func (c *Ctx) CheckMatMul(a, b, out [][]frontend.Variable) {
	m, k, n := len(a), len(b), len(b[0])
	if len(out) != m || k != len(a[0]) || len(out[0]) != n {
		panic(fmt.Sprintf("gadgets: matmul of %dx%d by %dx%d into %dx%d", m, len(a[0]), k, n, len(out), len(out[0])))
	}
	var committed []frontend.Variable
	for _, rows := range [][][]frontend.Variable{a, b, out} {
		for _, row := range rows {
			committed = append(committed, row...)
		}
	}
	// deferred, as the range and lookup tables commit: multicommit draws its
	// one challenge after every WithCommitment, and one made while the
	// circuit is still being defined would come before the tables' own
	c.API.Compiler().Defer(func(api frontend.API) error {
		multicommit.WithCommitment(api, func(api frontend.API, r frontend.Variable) error {
			return freivaldsRows(api, r, a, b, out)
		}, committed...)
		return nil
	})
}

// freivaldsRows asserts A (B v) = C v for v = (1, r, ..., r^(n-1)).
func freivaldsRows(api frontend.API, r frontend.Variable, a, b, out [][]frontend.Variable) error {
	m, k, n := len(a), len(b), len(b[0])
	{
		v := make([]frontend.Variable, n)
		v[0] = 1
		for j := 1; j < n; j++ {
			if j == 1 {
				v[j] = r
			} else {
				v[j] = api.Mul(v[j-1], r)
			}
		}
		bv := make([]frontend.Variable, k)
		for t := range k {
			var s frontend.Variable = 0
			for j := range n {
				s = api.Add(s, api.Mul(b[t][j], v[j]))
			}
			bv[t] = s
		}
		for i := range m {
			var lhs, rhs frontend.Variable = 0, 0
			for t := range k {
				lhs = api.Add(lhs, api.Mul(a[i][t], bv[t]))
			}
			for j := range n {
				rhs = api.Add(rhs, api.Mul(out[i][j], v[j]))
			}
			api.AssertIsEqual(lhs, rhs)
		}
	}
	return nil
}

// MatMulHint computes C = A B over the field from in = (m, k, n, A row-major,
// B row-major).
func MatMulHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) < 3 {
		return fmt.Errorf("MatMulHint: %d inputs", len(in))
	}
	m, k, n := int(in[0].Int64()), int(in[1].Int64()), int(in[2].Int64())
	if len(in) != 3+m*k+k*n || len(out) != m*n {
		return fmt.Errorf("MatMulHint: %d inputs and %d outputs for %dx%d by %dx%d", len(in), len(out), m, k, k, n)
	}
	a, b := in[3:3+m*k], in[3+m*k:]
	p := new(big.Int)
	for i := range m {
		for j := range n {
			s := out[i*n+j].SetInt64(0)
			for t := range k {
				s.Add(s, p.Mul(a[i*k+t], b[t*n+j]))
			}
			s.Mod(s, mod)
		}
	}
	return nil
}
