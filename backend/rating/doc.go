// Package rating is Tollgate's pricing engine: the pure, exact implementation
// of docs/rating.md. It normalises numbers, matches a call to a rate row
// (charge code first, then the longest destination prefix), finds the band in
// force from the peak-times schedule in the deployment's time zone, applies
// the duration block and prices the call in fixed-point integers.
//
// Nothing here touches a database, the network or float64: money is held as
// Amount (minor units scaled by 10^6) and prices come out as integer counts
// of 10^-decimals major units. Converting to shopspring decimal happens only
// at the edges (Amount.Decimal, Result.PriceDecimal).
//
// A Table, PeakTimes, Zone and Rater are built once and are then read-only,
// so one value may be shared by any number of goroutines.
package rating
