-- +goose Up
-- modify "cdr_uploads" table
ALTER TABLE `cdr_uploads` ADD COLUMN `processing_run` bigint NOT NULL DEFAULT 0, ADD COLUMN `calls_to_clear` bool NOT NULL DEFAULT 0;

-- +goose Down
-- reverse: modify "cdr_uploads" table
ALTER TABLE `cdr_uploads` DROP COLUMN `calls_to_clear`, DROP COLUMN `processing_run`;
