package ops

// Coster is a layer whose cost is not proportional to its output size (a
// reduction, a tree ensemble, a lookup table, a product of activations): it
// estimates its own constraints, deferred range checks and table entries
// included, for the resource guard (model.Estimate).
type Coster interface {
	// EstimatedCost is given the layer's output size.
	EstimatedCost(out int) int
}

// rangeCost is the cost of a range check of bits (queries of about 8-bit
// limbs plus their share of the table).
func rangeCost(bits int) int { return (bits+7)/8 + 1 }

// EstimatedCost implements Coster: a bit, a product and a range check per
// comparison.
func (l *Compare) EstimatedCost(int) int { return len(l.IdxA) * (3 + rangeCost(l.Bits)) }

// EstimatedCost implements Coster: a range check and a product per value.
func (l *Extreme) EstimatedCost(int) int { return len(l.Idx) * (2 + rangeCost(l.Bits)) }

// EstimatedCost implements Coster: a bit, two products and a range check per
// value.
func (l *ArgMax) EstimatedCost(int) int { return len(l.Idx) * (4 + rangeCost(l.Bits+1)) }

// EstimatedCost implements Coster: a table entry per element of the table
// and a query per read, with the index checks.
func (l *Select) EstimatedCost(int) int {
	table := len(l.Data)
	if table == 0 {
		table = int(l.Dim * l.Stride)
	}
	per := 2
	if l.Wrap {
		per += 3 + rangeCost(l.IdxBits)
	}
	if l.Bound {
		per += 2 * rangeCost(16)
	}
	return 2*table + per*len(l.Pos)
}

// EstimatedCost implements Coster: depth + 2 per index.
func (l *OneHot) EstimatedCost(int) int { return len(l.InShape) + l.InShape.Size()*(int(l.Depth)+3) }

// EstimatedCost implements Coster: per row, a comparison and a product per
// internal node, a product per leaf weight.
func (l *Trees) EstimatedCost(int) int {
	return l.Rows * (len(l.Order)*(4+rangeCost(l.DBits)) + len(l.Leaf) + l.Cols*(2+rangeCost(l.OutBits)))
}

// EstimatedCost implements Coster: the sign, three products and five range
// checks per quotient.
func (l *Quotient) EstimatedCost(int) int {
	return len(l.IdxA) * (6 + 3*rangeCost(l.DBits+1) + rangeCost(l.OutBits) + rangeCost(l.DBits))
}

// EstimatedCost implements Coster: the table's entries (each a constraint
// of the log-derivative argument, whatever the layer's size) and, per
// element, the rescale to its index and the query.
func (l *Table) EstimatedCost(out int) int { return len(l.Values) + 8*out }

// EstimatedCost implements Coster: the exponential table's entries, and per
// element the max, the table index, the query and the division.
func (l *Softmax) EstimatedCost(out int) int { return len(l.Exp) + 24*out }

// EstimatedCost implements Coster: a range check and a product per window
// element (a pool's cost follows its windows, not its outputs: a 200-wide
// window over 220,000 inputs is millions of constraints for 22,000
// outputs).
func (l *MaxPool) EstimatedCost(out int) int { return len(l.Idx)*(2+rangeCost(l.Bits)) + out }
