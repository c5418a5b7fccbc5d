package call

// Name is the band as invoices and statements print it: Peak, Off-peak or
// Weekend; empty for no band.
func (b Band) Name() string {
	switch b {
	case BandPeak:
		return "Peak"
	case BandOffpeak:
		return "Off-peak"
	case BandWeekend:
		return "Weekend"
	}
	return ""
}
