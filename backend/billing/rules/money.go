package rules

import (
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/rating"
)

// Rounding is how an amount is rounded to its places (TOLLGATE_ROUNDING):
// the same modes, by the same names, as call prices (rating). Billing
// amounts are never negative, so "up" and "away from zero" agree.
type Rounding = rating.Rounding

// The rounding modes a deployment may choose.
const (
	HalfUp   = rating.HalfUp   // half away from zero: 0.125 → 0.13
	HalfEven = rating.HalfEven // half to the even neighbour: 0.125 → 0.12
	Up       = rating.Up       // any remainder away from zero: 0.121 → 0.13
	Down     = rating.Down     // any remainder dropped: 0.129 → 0.12
)

// ParseRounding reads a rounding mode as the settings write it.
func ParseRounding(s string) (Rounding, error) { return rating.ParseRounding(s) }

// Money rounds billing amounts: every charge, line, tax and total has
// Places decimal places (invoice_decimals).
type Money struct {
	Places   int32
	Rounding Rounding
}

// Round rounds an exact amount to m's places.
func (m Money) Round(x decimal.Decimal) decimal.Decimal {
	switch m.Rounding {
	case HalfEven:
		return x.RoundBank(m.Places)
	case Up:
		return x.RoundUp(m.Places)
	case Down:
		return x.RoundDown(m.Places)
	}
	return x.Round(m.Places)
}

// RoundQuotient rounds num / den to m's places exactly, however long the
// quotient's expansion: pro rata divides by a period's days, which seldom
// terminates, and a quotient cut short first could round the wrong way.
// den must not be zero.
func (m Money) RoundQuotient(num, den decimal.Decimal) decimal.Decimal {
	q, r := num.QuoRem(den, m.Places) // q truncated toward zero, num = den×q + r
	if r.IsZero() {
		return q
	}
	step := decimal.New(1, -m.Places)
	if num.Sign()*den.Sign() < 0 {
		step = step.Neg()
	}
	// twice the remainder against the divisor's step tells below, at or
	// above half a step.
	half := r.Abs().Mul(decimal.NewFromInt(2)).Cmp(den.Abs().Mul(decimal.New(1, -m.Places)))
	away := false
	switch m.Rounding {
	case HalfUp:
		away = half >= 0
	case HalfEven:
		away = half > 0 || half == 0 && !q.Shift(m.Places).Mod(decimal.NewFromInt(2)).IsZero()
	case Up:
		away = true
	}
	if away {
		return q.Add(step)
	}
	return q
}

// fits says whether x needs no more than m's places.
func (m Money) fits(x decimal.Decimal) bool {
	return x.Shift(m.Places).IsInteger()
}
