-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_cdr_uploads" table
CREATE TABLE `new_cdr_uploads` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL DEFAULT ('OUTBOUND'), `file_name` text NOT NULL, `sha256` text NOT NULL, `size_bytes` integer NOT NULL DEFAULT (0), `blob_key` text NOT NULL, `status` text NOT NULL DEFAULT ('UPLOADED'), `failure_reason` text NULL, `analysis_run` integer NOT NULL DEFAULT (0), `processing_run` integer NOT NULL DEFAULT (0), `calls_to_clear` bool NOT NULL DEFAULT (false), `phase` text NULL, `lines_done` integer NOT NULL DEFAULT (0), `lines_read` integer NOT NULL DEFAULT (0), `priced` integer NOT NULL DEFAULT (0), `without_customer` integer NOT NULL DEFAULT (0), `without_rate` integer NOT NULL DEFAULT (0), `zero_duration` integer NOT NULL DEFAULT (0), `duplicates` integer NOT NULL DEFAULT (0), `unreadable` integer NOT NULL DEFAULT (0), `customers` integer NOT NULL DEFAULT (0), `not_voice` integer NOT NULL DEFAULT (0), `bytes_total` integer NOT NULL DEFAULT (0), `bytes_done` integer NOT NULL DEFAULT (0), `lines_per_second` integer NOT NULL DEFAULT (0), `price_decimals` integer NOT NULL DEFAULT (4), `phase_started_at` datetime NULL, `total_price` text NOT NULL, `total_cost` text NOT NULL, `total_margin` text NOT NULL, `lease_owner` text NULL, `lease_until` datetime NULL, `calls_from` datetime NULL, `calls_to` datetime NULL, `analysed_at` datetime NULL, `processed_at` datetime NULL, `provider_uploads` integer NOT NULL, CONSTRAINT `cdr_uploads_providers_uploads` FOREIGN KEY (`provider_uploads`) REFERENCES `providers` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_cdr_uploads" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_cdr_uploads", 21474836480);
-- copy rows from old table "cdr_uploads" to new temporary table "new_cdr_uploads"
INSERT INTO `new_cdr_uploads` (`id`, `created_at`, `updated_at`, `direction`, `file_name`, `sha256`, `size_bytes`, `blob_key`, `status`, `failure_reason`, `analysis_run`, `phase`, `lines_done`, `lines_read`, `priced`, `without_customer`, `without_rate`, `zero_duration`, `duplicates`, `unreadable`, `customers`, `not_voice`, `bytes_total`, `bytes_done`, `lines_per_second`, `price_decimals`, `phase_started_at`, `total_price`, `total_cost`, `total_margin`, `lease_owner`, `lease_until`, `calls_from`, `calls_to`, `analysed_at`, `processed_at`, `provider_uploads`) SELECT `id`, `created_at`, `updated_at`, `direction`, `file_name`, `sha256`, `size_bytes`, `blob_key`, `status`, `failure_reason`, `analysis_run`, `phase`, `lines_done`, `lines_read`, `priced`, `without_customer`, `without_rate`, `zero_duration`, `duplicates`, `unreadable`, `customers`, `not_voice`, `bytes_total`, `bytes_done`, `lines_per_second`, `price_decimals`, `phase_started_at`, `total_price`, `total_cost`, `total_margin`, `lease_owner`, `lease_until`, `calls_from`, `calls_to`, `analysed_at`, `processed_at`, `provider_uploads` FROM `cdr_uploads`;
-- drop "cdr_uploads" table after copying rows
DROP TABLE `cdr_uploads`;
-- rename temporary table "new_cdr_uploads" to "cdr_uploads"
ALTER TABLE `new_cdr_uploads` RENAME TO `cdr_uploads`;
-- create index "cdr_uploads_sha256_key" to table: "cdr_uploads"
CREATE UNIQUE INDEX `cdr_uploads_sha256_key` ON `cdr_uploads` (`sha256`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "cdr_uploads_sha256_key" to table: "cdr_uploads"
DROP INDEX `cdr_uploads_sha256_key`;
-- reverse: set sequence for "new_cdr_uploads" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_cdr_uploads";
-- reverse: create "new_cdr_uploads" table
DROP TABLE `new_cdr_uploads`;
