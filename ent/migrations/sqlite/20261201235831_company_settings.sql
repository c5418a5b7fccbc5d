-- +goose Up
-- create "company_settings" table
CREATE TABLE `company_settings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `singleton` text NOT NULL, `company_name` text NULL, `address` text NULL, `vat_number` text NULL, `logo_blob_key` text NULL, `logo_content_type` text NULL, `default_tax_rate` text NOT NULL, `payment_terms_days` integer NOT NULL DEFAULT (30), `email_sender_name` text NULL, `email_sender_address` text NULL, `invoice_email_subject` text NULL, `invoice_email_body` text NULL, `next_invoice_number` integer NOT NULL DEFAULT (1));
-- set sequence for "company_settings" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("company_settings", 90194313216);
-- create index "company_settings_singleton_key" to table: "company_settings"
CREATE UNIQUE INDEX `company_settings_singleton_key` ON `company_settings` (`singleton`);

-- +goose Down
-- reverse: create index "company_settings_singleton_key" to table: "company_settings"
DROP INDEX `company_settings_singleton_key`;
-- reverse: set sequence for "company_settings" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "company_settings";
-- reverse: create "company_settings" table
DROP TABLE `company_settings`;
