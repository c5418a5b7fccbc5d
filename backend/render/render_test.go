package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// pdfText reads a PDF back as text with poppler's pdftotext, keeping the
// layout so that a table row comes out as one line. Pages 0 means all.
func pdfText(t testing.TB, pdf []byte, page int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-layout"}
	if page > 0 {
		args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian's poppler-utils, which .ci/run installs) could not read the PDF: %v", err)
	}
	return string(out)
}

// pdfPages asks pdfinfo how many pages a PDF has.
func pdfPages(t testing.TB, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("pdfinfo gave no page count:\n%s", out)
	return 0
}

// lineWith finds the text line holding every one of parts, in order.
func lineWith(text string, parts ...string) (string, bool) {
	for _, l := range strings.Split(text, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return l, true
		}
	}
	return "", false
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// logo makes a 240 × 80 logo as resellers have them: flat colours, and in
// PNG a transparent background with a fading band.
func logo(t testing.TB, format string) []byte {
	t.Helper()
	return encodeLogo(t, format, image.NewNRGBA(image.Rect(0, 0, 240, 80)))
}

func encodeLogo(t testing.TB, format string, img draw.Image) []byte {
	t.Helper()
	b := img.Bounds()
	for x := range b.Dx() {
		for y := range b.Dy() {
			dx, dy := x-b.Dy()/2, y-b.Dy()/2
			switch {
			case dx*dx+dy*dy < b.Dy()*b.Dy()/5:
				img.Set(x, y, color.NRGBA{20, 60, 140, 255})
			case y > b.Dy()/3 && y < 2*b.Dy()/3 && x > b.Dy():
				img.Set(x, y, color.NRGBA{240, 180, 20, uint8(255 - 200*x/b.Dx())})
			case format == "jpeg":
				img.Set(x, y, color.White)
			}
		}
	}
	var out bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&out, img)
	} else {
		err = jpeg.Encode(&out, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
