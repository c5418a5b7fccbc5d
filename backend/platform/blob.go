package platform

import (
	"context"
	"fmt"
	"net/url"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file:// buckets
	_ "gocloud.dev/blob/s3blob"   // s3:// buckets, any S3-compatible store
)

// OpenBlobs opens the blob store for raw CDR files, rate sheets, PDFs and
// statements: BLOB_URL, or DataDir/files.
func OpenBlobs(ctx context.Context, c Config) (*blob.Bucket, error) {
	u := c.BlobURL
	if u == "" {
		dir, err := c.ensureDataDir("files")
		if err != nil {
			return nil, err
		}
		u = (&url.URL{Scheme: "file", Path: dir}).String() + "?no_tmp_dir=true"
	}
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("BLOB_URL: %w", err)
	}
	return b, nil
}
