package analysis

// UploadEvent says an upload changed (its phase, progress or counts); it
// is published on UploadTopic(UploadID) and on AllUploadsTopic, and
// watchers read the upload row again.
type UploadEvent struct {
	UploadID int `json:"upload"`
}
