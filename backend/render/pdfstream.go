package render

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"

	"github.com/phpdave11/gofpdf"
	"golang.org/x/text/encoding/charmap"
)

// pageStream writes a PDF one page at a time, for documents too long to
// build in memory: maroto and fpdf both keep every page until the end, and
// an itemised statement of 100,000 calls is some 2,000 pages. Each page's
// content goes to the writer (compressed) as soon as the page is done, so
// memory holds one page plus 8 bytes per object for the cross-reference
// table at the end.
//
// It draws only what a statement needs: text in the two standard Helvetica
// faces (WinAnsi encoded, so the text stays extractable and no font is
// embedded), lines and grey bands. The total page count, unknown until the
// last row, is a form XObject written at the end and drawn on every page.
type pageStream struct {
	w       *bufio.Writer
	written int64
	offsets []int64 // offsets[n-1] is where object n starts
	err     error

	page    bytes.Buffer // the content stream of the page being drawn
	zbuf    bytes.Buffer
	z       *zlib.Writer
	pages   []int // object numbers of the pages, for the page tree
	scratch []byte
}

const (
	objCatalog = 1 + iota
	objPages
	objFont
	objFontBold
	objPageCount
	objInfo
	firstFreeObj
)

// A4 in points, origin at the top left for callers (PDF's is bottom left).
const pageWidth, pageHeight = 595.28, 841.89

type face int

const (
	regular face = iota
	bold
)

func newPageStream(w io.Writer, title string) *pageStream {
	p := &pageStream{w: bufio.NewWriterSize(w, 64<<10)}
	p.offsets = make([]int64, firstFreeObj-1)
	p.z, _ = zlib.NewWriterLevel(&p.zbuf, zlib.BestSpeed)
	p.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")
	p.beginObj(objCatalog)
	p.printf("<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", objPages)
	for obj, name := range []string{objFont: "Helvetica", objFontBold: "Helvetica-Bold"} {
		if name != "" {
			p.beginObj(obj)
			p.printf("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>\nendobj\n", name)
		}
	}
	p.beginObj(objInfo)
	p.printf("<< /Producer (Tollgate) /Title ")
	p.printString(title)
	p.printf(" >>\nendobj\n")
	return p
}

func (p *pageStream) printf(format string, args ...any) {
	if p.err != nil {
		return
	}
	n, err := fmt.Fprintf(p.w, format, args...)
	p.written += int64(n)
	p.err = err
}

func (p *pageStream) write(b []byte) {
	if p.err != nil {
		return
	}
	n, err := p.w.Write(b)
	p.written += int64(n)
	p.err = err
}

// printString writes s as a PDF string literal in WinAnsi.
func (p *pageStream) printString(s string) {
	p.scratch = pdfString(p.scratch[:0], s)
	p.write(p.scratch)
}

func (p *pageStream) newObj() int {
	p.offsets = append(p.offsets, 0)
	return len(p.offsets)
}

func (p *pageStream) beginObj(n int) {
	p.offsets[n-1] = p.written
	p.printf("%d 0 obj\n", n)
}

// endPage compresses the drawn page and writes it with its page object.
func (p *pageStream) endPage() {
	if p.err != nil {
		return
	}
	p.zbuf.Reset()
	p.z.Reset(&p.zbuf)
	_, _ = p.z.Write(p.page.Bytes())
	p.err = p.z.Close()
	p.page.Reset()

	content := p.newObj()
	p.beginObj(content)
	p.printf("<< /Length %d /Filter /FlateDecode >>\nstream\n", p.zbuf.Len())
	p.write(p.zbuf.Bytes())
	p.printf("\nendstream\nendobj\n")

	page := p.newObj()
	p.beginObj(page)
	p.printf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "+
		"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /N %d 0 R >> >> /Contents %d 0 R >>\nendobj\n",
		objPages, pageWidth, pageHeight, objFont, objFontBold, objPageCount, content)
	p.pages = append(p.pages, page)
}

// pageNumber is how many pages are done, plus the one being drawn.
func (p *pageStream) pageNumber() int { return len(p.pages) + 1 }

