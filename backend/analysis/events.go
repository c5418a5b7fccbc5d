package analysis

// UploadEvent says an upload changed (its phase, progress or counts); it
// is published on UploadTopic(UploadID) and on AllUploadsTopic, and
// watchers read the upload row again.
type UploadEvent struct {
	UploadID int `json:"upload"`
}

// Topic is the upload's own topic.
func (e UploadEvent) Topic() string { return UploadTopic(e.UploadID) }

// allUploads is the same event on the topic that carries every upload's.
type allUploads struct{ UploadEvent }

func (allUploads) Topic() string { return AllUploadsTopic }
