package rating

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// AmountDecimals is how many decimal places of a minor unit (a penny) an
// Amount holds. Six places cover any rate a carrier publishes (rates such as
// 0.0125p/min, or pounds given to 8 places on a `units = major` sheet) while
// keeping every intermediate product of a price inside 128 bits.
const AmountDecimals = 6

const amountScale = 1_000_000 // 10^AmountDecimals

// MaxAmount is the largest money value a rate sheet may hold: 10,000,000
// minor units (£100,000) per minute or per call. The bound keeps the fixed
// point maths of a price far from overflow whatever the call's length.
const MaxAmount Amount = 10_000_000 * amountScale

// Amount is money in minor units (pence) held as an integer count of
// 10^-6 pence, so that 1.5p is Amount(1_500_000). It is never negative on a
// rate row.
type Amount int64

// Errors returned when a money value cannot be held as an Amount. Callers that
// report sheet problems use their text as the reason.
var (
	ErrNotNumber   = errors.New("is not a number")
	ErrNegative    = errors.New("is negative; money on a rate sheet cannot be below zero")
	ErrTooPrecise  = fmt.Errorf("has more than %d decimal places of a minor unit", AmountDecimals)
	ErrTooLarge    = fmt.Errorf("is larger than the largest supported amount (%s minor units)", MaxAmount)
	errEmptyAmount = errors.New("is empty")
)

// ParseAmount reads a minor-unit amount written as plain digits with an
// optional '.' fraction ("1.5", "0", "12.000125"). Signs, exponents and
// thousands separators are refused so that a sheet means exactly what it says.
func ParseAmount(s string) (Amount, error) {
	if s == "" {
		return 0, errEmptyAmount
	}
	if s[0] == '-' {
		if _, err := ParseAmount(s[1:]); err == nil || errors.Is(err, ErrTooPrecise) || errors.Is(err, ErrTooLarge) {
			return 0, ErrNegative
		}
		return 0, ErrNotNumber
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return 0, ErrNotNumber
	}
	if !allDigits(intPart) || !allDigits(frac) {
		return 0, ErrNotNumber
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > AmountDecimals {
		return 0, ErrTooPrecise
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 8 { // > 99,999,999 is beyond MaxAmount anyway
		return 0, ErrTooLarge
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		v = v*10 + int64(intPart[i]-'0')
	}
	v *= amountScale
	f := int64(0)
	for i := 0; i < AmountDecimals; i++ {
		f *= 10
		if i < len(frac) {
			f += int64(frac[i] - '0')
		}
	}
	a := Amount(v + f)
	if a > MaxAmount {
		return 0, ErrTooLarge
	}
	return a, nil
}

// AmountFromDecimal converts a stored minor-unit decimal into an Amount,
// refusing negative values, values with more than AmountDecimals places and
// values above MaxAmount.
func AmountFromDecimal(d decimal.Decimal) (Amount, error) {
	if d.Sign() < 0 {
		return 0, ErrNegative
	}
	scaled := d.Shift(AmountDecimals)
	if !scaled.IsInteger() {
		return 0, ErrTooPrecise
	}
	if scaled.GreaterThan(decimal.NewFromInt(int64(MaxAmount))) {
		return 0, ErrTooLarge
	}
	return Amount(scaled.IntPart()), nil
}

// Decimal returns the amount as a shopspring decimal in minor units.
func (a Amount) Decimal() decimal.Decimal {
	return decimal.New(int64(a), -AmountDecimals)
}

// String writes the amount in minor units with no trailing zeros ("1.5").
func (a Amount) String() string {
	return string(appendScaled(nil, int64(a), AmountDecimals, true))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// appendScaled writes v × 10^-places as a decimal. With trim, trailing zeros
// of the fraction (and a bare point) are dropped.
func appendScaled(dst []byte, v int64, places int, trim bool) []byte {
	if v < 0 {
		dst = append(dst, '-')
		if v == -v { // math.MinInt64 cannot be negated; never produced by pricing
			return append(dst, "overflow"...)
		}
		v = -v
	}
	var buf [48]byte
	n := len(strconv.AppendInt(buf[:0], v, 10))
	if places == 0 {
		return append(dst, buf[:n]...)
	}
	if n <= places { // pad with leading zeros so there is one integer digit
		pad := places + 1 - n
		copy(buf[pad:], buf[:n])
		for i := 0; i < pad; i++ {
			buf[i] = '0'
		}
		n = places + 1
	}
	ip := buf[:n-places]
	fp := buf[n-places : n]
	if trim {
		for len(fp) > 0 && fp[len(fp)-1] == '0' {
			fp = fp[:len(fp)-1]
		}
	}
	dst = append(dst, ip...)
	if len(fp) > 0 {
		dst = append(dst, '.')
		dst = append(dst, fp...)
	}
	return dst
}
