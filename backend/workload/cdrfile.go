package workload

import (
	"bufio"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// Expected is what an analysis of a generated CDR file must count
// (docs/analysis.md, Every line counted once): every line in exactly one counter.
type Expected struct {
	Lines int64 // data lines written (a header row is not one)
	// LinesRead is the lines of calls: Lines less NotVoice.
	LinesRead    int64
	Unreadable   int64
	Duplicates   int64
	ZeroDuration int64
	NoCustomer   int64
	NoRate       int64
	Priced       int64
	NotVoice     int64 // FCS SMS and data records: not calls
	Bytes        int64
}

// The mix of lines, per 100,000. The rest are priced calls from known CLIs
// (about 86%).
const (
	perUnreadable = 50   // 0.05%: truncated lines, impossible dates, durations that are not numbers
	perDuplicate  = 300  // 0.3%: a line the switch wrote twice
	perNotVoice   = 200  // 0.2% (FCS only): SMS and data records
	perZero       = 7000 // 7%: unanswered, busy, failed
	perUnknownCli = 5000 // 5%: a number no customer owns (yet)
	perNoRate     = 1000 // 1%: satellite and international networks the sheet lacks
	mixScale      = 100_000
)

// WriteCDR writes the calls of the workload's month to out in its format,
// as a stream: memory stays constant whatever cfg.Calls is. Calls are in
// time order, busiest in UK business hours, in UK local time.
func (w *Workload) WriteCDR(out io.Writer) (Expected, error) {
	cw := &countingWriter{w: out}
	bw := bufio.NewWriterSize(cw, 256<<10)
	g := &callGen{w: w, r: rand.New(rand.NewPCG(w.cfg.Seed, 0xa0761d6478bd642f)), fcs: w.cfg.Format == "fcs"}
	g.hours()
	var exp Expected
	if g.fcs {
		bw.WriteString(fcsHeader)
	}
	var line, last []byte
	n := w.cfg.Calls
	for i := range n {
		exp.Lines++
		at := g.timeOf(i, n)
		u := g.r.IntN(mixScale)
		isCall := true // a readable call line, which a later duplicate may repeat
		switch {
		case u < perUnreadable && i > 0: // the first line stays readable: a file must not look like the wrong format
			exp.Unreadable++
			isCall = false
			line = g.unreadable(line[:0], i, at)
		case u < perUnreadable+perDuplicate && last != nil:
			exp.Duplicates++
			line = append(line[:0], last...)
		case g.fcs && u < perUnreadable+perDuplicate+perNotVoice:
			exp.NotVoice++
			isCall = false
			line = g.line(line[:0], i, at, call{source: g.knownSource(), destination: "447700900" + g.digits(3), duration: 1, callType: "S"})
		case u < perUnreadable+perDuplicate+perNotVoice+perZero:
			exp.ZeroDuration++
			c := g.known()
			if g.r.IntN(5) == 0 {
				c = call{source: g.unknownNumber()}
			}
			c.destination, c.chargeCode = g.ratedDestination()
			line = g.line(line[:0], i, at, c)
		case u < perUnreadable+perDuplicate+perNotVoice+perZero+perUnknownCli:
			exp.NoCustomer++
			c := call{source: g.unknownNumber(), duration: g.duration()}
			c.destination, c.chargeCode = g.ratedDestination()
			line = g.line(line[:0], i, at, c)
		case u < perUnreadable+perDuplicate+perNotVoice+perZero+perUnknownCli+perNoRate:
			exp.NoRate++
			c := g.known()
			c.duration = g.duration()
			c.destination, c.chargeCode = g.unratedDestination()
			line = g.line(line[:0], i, at, c)
		default:
			exp.Priced++
			c := g.known()
			c.duration = g.duration()
			c.destination, c.chargeCode = g.ratedDestination()
			line = g.line(line[:0], i, at, c)
		}
		if _, err := bw.Write(line); err != nil {
			return exp, err
		}
		if isCall {
			last = append(last[:0], line...)
		}
	}
	if err := bw.Flush(); err != nil {
		return exp, err
	}
	exp.LinesRead = exp.Lines - exp.NotVoice
	exp.Bytes = cw.n
	return exp, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// call is one line to write. Numbers are as the switch writes them.
type call struct {
	source, destination, account, chargeCode string
	duration                                 int64 // billed seconds; 0 = not answered
	callType                                 string
	badDate, badDuration                     bool
}

// callGen writes the lines of one file.
type callGen struct {
	w   *Workload
	r   *rand.Rand
	fcs bool
	// cum[h] is the cumulative weight of the month's hours up to hour h.
	cum   []float64
	start time.Time
	buf   []byte
}

// hours weights each hour of the month by how busy a UK office is then.
func (g *callGen) hours() {
	g.start = g.w.MonthStart()
	end := g.start.AddDate(0, 1, 0)
	total := 0.0
	for t := g.start; t.Before(end); t = t.Add(time.Hour) {
		l := t.In(g.w.zone)
		h, wd := l.Hour(), l.Weekday()
		wt := 0.3
		switch {
		case wd == time.Saturday || wd == time.Sunday:
			if h >= 9 && h < 18 {
				wt = 1.5
			}
		case h >= 8 && h < 18:
			wt = 10
		case h == 7 || h >= 18 && h < 22:
			wt = 3
		}
		total += wt
		g.cum = append(g.cum, total)
	}
}

// timeOf spreads line i of n over the month: times rise through the file
// as a switch writes them, denser in busy hours.
func (g *callGen) timeOf(i, n int) time.Time {
	total := g.cum[len(g.cum)-1]
	f := (float64(i) + g.r.Float64()) / float64(n) * total
	h := sort.SearchFloat64s(g.cum, f)
	if h >= len(g.cum) {
		h = len(g.cum) - 1
	}
	lo := 0.0
	if h > 0 {
		lo = g.cum[h-1]
	}
	frac := (f - lo) / (g.cum[h] - lo)
	return g.start.Add(time.Duration(h)*time.Hour + time.Duration(frac*3600)*time.Second)
}

func (g *callGen) digits(n int) string {
	b := g.buf[:0]
	for range n {
		b = append(b, byte('0'+g.r.IntN(10)))
	}
	g.buf = b
	return string(b)
}

// known is a call from a customer's CLI: a DDI, a number of a DDI range, or
// (Asterisk, FreeSWITCH) an extension behind a trunk's account code.
func (g *callGen) known() call {
	clis := g.w.clis
	u := g.r.Float64()
	var c genCli
	if g.fcs {
		c = clis[g.w.dialable[int(float64(len(g.w.dialable))*u*u)]]
	} else {
		c = clis[int(float64(len(clis))*u*u)]
	}
	switch c.kind {
	case ddiRange:
		return call{source: g.spell(c.digits + g.digits(2))}
	case account:
		return call{source: "2" + g.digits(3), account: c.digits}
	}
	return call{source: g.spell(c.digits)}
}

// knownSource is a known DDI's number, for FCS records that are not calls.
func (g *callGen) knownSource() string {
	return g.spell(g.w.clis[g.w.dialable[g.r.IntN(len(g.w.dialable))]].digits)
}

// unknownNumber is a Cardiff (029) number: no generated DDI or range is in
// 029, so no customer owns it.
func (g *callGen) unknownNumber() string {
	return g.spell("4429" + g.digits(8))
}

// spell writes a UK number the way switches do: mostly national (0113…),
// some E.164 with or without +. FCS files carry 44… always.
func (g *callGen) spell(e164 string) string {
	if g.fcs {
		return e164
	}
	switch k := g.r.IntN(10); {
	case k < 7:
		return "0" + e164[2:]
	case k < 9:
		return "+" + e164
	}
	return e164
}

// spellIntl writes an international number as dialled in the UK (00…), or
// E.164 in FCS.
func (g *callGen) spellIntl(e164 string) string {
	if g.fcs {
		return e164
	}
	return "00" + e164
}

// ratedDestination is a number the sheet has a rate for, with the charge
// code an FCS carrier would send.
func (g *callGen) ratedDestination() (string, string) {
	k := g.r.IntN(100)
	if k >= 85 && len(g.w.intl) > 0 {
		c := g.w.intl[int(float64(len(g.w.intl))*g.r.Float64()*g.r.Float64())]
		return g.spellIntl(c.code + g.digits(11-len(c.code))), ""
	}
	var num, code string
	switch {
	case k < 42:
		num, code = "44"+string("12"[g.r.IntN(2)])+g.digits(9), "UKN"
		if g.r.IntN(10) < 3 {
			code = "UKL"
		}
	case k < 47:
		num, code = "443"+g.digits(9), "UKNG"
	case k < 77:
		num, code = "447"+string("456789"[g.r.IntN(6)])+g.digits(8), "UKM"
	case k < 81:
		num, code = "4480"+string("08"[g.r.IntN(2)])+g.digits(7), "UKF"
	case k < 84:
		num, code = "448"+string("47"[g.r.IntN(2)])+g.digits(8), "UKNG"
	default:
		num = "449" + g.digits(9)
	}
	if !g.fcs {
		code = ""
	}
	return g.spell(num), code
}

// unratedDestination is a number no row of the sheet matches.
func (g *callGen) unratedDestination() (string, string) {
	code := ""
	if g.fcs && g.r.IntN(2) == 0 {
		code = "SAT" // a carrier code the sheet does not have: the prefix decides
	}
	return g.spellIntl(unratedCodes[g.r.IntN(len(unratedCodes))] + g.digits(9)), code
}

// duration is an answered call's billed seconds: mostly short, a long tail,
// at most two hours.
func (g *callGen) duration() int64 {
	d := 1 + int64(g.r.ExpFloat64()*140)
	return min(d, 7200)
}

// unreadable is a line a switch or a careless export can write: cut short,
// an impossible date, a duration that is not a number.
func (g *callGen) unreadable(b []byte, i int, at time.Time) []byte {
	c := g.known()
	c.duration = g.duration()
	c.destination, c.chargeCode = g.ratedDestination()
	switch g.r.IntN(3) {
	case 0:
		c.badDate = true
	case 1:
		c.badDuration = true
	default:
		b = g.line(b, i, at, c)
		// Cut at a field boundary, after the eighth field.
		fields := 0
		for j := 0; j+2 < len(b); j++ {
			if b[j] == '"' && b[j+1] == ',' && b[j+2] == '"' {
				if fields++; fields == 8 {
					return append(b[:j+1], '\n')
				}
			}
		}
		return b
	}
	return g.line(b, i, at, c)
}

const localLayout = "2006-01-02 15:04:05"

var (
	answeredDisposition = "ANSWERED"
	zeroDispositions    = []string{"NO ANSWER", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"}
	zeroCauses          = []string{"NO_ANSWER", "NO_ANSWER", "USER_BUSY", "CALL_REJECTED", "NO_USER_RESPONSE"}
	callerNames         = []string{"Reception", "Sales", "Accounts", "Office", "Warehouse", "Surgery", "Front Desk", "Manager"}
)

// line writes one CDR line of the file's format.
func (g *callGen) line(b []byte, i int, answer time.Time, c call) []byte {
	ring := time.Duration(g.r.IntN(25)) * time.Second
	start := answer.Add(-ring)
	end := answer.Add(time.Duration(c.duration) * time.Second)
	if c.duration == 0 {
		end = start.Add(ring)
	}
	ls, la, le := start.In(g.w.zone), answer.In(g.w.zone), end.In(g.w.zone)
	dur := strconv.FormatInt(c.duration, 10)
	if c.badDuration {
		dur = []string{"n/a", "-12", "1m30s"}[g.r.IntN(3)]
	}
	switch g.w.cfg.Format {
	case "asterisk":
		name := callerNames[g.r.IntN(len(callerNames))]
		ext := strconv.Itoa(100 + g.r.IntN(900))
		b = append(b, '"')
		b = append(b, c.account...)
		b = append(b, `","`...)
		b = append(b, c.source...)
		b = append(b, `","`...)
		b = append(b, c.destination...)
		b = append(b, `","from-internal","""`...)
		b = append(b, name...)
		b = append(b, `"" <`...)
		b = append(b, c.source...)
		b = append(b, `>","SIP/`...)
		b = append(b, ext...)
		b = append(b, '-')
		b = appendHex(b, g.r.Uint32())
		b = append(b, `","SIP/trunk-`...)
		b = appendHex(b, g.r.Uint32())
		b = append(b, `","Dial","SIP/trunk/`...)
		b = append(b, c.destination...)
		b = append(b, `,60","`...)
		b = ls.AppendFormat(b, localLayout)
		b = append(b, `",`...)
		if c.duration > 0 || c.badDate {
			b = append(b, '"')
			b = g.appendAnswer(b, la, c.badDate)
			b = append(b, '"')
		}
		b = append(b, `,"`...)
		b = le.AppendFormat(b, localLayout)
		b = append(b, `",`...)
		b = strconv.AppendInt(b, int64(end.Sub(start)/time.Second), 10)
		b = append(b, ',')
		b = append(b, dur...)
		b = append(b, `,"`...)
		if c.duration > 0 {
			b = append(b, answeredDisposition...)
		} else {
			b = append(b, zeroDispositions[g.r.IntN(len(zeroDispositions))]...)
		}
		b = append(b, `","DOCUMENTATION","`...)
		b = strconv.AppendInt(b, start.Unix(), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `",""`...)
	case "freeswitch":
		b = append(b, '"')
		b = append(b, callerNames[g.r.IntN(len(callerNames))]...)
		b = append(b, `","`...)
		b = append(b, c.source...)
		b = append(b, `","`...)
		b = append(b, c.destination...)
		b = append(b, `","default","`...)
		b = ls.AppendFormat(b, localLayout)
		b = append(b, `","`...)
		if c.duration > 0 || c.badDate {
			b = g.appendAnswer(b, la, c.badDate)
		}
		b = append(b, `","`...)
		b = le.AppendFormat(b, localLayout)
		b = append(b, `","`...)
		b = strconv.AppendInt(b, int64(end.Sub(start)/time.Second), 10)
		b = append(b, `","`...)
		b = append(b, dur...)
		b = append(b, `","`...)
		if c.duration > 0 {
			b = append(b, "NORMAL_CLEARING"...)
		} else {
			b = append(b, zeroCauses[g.r.IntN(len(zeroCauses))]...)
		}
		b = append(b, `","`...)
		b = g.appendUUID(b)
		b = append(b, `","`...)
		if c.duration > 0 {
			b = g.appendUUID(b)
		}
		b = append(b, `","`...)
		b = append(b, c.account...)
		b = append(b, `","PCMA","PCMA"`...)
	case "fcs":
		b = g.fcsLine(b, i, la, ring, dur, c)
	}
	return append(b, '\n')
}

// appendAnswer writes the answer time, or an impossible one.
func (g *callGen) appendAnswer(b []byte, la time.Time, bad bool) []byte {
	if !bad {
		return la.AppendFormat(b, localLayout)
	}
	b = strconv.AppendInt(b, int64(la.Year()), 10)
	return append(b, "-02-30 25:61:00"...)
}

func appendHex(b []byte, v uint32) []byte {
	const hexd = "0123456789abcdef"
	for s := 28; s >= 0; s -= 4 {
		b = append(b, hexd[(v>>s)&0xf])
	}
	return b
}

// appendUUID writes a random (version 4) UUID, as FreeSWITCH's uuid.
func (g *callGen) appendUUID(b []byte) []byte {
	var h [32]byte
	for k := range 4 {
		copy(h[k*8:], appendHex(nil, g.r.Uint32()))
	}
	h[12], h[16] = '4', '8'
	b = append(b, h[0:8]...)
	b = append(b, '-')
	b = append(b, h[8:12]...)
	b = append(b, '-')
	b = append(b, h[12:16]...)
	b = append(b, '-')
	b = append(b, h[16:20]...)
	b = append(b, '-')
	return append(b, h[20:32]...)
}

// fcsLine writes the 42 quoted columns of an FCS record.
func (g *callGen) fcsLine(b []byte, i int, la time.Time, ring time.Duration, dur string, c call) []byte {
	var f [42]string
	f[0] = c.callType
	if f[0] == "" {
		f[0] = "V"
	}
	f[2], f[3] = c.source, c.destination
	f[4], f[5] = la.Format("02/01/2006"), la.Format("15:04:05")
	if c.badDate {
		f[4] = "30/02/" + strconv.Itoa(la.Year())
	}
	f[6], f[7], f[8] = dur, "0", "0"
	f[9], f[10], f[11] = fcsDescription(c.chargeCode), c.chargeCode, fcsBand(la)
	price := "0." + strconv.Itoa(10000 + g.r.IntN(5000))[1:]
	f[12], f[13] = price, price
	f[17], f[20] = "SIP", "S"
	f[27] = strconv.FormatInt(int64(ring/time.Second), 10)
	f[28] = string(appendPadded([]byte{'R'}, int64(i+1), 10))
	f[29], f[30] = "GBP", c.source
	for k, v := range f {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, v...)
		b = append(b, '"')
	}
	return b
}

func appendPadded(b []byte, v int64, width int) []byte {
	s := strconv.FormatInt(v, 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// fcsBand is the carrier's own time band: 1 peak, 2 off-peak, 3 weekend.
func fcsBand(t time.Time) string {
	switch {
	case t.Weekday() == time.Saturday || t.Weekday() == time.Sunday:
		return "3"
	case t.Hour() >= 8 && t.Hour() < 18:
		return "1"
	}
	return "2"
}

func fcsDescription(code string) string {
	switch code {
	case "UKN":
		return "National"
	case "UKL":
		return "Local"
	case "UKM":
		return "Mobile"
	case "UKF":
		return "Freephone"
	case "UKNG":
		return "Non-Geographic"
	}
	return "International"
}

const fcsHeader = `"Call Type","Call Cause Definition Required","Customer Identifier","Non-Charged Party","Call Date","Call Time","Duration","Bytes Transmitted","Bytes Received","Description","Chargecode","Time Band","Salesprice","Salesprice (Pre-Bundle)","Extension","DDI","Grouping ID","Call Class (Feature)","Carrier","Recording","VAT","Country of Origin","Network","Retail Tariff Code","Remote Network","APN","Diverted Number","Ring time","Record ID","Currency","Caller Line Identity","Network Access Reference","NGCS Access Charge","NGCS Service Charge","Total Bytes Transferred","User ID","Onward Billing Reference","Contract Name","Bundle Name","Bundle Allowance","Discount Reference","Routing Code"` + "\n"
