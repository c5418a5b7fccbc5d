package render

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	"image/png"
	"sync"

	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"golang.org/x/image/draw"
)

// The logo is drawn at most 75 × 24 mm: this many pixels is 300 dpi there.
const maxLogoWidth, maxLogoHeight = 900, 300

// logoMemo keeps the last logo prepared. A deployment has one logo and a
// billing run renders thousands of invoices with it, while preparing it
// costs more than the rest of an invoice.
var logoMemo struct {
	sync.Mutex
	in, out []byte
	ext     extension.Type
}

// preparedLogo gives the logo in the form gofpdf embeds without work: a
// JPEG of a sensible size as it is (its data goes into the PDF untouched),
// anything else as an opaque 8-bit RGB PNG on white, which gofpdf also
// copies through. A PNG with transparency, 16-bit channels or interlacing
// would otherwise be decompressed and split on every invoice (12 ms for an
// 800 × 260 logo with alpha, against under 1 ms for the rest of the
// invoice), or refused by gofpdf altogether. A logo larger than it is drawn
// is scaled down.
func preparedLogo(b []byte) ([]byte, extension.Type, error) {
	logoMemo.Lock()
	defer logoMemo.Unlock()
	if logoMemo.in != nil && bytes.Equal(logoMemo.in, b) {
		return logoMemo.out, logoMemo.ext, nil
	}
	out, ext, err := prepareLogo(b)
	if err != nil {
		return nil, "", err
	}
	logoMemo.in, logoMemo.out, logoMemo.ext = bytes.Clone(b), out, ext
	return out, ext, nil
}

var errLogo = errors.New("the company logo could not be read as a PNG or JPEG image; upload it again as one of those")

func prepareLogo(b []byte) ([]byte, extension.Type, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, "", errLogo
	}
	fits := cfg.Width <= maxLogoWidth && cfg.Height <= maxLogoHeight
	if format == "jpeg" && fits {
		return b, extension.Jpg, nil
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, "", errLogo
	}
	w, h := cfg.Width, cfg.Height
	if !fits {
		scale := min(float64(maxLogoWidth)/float64(w), float64(maxLogoHeight)/float64(h))
		w, h = max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))
	}
	flat := image.NewRGBA(image.Rect(0, 0, w, h))
	stddraw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
	if fits {
		stddraw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, stddraw.Over)
	} else {
		draw.CatmullRom.Scale(flat, flat.Bounds(), img, img.Bounds(), draw.Over, nil)
	}
	var out bytes.Buffer
	if format == "jpeg" {
		err = jpeg.Encode(&out, flat, &jpeg.Options{Quality: 90})
		return out.Bytes(), extension.Jpg, err
	}
	// An opaque *image.RGBA is written as 8-bit RGB, not interlaced.
	err = png.Encode(&out, flat)
	return out.Bytes(), extension.Png, err
}
