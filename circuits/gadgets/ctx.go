package gadgets

import (
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"unsafe"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"
	p2perm "github.com/consensys/gnark/std/permutation/poseidon2"
)

// Ctx carries what the gadgets of one circuit share: the API and one range
// checker, so every range check of the model goes through the same tables.
type Ctx struct {
	API frontend.API
	// LimbBits is the width of the range-check table.
	LimbBits int
	rc       *rangeTable
	// RangeBits counts the bits range-checked so far; the model uses it to
	// attribute the deferred cost of the range-check tables to layers.
	RangeBits int
	// Layer is the index of the layer being defined (-1 outside the layers),
	// for hints that compute a whole layer's advice at once.
	Layer int
	// Scheme is the construction Hash commits with.
	Scheme    Scheme
	perm16    *p2perm.Permutation
	tables    map[string]logderivlookup.Table
	tableVals map[string][]int64
}

// DefaultLimbBits is the default width of the shared range-check table
// (2^LimbBits entries). Widths that are multiples of it check at one query per
// limb.
const DefaultLimbBits = 8

// Option configures a gadget context.
type Option func(*Ctx)

// WithLimbBits sets the width of the range-check table: a larger table costs
// 2^bits constraints once and fewer queries per check.
func WithLimbBits(bits int) Option {
	return func(c *Ctx) {
		if bits > 0 {
			c.LimbBits = bits
		}
	}
}

// WithScheme sets the commitment scheme of Hash (default MD2).
func WithScheme(s Scheme) Option { return func(c *Ctx) { c.Scheme = s } }

// New returns a gadget context for api.
func New(api frontend.API, opts ...Option) *Ctx {
	c := &Ctx{API: api, LimbBits: DefaultLimbBits, Layer: -1}
	for _, o := range opts {
		o(c)
	}
	c.rc = newRangeTable(api, c.LimbBits)
	return c
}

// SharedTable returns the lookup table of the constant values vals under
// key, made on first use: layers that look up the same function (every
// attention layer's exponential at one scale) share its entries, which cost
// one constraint each, once per circuit.
func (c *Ctx) SharedTable(key string, vals []int64) logderivlookup.Table {
	if t, ok := c.tables[key]; ok {
		if !slices.Equal(c.tableVals[key], vals) {
			panic(fmt.Sprintf("gadgets: shared table %q asked for with other values", key))
		}
		return t
	}
	t := logderivlookup.New(c.API)
	for _, v := range vals {
		t.Insert(v)
	}
	if c.tables == nil {
		c.tables = map[string]logderivlookup.Table{}
	}
	if c.tableVals == nil {
		c.tableVals = map[string][]int64{}
	}
	c.tables[key], c.tableVals[key] = t, vals
	return t
}

// Unsigned constrains 0 <= v < 2^bits.
func (c *Ctx) Unsigned(v frontend.Variable, bits int) {
	if bits <= 0 {
		c.API.AssertIsEqual(v, 0)
		return
	}
	c.RangeBits += bits
	c.rc.check(v, bits)
}

// Signed constrains -2^(bits-1) <= v < 2^(bits-1).
func (c *Ctx) Signed(v frontend.Variable, bits int) {
	if bits <= 0 {
		panic(fmt.Sprintf("gadgets: signed range of %d bits", bits))
	}
	c.Unsigned(c.API.Add(v, pow2(bits-1)), bits)
}

func pow2(k int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(k)) }

// Constraints returns the number of constraints compiled so far, or -1 when
// the builder does not expose it. gnark's R1CS builder keeps its constraint
// system in an unexported field; it is read through reflection, and a test
// pins that this keeps working with the gnark version in go.mod.
func (c *Ctx) Constraints() int {
	type counter interface{ GetNbConstraints() int }
	if n, ok := c.API.(counter); ok {
		return n.GetNbConstraints()
	}
	v := reflect.ValueOf(c.API)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return -1
	}
	f := v.Elem().FieldByName("cs")
	if !f.IsValid() || !f.CanAddr() {
		return -1
	}
	cs := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
	if n, ok := cs.(counter); ok {
		return n.GetNbConstraints()
	}
	return -1
}
