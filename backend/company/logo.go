package company

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG
	"io"
	"net/http"

	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
)

// MaxLogoBytes caps a logo: it is embedded in every invoice PDF, and a
// logo is drawn 75 × 24 mm, which 1 MB holds at print quality.
const MaxLogoBytes = 1 << 20

// maxLogoPixels refuses an image that decodes to more than this many
// pixels: a small file may still unpack to gigabytes when rendered.
const maxLogoPixels = 25_000_000

var logoExt = map[string]string{"image/png": "png", "image/jpeg": "jpg"}

// UploadLogo stores a PNG or JPEG as the company's logo, replacing any
// other. The type is read from the file, not from its name.
func (s *Service) UploadLogo(ctx context.Context, file io.Reader) (settings.Company, error) {
	raw, err := io.ReadAll(io.LimitReader(file, MaxLogoBytes+1))
	if err != nil {
		return settings.Company{}, apperr.Field(apperr.Invalid, "file", "the logo could not be read; please upload it again")
	}
	if len(raw) > MaxLogoBytes {
		return settings.Company{}, apperr.Field(apperr.Invalid, "file", "the logo is larger than 1 MB; save it smaller (a logo is printed about 75 × 24 mm) and upload it again")
	}
	kind := http.DetectContentType(raw)
	ext, ok := logoExt[kind]
	if !ok {
		return settings.Company{}, apperr.Field(apperr.Invalid, "file", "the logo must be a PNG or JPEG image; save it as one and upload it again")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return settings.Company{}, apperr.Field(apperr.Invalid, "file", "the logo is not a readable %s image; save it again and upload the new file", ext)
	}
	if cfg.Width*cfg.Height > maxLogoPixels || cfg.Width == 0 || cfg.Height == 0 {
		return settings.Company{}, apperr.Field(apperr.Invalid, "file", "the logo is %d × %d pixels; scale it below 5000 × 5000 and upload it again", cfg.Width, cfg.Height)
	}
	sum := sha256.Sum256(raw)
	key := fmt.Sprintf("settings/logo-%s.%s", hex.EncodeToString(sum[:16]), ext)
	// Content-addressed: a failed transaction leaves at most a copy the
	// next upload of the same image reuses.
	if err := s.Blobs.WriteAll(ctx, key, raw, &blob.WriterOptions{ContentType: kind}); err != nil {
		return settings.Company{}, fmt.Errorf("store the logo: %w", err)
	}
	return s.setLogo(ctx, key, kind)
}

// RemoveLogo leaves the company without a logo; invoices then print none.
func (s *Service) RemoveLogo(ctx context.Context) (settings.Company, error) {
	return s.setLogo(ctx, "", "")
}

func (s *Service) setLogo(ctx context.Context, key, kind string) (settings.Company, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (settings.Company, error) {
		row, err := s.locked(ctx, c)
		if err != nil {
			return settings.Company{}, err
		}
		row, err = row.Update().SetLogoBlobKey(key).SetLogoContentType(kind).Save(ctx)
		if err != nil {
			return settings.Company{}, err
		}
		return fromRow(row), nil
	})
}

// Logo returns the logo's bytes and MIME type, NOT_FOUND without one.
func (s *Service) Logo(ctx context.Context) ([]byte, string, error) {
	c, err := s.Get(ctx)
	if err != nil {
		return nil, "", err
	}
	if c.LogoKey == "" {
		return nil, "", apperr.New(apperr.NotFound, "the company has no logo; upload one on the Settings page")
	}
	b, err := s.Blobs.ReadAll(ctx, c.LogoKey)
	if err != nil {
		return nil, "", fmt.Errorf("read the logo %s: %w", c.LogoKey, err)
	}
	return b, c.LogoType, nil
}
