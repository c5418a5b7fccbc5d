package rating

import (
	"fmt"
	"strings"
)

// Rate is one rate-sheet row in fixed point, as the engine prices with it.
// Money is in minor units (Amount); Rates and Costs are per minute and are
// indexed by Band. A cost the sheet leaves blank is unknown (CostKnown false).
type Rate struct {
	// Destination is the row's destination as written in the sheet: a number
	// prefix ("+44113") or a provider charge code ("UK GEOGRAPHIC").
	Destination   string
	Description   string // blank = the destination itself
	MinimumCharge Amount
	ConnectionFee Amount
	Rates         [3]Amount
	Costs         [3]Amount
	CostKnown     [3]bool
	Block         DurationBlock

	key  string // normalised destination (digits, or upper-cased code)
	code bool   // a charge code, matched exactly; otherwise a prefix
}

// IsChargeCode reports whether the row's destination is a charge code rather
// than a number prefix. Valid on rows returned by a Table.
func (r *Rate) IsChargeCode() bool { return r.code }

// RateDestination is what `tollgate rate` prints as rate_destination: the
// normalised prefix digits, or the charge code as written in the sheet.
func (r *Rate) RateDestination() string {
	if r.code {
		return r.Destination
	}
	return r.key
}

// Label is the row's description, or its destination when that is blank.
func (r *Rate) Label() string {
	if r.Description != "" {
		return r.Description
	}
	return r.Destination
}

// Table finds the rate row for a call: the charge-code row when the CDR's
// charge code is on the sheet, else the longest destination prefix of the
// number (docs/rating.md, Which rate). It is read-only once built and safe
// for concurrent use.
type Table struct {
	rates []Rate
	codes map[string]int32
	// A trie over decimal digits. nodes[0] is the root; child 0 means none
	// (the root is never a child).
	nodes []trieNode
}

type trieNode struct {
	child [10]int32
	rate  int32 // index into rates, -1 when no row ends here
}

// DuplicateError reports two rows whose destinations are the same after
// normalisation. Index values refer to the slice given to NewTable.
type DuplicateError struct {
	First, Second int
	Key           string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("rows %d and %d have the same destination %s after normalisation", e.First+1, e.Second+1, e.Key)
}

// NewTable builds a table from rate rows. Destinations are normalised with
// countryCode (docs/rating.md, Numbers); two rows with the same normalised
// destination are a *DuplicateError. An empty destination is an error.
func NewTable(rates []Rate, countryCode string) (*Table, error) {
	t := &Table{
		rates: make([]Rate, len(rates)),
		codes: make(map[string]int32),
		nodes: make([]trieNode, 1, 1+len(rates)*4),
	}
	t.nodes[0].rate = -1
	seen := make(map[string]int, len(rates))
	for i, r := range rates {
		key, code := Normalize(r.Destination, countryCode)
		if key == "" {
			return nil, fmt.Errorf("row %d has no destination", i+1)
		}
		dedup := key
		if code {
			dedup = "code:" + key
		}
		if j, dup := seen[dedup]; dup {
			return nil, &DuplicateError{First: j, Second: i, Key: key}
		}
		seen[dedup] = i
		if r.Block.Step < 1 {
			r.Block.Step = 1
		}
		r.key, r.code = key, code
		t.rates[i] = r
		if code {
			t.codes[key] = int32(i)
			continue
		}
		n := int32(0)
		for k := 0; k < len(key); k++ {
			d := key[k] - '0'
			next := t.nodes[n].child[d]
			if next == 0 {
				t.nodes = append(t.nodes, trieNode{rate: -1})
				next = int32(len(t.nodes) - 1)
				t.nodes[n].child[d] = next
			}
			n = next
		}
		t.nodes[n].rate = int32(i)
	}
	return t, nil
}

// Rates returns the table's rows (normalised keys filled in). Do not modify.
func (t *Table) Rates() []Rate { return t.rates }

// Len is the number of rows.
func (t *Table) Len() int { return len(t.rates) }

// Match returns the row for a call, or nil when the call has no rate.
// chargeCode is the CDR's charge code as given (may be empty); number is the
// dialled (outbound) or calling (inbound) number, already normalised with
// Normalize. An account-code number matches a charge-code row exactly.
func (t *Table) Match(chargeCode, number string) *Rate {
	if chargeCode != "" && len(t.codes) > 0 {
		if r := t.matchCode(chargeCode); r != nil {
			return r
		}
	}
	if number == "" {
		return nil
	}
	if !allDigits(number) {
		if len(t.codes) == 0 {
			return nil
		}
		return t.matchCode(number)
	}
	best := int32(-1)
	n := int32(0)
	for k := 0; k < len(number); k++ {
		n = t.nodes[n].child[number[k]-'0']
		if n == 0 {
			break
		}
		if r := t.nodes[n].rate; r >= 0 {
			best = r
		}
	}
	if best < 0 {
		return nil
	}
	return &t.rates[best]
}

// matchCode looks a charge code up case-insensitively, after the same
// clean-up as Normalize, without allocating for codes up to 64 bytes.
func (t *Table) matchCode(code string) *Rate {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
			continue
		case c >= 0x80:
			i, ok := t.codes[strings.ToUpper(strings.Map(dropSeparators, code))]
			if !ok {
				return nil
			}
			return &t.rates[i]
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	if i, ok := t.codes[string(b)]; ok {
		return &t.rates[i]
	}
	return nil
}

func dropSeparators(r rune) rune {
	switch r {
	case ' ', '-', '.', '(', ')':
		return -1
	}
	return r
}