// close writes the page tree, the page count and the cross-reference table.
func (p *pageStream) close() error {
	p.beginObj(objPages)
	p.printf("<< /Type /Pages /Count %d /Kids [", len(p.pages))
	for i, page := range p.pages {
		if i%16 == 0 {
			p.printf("\n")
		}
		p.printf("%d 0 R ", page)
	}
	p.printf("] >>\nendobj\n")

	count := []byte("BT /F1 7 Tf 0 2 Td ")
	count = append(pdfString(count, strconv.Itoa(len(p.pages))), " Tj ET"...)
	p.beginObj(objPageCount)
	p.printf("<< /Type /XObject /Subtype /Form /BBox [0 0 60 10] /Resources << /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n", objFont, len(count))
	p.write(count)
	p.printf("\nendstream\nendobj\n")

	xref := p.written
	p.printf("xref\n0 %d\n0000000000 65535 f \n", len(p.offsets)+1)
	for _, off := range p.offsets {
		p.printf("%010d 00000 n \n", off)
	}
	p.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(p.offsets)+1, objCatalog, objInfo, xref)
	if p.err != nil {
		return p.err
	}
	return p.w.Flush()
}

// The drawing calls take y from the top of the page, to the text's baseline.

func (p *pageStream) text(x, y float64, f face, size float64, s string) {
	b := p.page.AvailableBuffer()
	b = append(b, "BT /F"...)
	b = strconv.AppendInt(b, int64(f)+1, 10)
	b = append(b, ' ')
	b = appendNum(b, size)
	b = append(b, " Tf "...)
	b = appendNum(b, x)
	b = append(b, ' ')
	b = appendNum(b, pageHeight-y)
	b = append(b, " Td "...)
	b = pdfString(b, s)
	b = append(b, " Tj ET\n"...)
	p.page.Write(b)
}

// textRight draws s ending at x.
func (p *pageStream) textRight(x, y float64, f face, size float64, s string) {
	p.text(x-textWidth(f, size, s), y, f, size, s)
}

// pageCountAt draws the document's page count with its left edge at x.
func (p *pageStream) pageCountAt(x, y float64) {
	fmt.Fprintf(&p.page, "q 1 0 0 1 %.2f %.2f cm /N Do Q\n", x, pageHeight-y-2)
}

func (p *pageStream) line(x1, y1, x2, y2, width float64) {
	fmt.Fprintf(&p.page, "%.2f w %.2f %.2f m %.2f %.2f l S\n", width, x1, pageHeight-y1, x2, pageHeight-y2)
}

// band fills a light grey rectangle from y down h points.
func (p *pageStream) band(x, y, w, h float64) {
	fmt.Fprintf(&p.page, "q 0.93 g %.2f %.2f %.2f %.2f re f Q\n", x, pageHeight-y-h, w, h)
}

// appendNum writes a coordinate with two decimals; strconv's float
// formatting was a fifth of a statement's time.
func appendNum(b []byte, v float64) []byte {
	c := int64(math.Round(v * 100))
	if c < 0 {
		b, c = append(b, '-'), -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	if f := c % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10), byte('0'+f%10))
	}
	return b
}

// pdfString appends s as a PDF literal string in WinAnsi: a character that
// code page has not becomes '?', and \ ( ) are escaped.
func pdfString(b []byte, s string) []byte {
	b = append(b, '(')
	for _, r := range s {
		switch c := winAnsiByte(r); c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\n', '\r', '\t':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

func winAnsiByte(r rune) byte {
	if r < 0x80 {
		return byte(r)
	}
	if b, ok := charmap.Windows1252.EncodeRune(r); ok {
		return b
	}
	return '?'
}

// winAnsi re-encodes s in WinAnsi, the code page of the standard PDF fonts.
func winAnsi(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, winAnsiByte(r))
	}
	return string(b)
}

// glyphWidths are the standard Helvetica faces' advance widths per WinAnsi
// byte, in thousandths of the font size, taken from gofpdf's core font
// metrics (the library maroto draws with).
var glyphWidths = sync.OnceValue(func() *[2][256]int {
	w := new([2][256]int)
	pdf := gofpdf.New("P", "pt", "A4", "")
	for f, style := range []string{"", "B"} {
		pdf.SetFont("Helvetica", style, 10)
		for c := 1; c < 256; c++ {
			w[f][c] = pdf.GetStringSymbolWidth(string([]byte{byte(c)}))
		}
	}
	return w
})

// textWidth is how wide s is drawn in points.
func textWidth(f face, size float64, s string) float64 {
	w := &glyphWidths()[f]
	total := 0
	for _, r := range s {
		total += w[winAnsiByte(r)]
	}
	return float64(total) * size / 1000
}

// fit shortens s with an ellipsis until it is at most width points wide.
func fit(f face, size, width float64, s string) string {
	if textWidth(f, size, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && textWidth(f, size, string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
