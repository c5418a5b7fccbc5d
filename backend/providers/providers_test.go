package providers_test

import (
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/cdr"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent/migrate"
)

// One line of each format, written by hand from the formats' layouts.
var sampleLines = map[string]string{
	// accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
	// lastdata, start, answer, end, duration, billsec, disposition,
	// amaflags, uniqueid
	"ASTERISK": `"acc","01134960001","02079460123","ctx","","c","d","Dial","","2026-06-01 09:59:56","2026-06-01 10:00:00","2026-06-01 10:01:01",65,61,"ANSWERED","DOCUMENTATION","id.1"`,
	// caller_id_name, caller_id_number, destination_number, context,
	// start_stamp, answer_stamp, end_stamp, duration, billsec,
	// hangup_cause, uuid, bleg_uuid, accountcode
	"FREESWITCH": `"Leeds","01134960001","02079460123","default","2026-06-01 09:59:56","2026-06-01 10:00:00","2026-06-01 10:01:01","65","61","NORMAL_CLEARING","uuid-1","","acc"`,
	// 42 columns by position: call type, _, CLI, number dialled, date,
	// time, duration, ...
	"FCS": `V,,01134960001,02079460123,01/06/2026,10:00:00,61` + strings.Repeat(",", 35),
	// A file in a provider's own layout, read through its column mapping.
	"CSV": "from,to,when,secs\n01134960001,02079460123,2026-06-01 10:00:00,61",
}

// Every value the database can hold for a provider's CDR format (the
// generated enum, which follows from backend/cdr's declarations) names a
// format that reads that format's line into a call.
func TestEveryProviderFormatHasAReader(t *testing.T) {
	var values []string
	for _, c := range migrate.ProvidersColumns {
		if c.Name == "cdr_format" {
			values = c.Enums
		}
	}
	if len(values) < 4 {
		t.Fatalf("provider cdr_format enum: %v; want at least asterisk, freeswitch, fcs and csv", values)
	}
	zone, err := rating.LoadZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range values {
		f, ok := cdr.ProviderFormat(v)
		if !ok {
			t.Errorf("%s: no CDR format declares it", v)
			continue
		}
		if f.Label == "" || f.Description == "" || f.Value() != v {
			t.Errorf("%s: declared as %+v; want a label, a description and the value %s", v, f, v)
		}
		line, ok := sampleLines[v]
		if !ok {
			t.Errorf("%s: no sample line in this test; add one", v)
			continue
		}
		var rd *cdr.Reader
		if f.Mapped {
			m := cdr.Mapping{Delimiter: ",", Header: true, Source: "from", Destination: "to", Start: "when", Duration: "secs",
				Layouts: []string{"YYYY-MM-DD HH:mm:ss"}, DurationUnit: "seconds"}
			if rd, err = cdr.NewMappedReader(strings.NewReader(line), m, zone); err != nil {
				t.Errorf("%s: %v", v, err)
				continue
			}
		} else {
			if _, err := cdr.LookupFormat(v); err != nil {
				t.Errorf("%s: %v", v, err)
				continue
			}
			rd = cdr.NewReader(strings.NewReader(line+"\n"), f, zone)
		}
		if !rd.Next() || rd.Problem() != nil {
			t.Errorf("%s: the sample line did not read: problem %v, err %v", v, rd.Problem(), rd.Err())
			continue
		}
		rec := rd.Record()
		if rec.Source != "01134960001" || rec.Destination != "02079460123" || rec.Duration != 61 ||
			rec.Start.UTC().Format("2006-01-02 15:04:05") != "2026-06-01 09:00:00" {
			t.Errorf("%s: read %+v; want 01134960001 → 02079460123 for 61 s from 10:00:00 BST", v, rec)
		}
	}
}
