// Package rules is the arithmetic of billing, written once so that the
// billing run, its preview and the bench issue the same invoices to the
// penny: schedules and their periods, the charges a run bills (one-off,
// recurring in advance, pro rata), Call Charges, tax per rate, minimum
// invoice amounts, parent billing, due dates and invoice numbers.
//
// It is pure: plain structs in, plain structs out, no database, queue or
// clock. The services above it read customers, calls and charges, call
// [Bill] and store what it returns. The rules themselves are described in
// docs/billing.md.
package rules
