package rating

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Breakdown explains a price the way staff and customers recompute it by hand
// (the GraphQL quoteCall shows it), e.g.
//
//	61 s × 1.5p/min = 1.525p; connection 0p; min 0p → £0.0153
//
// majorSymbol prefixes major amounts ("£"), minorSuffix follows minor ones
// ("p"). Usage that is not a whole number of 10^-8 pence (a third of a penny)
// is shown to six places with "≈". It allocates; it is not the hot path.
func (res *Result) Breakdown(majorSymbol, minorSuffix string) string {
	switch res.Status {
	case ZeroDuration:
		return "0 s answered: not charged"
	case NoRate:
		return "no rate on the sheet for this call"
	}
	row := res.Rate
	var sb strings.Builder
	num := new(big.Int)
	split := 0
	for b := Band(0); b < numBands; b++ {
		if res.Seconds[b] > 0 {
			split++
		}
	}
	first := true
	for b := Band(0); b < numBands; b++ {
		secs := res.Seconds[b]
		if secs == 0 {
			continue
		}
		if !first {
			sb.WriteString(" + ")
		}
		first = false
		sb.WriteString(strconv.FormatInt(secs, 10))
		sb.WriteString(" s × ")
		sb.WriteString(row.Rates[b].String())
		sb.WriteString(minorSuffix)
		sb.WriteString("/min")
		if split > 1 {
			sb.WriteString(" (" + b.String() + ")")
		}
		term := new(big.Int).Mul(big.NewInt(int64(row.Rates[b])), big.NewInt(secs))
		num.Add(num, term)
	}
	if first {
		sb.WriteString("0 s")
	}
	sb.WriteString(" = ")
	usage := decimal.NewFromBigInt(num, -AmountDecimals)
	three := new(big.Int).Mod(num, big.NewInt(3))
	if three.Sign() == 0 {
		sb.WriteString(usage.Div(decimal.NewFromInt(60)).String())
	} else {
		sb.WriteString("≈")
		sb.WriteString(usage.DivRound(decimal.NewFromInt(60), 6).String())
	}
	sb.WriteString(minorSuffix)
	sb.WriteString("; connection ")
	sb.WriteString(row.ConnectionFee.String())
	sb.WriteString(minorSuffix)
	sb.WriteString("; min ")
	sb.WriteString(row.MinimumCharge.String())
	sb.WriteString(minorSuffix)
	sb.WriteString(" → ")
	sb.WriteString(majorSymbol)
	sb.WriteString(FormatFixed(res.Price, int(res.Decimals)))
	return sb.String()
}
