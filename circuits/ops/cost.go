package ops

// Coster is a layer whose cost is not proportional to its output size (a
// reduction, a tree ensemble, a lookup table, a product of activations): it
// estimates its own constraints, deferred range checks and table entries
// included, for the resource guard (model.Estimate).
type Coster interface {
	// EstimatedCost is given the layer's output size and the width of the
	// circuit's range-check limbs.
	EstimatedCost(out, lb int) int
}

// rangeCost is the cost of a range check of bits: a query per limb of the
// range table (lb bits wide), and one for a partial limb or the table's
// share.
func rangeCost(bits, lb int) int {
	lb = max(lb, 1)
	return (bits+lb-1)/lb + 1
}

// queries is how many lookups the range table spends on a check of bits:
// one per limb, and one more for a partial top limb (gadgets' rangeTable).
func queries(bits, lb int) int {
	if bits <= 0 {
		return 0
	}
	lb = max(lb, 1)
	n := (bits + lb - 1) / lb
	if bits%lb != 0 {
		n++
	}
	return n
}

// EstimatedCost implements Coster: a bit, a product and a range check per
// comparison.
func (l *Compare) EstimatedCost(_, lb int) int { return len(l.IdxA) * (3 + rangeCost(l.Bits, lb)) }

// EstimatedCost implements Coster: a range check and a product per value.
func (l *Extreme) EstimatedCost(_, lb int) int { return len(l.Idx) * (2 + rangeCost(l.Bits, lb)) }

// EstimatedCost implements Coster: a bit, two products and a range check per
// value.
func (l *ArgMax) EstimatedCost(_, lb int) int { return len(l.Idx) * (4 + rangeCost(l.Bits+1, lb)) }

// EstimatedCost implements Coster: a table entry per element of the table
// and a query per read, with the index checks.
func (l *Select) EstimatedCost(_, lb int) int {
	table := len(l.Data)
	if table == 0 {
		table = int(l.Dim * l.Stride)
	}
	per := 2
	if l.Wrap {
		per += 3 + rangeCost(l.IdxBits, lb)
	}
	if l.Bound {
		per += 2 * rangeCost(16, lb)
	}
	return 2*table + per*len(l.Pos)
}

// EstimatedCost implements Coster: depth + 2 per index.
func (l *OneHot) EstimatedCost(int, int) int {
	return len(l.InShape) + l.InShape.Size()*(int(l.Depth)+3)
}

// EstimatedCost implements Coster: per row, a comparison and a product per
// internal node, a product per leaf weight.
func (l *Trees) EstimatedCost(_, lb int) int {
	return l.Rows * (len(l.Order)*(4+rangeCost(l.DBits, lb)) + len(l.Leaf) + l.Cols*(2+rangeCost(l.OutBits, lb)))
}

// EstimatedCost implements Coster: the sign, three products and five range
// checks per quotient.
func (l *Quotient) EstimatedCost(_, lb int) int {
	return len(l.IdxA) * (6 + 3*rangeCost(l.DBits+1, lb) + rangeCost(l.OutBits, lb) + rangeCost(l.DBits, lb))
}

// EstimatedCost implements Coster: the table's entries (each a constraint
// of the log-derivative argument, whatever the layer's size) and, per
// element, the rescale to its index and the query.
func (l *Table) EstimatedCost(out, lb int) int {
	return len(l.Values) + out*(2+rangeCost(l.Shift, lb))
}

// EstimatedCost implements Coster: the exponential table's entries, and per
// element the max, the table index, the query and the division.
func (l *Softmax) EstimatedCost(out, lb int) int {
	return len(l.Exp) + out*(12+4*rangeCost(16, lb))
}

// EstimatedCost implements Coster: a range check and a product per window
// element (a pool's cost follows its windows, not its outputs: a 200-wide
// window over 220,000 inputs is millions of constraints for 22,000
// outputs).
func (l *MaxPool) EstimatedCost(out, lb int) int { return len(l.Idx)*(2+rangeCost(l.Bits, lb)) + out }

// every layer kind that estimates its own cost
var (
	_ Coster = (*Attention)(nil)
	_ Coster = (*Norm)(nil)
	_ Coster = (*Product)(nil)
	_ Coster = (*Table)(nil)
	_ Coster = (*Softmax)(nil)
)
