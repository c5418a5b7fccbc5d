// Package filekind tells a text file (CSV, a CDR) from the files a clerk
// picks by mistake: an image, a PDF, a spreadsheet workbook, a compressed
// archive, UTF-16 text. It looks only at the first bytes, so a reader can
// say what the file is before it tries to parse it, instead of reporting
// every line as bad CSV. It is pure: no I/O beyond the bytes it is given.
package filekind

import (
	"bytes"
	"fmt"
)

// Head is how many leading bytes Check wants to see.
const Head = 8 << 10

// signatures are the leading bytes of the files most often picked instead
// of a CSV, with what to call them and what to do.
var signatures = []struct {
	magic      string
	what, todo string
}{
	{"\x1f\x8b", "a gzip-compressed file", "unpack it and upload the CSV inside"},
	{"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook is one too)", "unpack it, or open the workbook and save it as CSV UTF-8, and upload the CSV"},
	{"BZh", "a bzip2-compressed file", "unpack it and upload the CSV inside"},
	{"\xfd7zXZ\x00", "an xz-compressed file", "unpack it and upload the CSV inside"},
	{"\x28\xb5\x2f\xfd", "a zstd-compressed file", "unpack it and upload the CSV inside"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and upload the CSV inside"},
	{"Rar!\x1a\x07", "a RAR archive", "unpack it and upload the CSV inside"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Excel .xls workbook (or another Office document)", "open it and save it as CSV UTF-8, then upload the CSV"},
	{"%PDF-", "a PDF document", "ask for the data as a CSV file"},
	{"\x89PNG\r\n\x1a\n", "a PNG image", "upload the CSV file itself"},
	{"\xff\xd8\xff", "a JPEG image", "upload the CSV file itself"},
	{"GIF87a", "a GIF image", "upload the CSV file itself"},
	{"GIF89a", "a GIF image", "upload the CSV file itself"},
	{"\x00\x00\xfe\xff", "UTF-32 text", "save it as CSV UTF-8 and upload it again"},
	{"\xff\xfe\x00\x00", "UTF-32 text", "save it as CSV UTF-8 and upload it again"},
	{"\xff\xfe", "UTF-16 text (Excel's \"Unicode text\")", "save it as CSV UTF-8 and upload it again"},
	{"\xfe\xff", "UTF-16 text", "save it as CSV UTF-8 and upload it again"},
}

// NotText says what a file is instead of text, and what to do about it.
type NotText struct {
	What string // "a PNG image"
	Todo string // "upload the CSV file itself"
}

func (e *NotText) Error() string {
	return fmt.Sprintf("this is %s, not a CSV text file; %s", e.What, e.Todo)
}

// Check looks at the first bytes of a file (up to Head of them) and
// answers a *NotText when they are not text a CSV reader can take, or nil.
// Text in UTF-8 or a single-byte encoding such as Windows-1252 passes: only
// files no text editor would show as lines of characters are refused.
func Check(head []byte) *NotText {
	if len(head) > Head {
		head = head[:Head]
	}
	for _, s := range signatures {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			return &NotText{What: s.what, Todo: s.todo}
		}
	}
	if utf16WithoutMark(head) {
		return &NotText{What: "UTF-16 text", Todo: "save it as CSV UTF-8 and upload it again"}
	}
	// Text has control characters other than tab, line ends and form feed
	// only by accident (a damaged line, which a reader reports as such);
	// binary data, even compressed or encrypted, is about one byte in eight
	// of them.
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a {
			controls++
		}
	}
	if controls > 0 && controls*20 > len(head) {
		return &NotText{What: "binary data (not text)", Todo: "check that you picked the right file, and upload the CSV"}
	}
	return nil
}

// utf16WithoutMark reports text written as UTF-16 with no byte-order mark:
// ASCII characters then come with a NUL byte before or after each, so one
// of the two byte positions is almost all NULs.
func utf16WithoutMark(b []byte) bool {
	if len(b) < 8 {
		return false
	}
	var zero [2]int
	for i, c := range b[:len(b)&^1] {
		if c == 0 {
			zero[i&1]++
		}
	}
	pairs := len(b) / 2
	return (zero[0]*10 >= pairs*9 && zero[1] == 0) || (zero[1]*10 >= pairs*9 && zero[0] == 0)
}
