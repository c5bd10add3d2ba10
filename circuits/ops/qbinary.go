package ops

import (
	"fmt"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// onnxruntime's QLinearAdd and QLinearMul (com.microsoft):
// c = saturate(rhe(((a - za) sa (+|*) (b - zb) sb) / sc) + zc), with numpy
// broadcasting, computed exactly in integers.
func init() {
	Register("com.microsoft.QLinearAdd", &Spec{Float: qbinaryFloat("Add"), Lower: qbinaryLower("Add")})
	Register("com.microsoft.QLinearMul", &Spec{Float: qbinaryFloat("Mul"), Lower: qbinaryLower("Mul")})
}

// QBinary is acc = Ma (a - Za) + Mb (b - Zb) (Add) or (a - Za)(b - Zb) (Mul)
// followed by a QRequant.
type QBinary struct {
	LayerBase
	Kind       string
	IdxA, IdxB []int32
	Za, Zb     int64
	Ma, Mb     int64
	QRequant
}

func (l *QBinary) acc(a, b []int64) []int64 {
	acc := make([]int64, len(l.IdxA))
	for j := range acc {
		x, y := a[l.IdxA[j]]-l.Za, b[l.IdxB[j]]-l.Zb
		if l.Kind == "Add" {
			acc[j] = l.Ma*x + l.Mb*y
		} else {
			acc[j] = x * y
		}
	}
	return acc
}

// Eval implements Layer.
func (l *QBinary) Eval(in [][]int64) ([]int64, error) {
	return l.eval(l.Node, l.acc(in[0], in[1]))
}

// Define implements Layer.
func (l *QBinary) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	acc := make([]frontend.Variable, len(l.IdxA))
	for j := range acc {
		x, y := api.Sub(in[0][l.IdxA[j]], l.Za), api.Sub(in[1][l.IdxB[j]], l.Zb)
		if l.Kind == "Add" {
			acc[j] = api.Add(api.Mul(x, l.Ma), api.Mul(y, l.Mb))
		} else {
			acc[j] = api.Mul(x, y)
		}
	}
	return l.define(c, acc)
}

// qbinaryPlan builds the layer from the constant parameters and the operand
// shapes and ranges.
func qbinaryPlan(kind string, in []*tensor.T, sa, sb tensor.Shape, ra, rb [2]int64) (*QBinary, tensor.Shape, int, error) {
	aq, err := readQ(nil, in, 1, 2, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("A: %v", err)
	}
	bq, err := readQ(nil, in, 4, 5, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("B: %v", err)
	}
	cq, err := readQ(nil, in, 6, 7, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("C: %v", err)
	}
	if len(aq.zp) != 1 || len(bq.zp) != 1 || len(cq.zp) != 1 {
		return nil, nil, 0, fmt.Errorf("only per-tensor quantization is supported")
	}
	shape, err := tensor.BroadcastShape(sa, sb)
	if err != nil {
		return nil, nil, 0, err
	}
	ia, ib := tensor.BroadcastIndex(sa, shape), tensor.BroadcastIndex(sb, shape)
	l := &QBinary{Kind: kind, Za: aq.zp[0], Zb: bq.zp[0], Ma: 1, Mb: 1}
	l.IdxA, l.IdxB = make([]int32, len(ia)), make([]int32, len(ib))
	for j := range ia {
		l.IdxA[j], l.IdxB[j] = int32(ia[j]), int32(ib[j])
	}
	lo, hi, _ := dtypeRange(cq.dt)
	r := QRequant{Sat: true, Lo: lo, Hi: hi, Zp: []int64{cq.zp[0]}}
	da := float64(max(abs64(ra[0]-l.Za), abs64(ra[1]-l.Za)))
	db := float64(max(abs64(rb[0]-l.Zb), abs64(rb[1]-l.Zb)))
	var bound float64
	if kind == "Add" {
		// sa/sc (a-za) + sb/sc (b-zb) over a common denominator
		ma, da2, err := ratio(aq.scale[0], cq.scale[0])
		if err != nil {
			return nil, nil, 0, err
		}
		mb, db2, err := ratio(bq.scale[0], cq.scale[0])
		if err != nil {
			return nil, nil, 0, err
		}
		g := gcd(da2, db2)
		den := da2 / g * db2
		l.Ma, l.Mb = ma*(den/da2), mb*(den/db2)
		r.Mul, r.Div = []int64{1}, []int64{den}
		bound = da*float64(abs64(l.Ma)) + db*float64(abs64(l.Mb))
	} else {
		m, d, err := ratio(f32(aq.scale[0]*bq.scale[0]), cq.scale[0])
		if err != nil {
			return nil, nil, 0, err
		}
		r.Mul, r.Div = []int64{m}, []int64{d}
		bound = da * db
	}
	l.QRequant = r
	if err := l.finish(bound); err != nil {
		return nil, nil, 0, err
	}
	return l, shape, cq.dt, nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func qbinaryFloat(kind string) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 7); err != nil {
			return nil, err
		}
		ints := func(t *tensor.T) ([]int64, [2]int64) {
			v := make([]int64, len(t.Data))
			var r [2]int64
			for i, f := range t.Data {
				v[i] = int64(f)
				r[0], r[1] = min(r[0], v[i]), max(r[1], v[i])
			}
			return v, r
		}
		a, ra := ints(in[0])
		bv, rb := ints(in[3])
		l, shape, _, err := qbinaryPlan(kind, in, in[0].Shape, in[3].Shape, ra, rb)
		if err != nil {
			return nil, err
		}
		return evalFloat(l, shape, a, bv)
	}
}

func qbinaryLower(kind string) LowerFunc {
	return func(n *graph.Node, b *Builder) error {
		idA, ta, err := b.intTensor(n.Input(0), DTUint8)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		idB, tb, err := b.intTensor(n.Input(3), ta.DType)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		alo, ahi, _ := ta.IntRange()
		blo, bhi, _ := tb.IntRange()
		if tb.Const != nil {
			blo, bhi = 0, 0
			for _, v := range tb.Const {
				blo, bhi = min(blo, v), max(bhi, v)
			}
		}
		l, shape, dt, err := qbinaryPlan(kind, constInputs(b, n), ta.Shape, tb.Shape, [2]int64{alo, ahi}, [2]int64{blo, bhi})
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		l.In = []int{idA, idB}
		b.emitInt(n, l, n.Outputs[0], shape, l.OutBits, dt)
		return nil
	}
}
