package rating

import (
	"fmt"
	"strings"
)

// Direction is which way a call went, seen from the reseller's customer.
type Direction uint8

const (
	// Outbound calls are made by the customer: the caller's number is the
	// customer's, and the number dialled is rated.
	Outbound Direction = iota
	// Inbound calls reach the customer: the number dialled (the customer's
	// DDI) is the customer's, and the caller's number is rated.
	Inbound
)

// Numbers splits a call's source and destination into the number that
// identifies the customer (own) and the number the call is rated by
// (rated): docs/rating.md's one rule for each direction. It works on anything
// that names the two ends, numbers or the columns holding them.
func (d Direction) Numbers(source, destination string) (own, rated string) {
	if d == Inbound {
		return destination, source
	}
	return source, destination
}

func (d Direction) String() string {
	if d == Inbound {
		return "inbound"
	}
	return "outbound"
}

// ParseDirection reads "outbound" or "inbound" (any case).
func ParseDirection(s string) (Direction, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "outbound":
		return Outbound, nil
	case "inbound":
		return Inbound, nil
	}
	return Outbound, fmt.Errorf("%q is not a direction: use outbound or inbound", s)
}
