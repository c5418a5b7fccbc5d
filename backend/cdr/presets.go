package cdr

import (
	"fmt"
	"strings"
)

// Preset is a ready-made Mapping for a provider whose export is documented,
// offered on the provider form as a starting point.
type Preset struct {
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Mapping     Mapping `json:"mapping"`
}

// Presets lists the ready-made mappings. Column names and layouts come from
// the providers' public documentation; where the documentation leaves
// something open, the comment says which choice was made.
var Presets = []Preset{
	{
		// DIDWW user panel, Call Logs, inbound CDR export (doc.didww.com,
		// "Inbound CDR Exported CSV File Description"): Date/Time Start
		// (UTC), Date/Time Connect (UTC), Date/Time End (UTC), Source, DID,
		// Destination, Duration (secs), Disconnect Initiator, Disconnect
		// Code, Disconnect Response, Toll-free Amount (USD), Termination
		// Amount (USD), Metered Channels Amount (USD). Times are written
		// 2020-01-01 11:22:33 in UTC.
		//
		// The called number is DID; Destination is the URI the call was
		// forwarded to, not a number to rate. The connect time is the
		// answer time (empty for a call that did not connect, whose
		// duration is 0). The export has no record id, and its three
		// amounts are parts of the charge with no total, so neither a
		// unique id nor a provider price is mapped.
		Name:        "didww",
		Description: "DIDWW call log export (inbound, user panel): Date/Time Start (UTC), Source, DID, Destination, Duration (secs), …; UTC",
		Mapping: Mapping{
			Delimiter:    ",",
			Header:       true,
			Source:       "Source",
			Destination:  "DID",
			Start:        "Date/Time Start (UTC)",
			Answer:       "Date/Time Connect (UTC)",
			Duration:     "Duration (secs)",
			Layouts:      []string{"YYYY-MM-DD HH:mm:ss"},
			TimeZone:     "UTC",
			DurationUnit: "seconds",
		},
	},
	{
		// DIDWW API v3 export of outbound CDRs (doc.didww.com, "Get CSV
		// File of Export", Outbound CDRs): Date/Time Start (UTC), Date/Time
		// Connect (UTC), Date/Time End (UTC), Status, Source, CLI,
		// Destination Number, Call Duration (sec), Billing Duration (sec),
		// …, Rate (USD), Charged (USD), …. The documentation gives no sample
		// timestamp for this export; the user panel's layout is assumed,
		// with RFC 3339 accepted too.
		//
		// The presented CLI is the calling number; Source (the number the
		// trunk sent) is the account, matched when the CLI matches no
		// customer. Billing Duration is the billed time.
		Name:        "didww-outbound",
		Description: "DIDWW outbound CDR export (API v3): CLI, Destination Number, Billing Duration (sec), Charged (USD); UTC",
		Mapping: Mapping{
			Delimiter:     ",",
			Header:        true,
			Source:        "CLI",
			Account:       "Source",
			Destination:   "Destination Number",
			Start:         "Date/Time Start (UTC)",
			Answer:        "Date/Time Connect (UTC)",
			Duration:      "Billing Duration (sec)",
			ProviderPrice: "Charged (USD)",
			Layouts:       []string{"YYYY-MM-DD HH:mm:ss", "rfc3339"},
			TimeZone:      "UTC",
			DurationUnit:  "seconds",
		},
	},
	{
		// Twilio call log export. Its columns carry the Call resource's
		// property names (Sid, From, To, StartTime, EndTime, Duration,
		// Price, PriceUnit, Direction, Status, …), as the brief for this
		// preset lists them; the console's CSV column list itself is not
		// documented publicly. Duration is whole seconds. Price is what
		// Twilio charged, which Twilio writes as a negative amount
		// (-0.01300), hence NegativePrices.
		//
		// The API documents StartTime as RFC 2822 in UTC ("Mon, 01 Jun 2026
		// 10:00:04 +0000"). The console's CSV layout is not documented, so
		// the API's layout comes first, and RFC 3339 and YYYY-MM-DD
		// HH:mm:ss (UTC) are accepted too. Twilio documents Duration as
		// empty for calls that never connected: such lines are reported
		// unreadable, as an empty duration is for every format.
		Name:        "twilio",
		Description: "Twilio call log export: Sid, From, To, StartTime, Duration, Price, …; UTC",
		Mapping: Mapping{
			Delimiter:      ",",
			Header:         true,
			Source:         "From",
			Destination:    "To",
			Start:          "StartTime",
			Duration:       "Duration",
			UniqueID:       "Sid",
			ProviderPrice:  "Price",
			NegativePrices: true,
			Layouts:        []string{"rfc2822", "rfc3339", "YYYY-MM-DD HH:mm:ss"},
			TimeZone:       "UTC",
			DurationUnit:   "seconds",
		},
	},
}

// LookupPreset finds a preset by name (case-insensitive). The Mapping is a
// copy: changing it leaves the preset as it was.
func LookupPreset(name string) (Preset, error) {
	var names []string
	for _, p := range Presets {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			p.Mapping.Layouts = append([]string(nil), p.Mapping.Layouts...)
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Preset{}, fmt.Errorf("unknown CSV preset %q: use one of %s", name, strings.Join(names, ", "))
}
