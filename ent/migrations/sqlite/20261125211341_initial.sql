-- +goose Up
-- create "api_tokens" table
CREATE TABLE `api_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `token_hash` text NOT NULL, `prefix` text NOT NULL, `role` text NOT NULL DEFAULT ('READONLY'), `expires_at` datetime NULL, `last_used_at` datetime NULL, `user_api_tokens` integer NOT NULL, CONSTRAINT `api_tokens_users_api_tokens` FOREIGN KEY (`user_api_tokens`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- create "billing_runs" table
CREATE TABLE `billing_runs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('DRAFT'), `issue_date` datetime NOT NULL, `calls_up_to` datetime NULL, `starting_number` integer NULL, `minimum_amount` text NOT NULL, `send_emails` bool NOT NULL DEFAULT (true), `invoice_count` integer NOT NULL DEFAULT (0), `failure_reason` text NULL, `billing_schedule_runs` integer NULL, CONSTRAINT `billing_runs_billing_schedules_runs` FOREIGN KEY (`billing_schedule_runs`) REFERENCES `billing_schedules` (`id`) ON DELETE SET NULL);
-- set sequence for "billing_runs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("billing_runs", 4294967296);
-- create "billing_schedules" table
CREATE TABLE `billing_schedules` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `frequency` text NOT NULL DEFAULT ('MONTHLY'), `anchor_day` integer NOT NULL DEFAULT (1), `next_run_at` datetime NULL);
-- set sequence for "billing_schedules" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("billing_schedules", 8589934592);
-- create index "billing_schedules_name_key" to table: "billing_schedules"
CREATE UNIQUE INDEX `billing_schedules_name_key` ON `billing_schedules` (`name`);
-- create "calls" table
CREATE TABLE `calls` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `upload_id` integer NOT NULL, `line` integer NOT NULL, `status` text NOT NULL, `source` text NOT NULL, `destination` text NOT NULL, `account` text NULL, `charge_code` text NULL, `start` datetime NOT NULL, `duration` integer NOT NULL, `billable_seconds` integer NOT NULL DEFAULT (0), `band` text NULL, `rate_destination` text NULL, `price_units` integer NOT NULL DEFAULT (0), `cost_units` integer NULL, `price_decimals` integer NOT NULL DEFAULT (4), `dup_key` integer NOT NULL, `customer_id` integer NULL, `rate_sheet_id` integer NULL, `charge_id` integer NULL);
-- set sequence for "calls" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("calls", 12884901888);
-- create index "call_upload_id_line" to table: "calls"
CREATE INDEX `call_upload_id_line` ON `calls` (`upload_id`, `line`);
-- create index "call_dup_key" to table: "calls"
CREATE INDEX `call_dup_key` ON `calls` (`dup_key`);
-- create "cdr_line_errors" table
CREATE TABLE `cdr_line_errors` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `analysis_run` integer NOT NULL DEFAULT (0), `line` integer NOT NULL, `reason` text NOT NULL, `excerpt` text NULL, `cdr_upload_line_errors` integer NOT NULL, CONSTRAINT `cdr_line_errors_cdr_uploads_line_errors` FOREIGN KEY (`cdr_upload_line_errors`) REFERENCES `cdr_uploads` (`id`) ON DELETE NO ACTION);
-- set sequence for "cdr_line_errors" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("cdr_line_errors", 17179869184);
-- create "cdr_uploads" table
CREATE TABLE `cdr_uploads` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL DEFAULT ('OUTBOUND'), `file_name` text NOT NULL, `sha256` text NOT NULL, `size_bytes` integer NOT NULL DEFAULT (0), `blob_key` text NOT NULL, `status` text NOT NULL DEFAULT ('UPLOADED'), `failure_reason` text NULL, `analysis_run` integer NOT NULL DEFAULT (0), `phase` text NULL, `lines_done` integer NOT NULL DEFAULT (0), `lines_read` integer NOT NULL DEFAULT (0), `priced` integer NOT NULL DEFAULT (0), `without_customer` integer NOT NULL DEFAULT (0), `without_rate` integer NOT NULL DEFAULT (0), `zero_duration` integer NOT NULL DEFAULT (0), `duplicates` integer NOT NULL DEFAULT (0), `unreadable` integer NOT NULL DEFAULT (0), `customers` integer NOT NULL DEFAULT (0), `not_voice` integer NOT NULL DEFAULT (0), `bytes_total` integer NOT NULL DEFAULT (0), `bytes_done` integer NOT NULL DEFAULT (0), `lines_per_second` integer NOT NULL DEFAULT (0), `price_decimals` integer NOT NULL DEFAULT (4), `phase_started_at` datetime NULL, `total_price` text NOT NULL, `total_cost` text NOT NULL, `total_margin` text NOT NULL, `lease_owner` text NULL, `lease_until` datetime NULL, `calls_from` datetime NULL, `calls_to` datetime NULL, `analysed_at` datetime NULL, `processed_at` datetime NULL, `provider_uploads` integer NOT NULL, CONSTRAINT `cdr_uploads_providers_uploads` FOREIGN KEY (`provider_uploads`) REFERENCES `providers` (`id`) ON DELETE NO ACTION);
-- set sequence for "cdr_uploads" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("cdr_uploads", 21474836480);
-- create index "cdr_uploads_sha256_key" to table: "cdr_uploads"
CREATE UNIQUE INDEX `cdr_uploads_sha256_key` ON `cdr_uploads` (`sha256`);
-- create "charges" table
CREATE TABLE `charges` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NOT NULL, `quantity` text NOT NULL, `unit_price` text NOT NULL, `amount` text NOT NULL, `tax_rate` text NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `period_start` datetime NULL, `period_end` datetime NULL, `customer_charges` integer NOT NULL, `invoice_charges` integer NULL, `product_charges` integer NULL, CONSTRAINT `charges_customers_charges` FOREIGN KEY (`customer_charges`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `charges_invoices_charges` FOREIGN KEY (`invoice_charges`) REFERENCES `invoices` (`id`) ON DELETE SET NULL, CONSTRAINT `charges_products_charges` FOREIGN KEY (`product_charges`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- set sequence for "charges" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("charges", 25769803776);
-- create "clis" table
CREATE TABLE `clis` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `value` text NOT NULL, `is_range` bool NOT NULL DEFAULT (false), `is_account` bool NOT NULL DEFAULT (false), `valid_from` datetime NOT NULL, `valid_to` datetime NULL, `description` text NULL, `customer_clis` integer NOT NULL, `site_clis` integer NULL, CONSTRAINT `clis_customers_clis` FOREIGN KEY (`customer_clis`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `clis_sites_clis` FOREIGN KEY (`site_clis`) REFERENCES `sites` (`id`) ON DELETE SET NULL);
-- set sequence for "clis" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("clis", 30064771072);
-- create index "cli_value_valid_from" to table: "clis"
CREATE INDEX `cli_value_valid_from` ON `clis` (`value`, `valid_from`);
-- create "customers" table
CREATE TABLE `customers` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `reference` text NOT NULL, `name` text NOT NULL, `billing_type` text NOT NULL DEFAULT ('DIRECT'), `tax_exempt` bool NOT NULL DEFAULT (false), `status` text NOT NULL DEFAULT ('ACTIVE'), `invoice_delivery` text NOT NULL DEFAULT ('NONE'), `delivery_email` text NULL, `call_statement_format` text NOT NULL DEFAULT ('CSV'), `payment_terms` text NULL, `postal_address` text NULL, `unbilled_total` text NOT NULL, `billing_schedule_customers` integer NULL, `customer_children` integer NULL, `tariff_customers` integer NULL, CONSTRAINT `customers_billing_schedules_customers` FOREIGN KEY (`billing_schedule_customers`) REFERENCES `billing_schedules` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_customers_children` FOREIGN KEY (`customer_children`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `customers_tariffs_customers` FOREIGN KEY (`tariff_customers`) REFERENCES `tariffs` (`id`) ON DELETE SET NULL);
-- set sequence for "customers" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("customers", 34359738368);
-- create index "customers_reference_key" to table: "customers"
CREATE UNIQUE INDEX `customers_reference_key` ON `customers` (`reference`);
-- create index "customer_name" to table: "customers"
CREATE INDEX `customer_name` ON `customers` (`name`);
-- create "invoices" table
CREATE TABLE `invoices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `number` integer NOT NULL, `issue_date` datetime NOT NULL, `due_date` datetime NULL, `status` text NOT NULL DEFAULT ('ISSUED'), `net_total` text NOT NULL, `tax_total` text NOT NULL, `total` text NOT NULL, `sent_at` datetime NULL, `settled_at` datetime NULL, `pdf_blob_key` text NULL, `billing_run_invoices` integer NULL, `customer_invoices` integer NOT NULL, CONSTRAINT `invoices_billing_runs_invoices` FOREIGN KEY (`billing_run_invoices`) REFERENCES `billing_runs` (`id`) ON DELETE SET NULL, CONSTRAINT `invoices_customers_invoices` FOREIGN KEY (`customer_invoices`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- set sequence for "invoices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("invoices", 38654705664);
-- create index "invoices_number_key" to table: "invoices"
CREATE UNIQUE INDEX `invoices_number_key` ON `invoices` (`number`);
-- create "invoice_lines" table
CREATE TABLE `invoice_lines` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `position` integer NOT NULL, `heading` text NULL, `description` text NOT NULL, `quantity` text NOT NULL, `unit_price` text NOT NULL, `amount` text NOT NULL, `tax_rate` text NOT NULL, `invoice_lines` integer NOT NULL, CONSTRAINT `invoice_lines_invoices_lines` FOREIGN KEY (`invoice_lines`) REFERENCES `invoices` (`id`) ON DELETE NO ACTION);
-- set sequence for "invoice_lines" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("invoice_lines", 42949672960);
-- create index "invoiceline_position_invoice_lines" to table: "invoice_lines"
CREATE INDEX `invoiceline_position_invoice_lines` ON `invoice_lines` (`position`, `invoice_lines`);
-- create "peak_time_blocks" table
CREATE TABLE `peak_time_blocks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `band` text NOT NULL, `weekdays` integer NOT NULL, `start_minute` integer NOT NULL, `end_minute` integer NOT NULL, `peak_times_blocks` integer NOT NULL, CONSTRAINT `peak_time_blocks_peak_times_blocks` FOREIGN KEY (`peak_times_blocks`) REFERENCES `peak_times` (`id`) ON DELETE NO ACTION);
-- set sequence for "peak_time_blocks" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("peak_time_blocks", 47244640256);
-- create "peak_times" table
CREATE TABLE `peak_times` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `is_default` bool NOT NULL DEFAULT (false));
-- set sequence for "peak_times" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("peak_times", 51539607552);
-- create index "peak_times_name_key" to table: "peak_times"
CREATE UNIQUE INDEX `peak_times_name_key` ON `peak_times` (`name`);
-- create "products" table
CREATE TABLE `products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `description` text NULL, `unit_price` text NOT NULL, `tax_rate` text NOT NULL, `recurrence` text NOT NULL DEFAULT ('ONE_OFF'));
-- set sequence for "products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("products", 55834574848);
-- create "providers" table
CREATE TABLE `providers` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `cdr_format` text NOT NULL, `time_zone` text NOT NULL DEFAULT ('Europe/London'), `column_mapping` json NULL);
-- set sequence for "providers" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("providers", 60129542144);
-- create index "providers_name_key" to table: "providers"
CREATE UNIQUE INDEX `providers_name_key` ON `providers` (`name`);
-- create "rates" table
CREATE TABLE `rates` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `destination` text NOT NULL, `prefix` text NOT NULL, `is_code` bool NOT NULL DEFAULT (false), `description` text NULL, `minimum_charge` text NOT NULL, `connection_fee` text NOT NULL, `peak` text NOT NULL, `offpeak` text NOT NULL, `weekend` text NOT NULL, `peak_cost` text NOT NULL, `offpeak_cost` text NOT NULL, `weekend_cost` text NOT NULL, `costs_known` integer NOT NULL DEFAULT (0), `block_first` integer NOT NULL DEFAULT (0), `block_next` integer NOT NULL DEFAULT (1), `line` integer NOT NULL DEFAULT (0), `rate_sheet_rates` integer NOT NULL, CONSTRAINT `rates_rate_sheets_rates` FOREIGN KEY (`rate_sheet_rates`) REFERENCES `rate_sheets` (`id`) ON DELETE NO ACTION);
-- set sequence for "rates" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("rates", 64424509440);
-- create index "rate_prefix_rate_sheet_rates" to table: "rates"
CREATE UNIQUE INDEX `rate_prefix_rate_sheet_rates` ON `rates` (`prefix`, `rate_sheet_rates`);
-- create "rate_sheets" table
CREATE TABLE `rate_sheets` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL DEFAULT ('OUTBOUND'), `version` integer NOT NULL, `effective_from` datetime NOT NULL, `file_name` text NULL, `file_sha256` text NULL, `units` text NOT NULL DEFAULT ('MINOR'), `blob_key` text NULL, `row_count` integer NOT NULL DEFAULT (0), `provider_rate_sheets` integer NULL, `tariff_rate_sheets` integer NOT NULL, CONSTRAINT `rate_sheets_providers_rate_sheets` FOREIGN KEY (`provider_rate_sheets`) REFERENCES `providers` (`id`) ON DELETE SET NULL, CONSTRAINT `rate_sheets_tariffs_rate_sheets` FOREIGN KEY (`tariff_rate_sheets`) REFERENCES `tariffs` (`id`) ON DELETE NO ACTION);
-- set sequence for "rate_sheets" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("rate_sheets", 68719476736);
-- create index "ratesheet_direction_effective_from_tariff_rate_sheets" to table: "rate_sheets"
CREATE INDEX `ratesheet_direction_effective_from_tariff_rate_sheets` ON `rate_sheets` (`direction`, `effective_from`, `tariff_rate_sheets`);
-- create "sites" table
CREATE TABLE `sites` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `address` text NULL, `customer_sites` integer NOT NULL, CONSTRAINT `sites_customers_sites` FOREIGN KEY (`customer_sites`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- set sequence for "sites" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sites", 73014444032);
-- create index "site_name_customer_sites" to table: "sites"
CREATE UNIQUE INDEX `site_name_customer_sites` ON `sites` (`name`, `customer_sites`);
-- create "tariffs" table
CREATE TABLE `tariffs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `is_default` bool NOT NULL DEFAULT (false), `band_mode` text NOT NULL DEFAULT ('START'), `description` text NULL, `peak_times_tariffs` integer NULL, CONSTRAINT `tariffs_peak_times_tariffs` FOREIGN KEY (`peak_times_tariffs`) REFERENCES `peak_times` (`id`) ON DELETE SET NULL);
-- set sequence for "tariffs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("tariffs", 77309411328);
-- create index "tariffs_name_key" to table: "tariffs"
CREATE UNIQUE INDEX `tariffs_name_key` ON `tariffs` (`name`);
-- create "upload_customer_totals" table
CREATE TABLE `upload_customer_totals` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `upload_id` integer NOT NULL, `customer_id` integer NOT NULL, `calls` integer NOT NULL, `price_units` integer NOT NULL, `price_decimals` integer NOT NULL);
-- set sequence for "upload_customer_totals" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("upload_customer_totals", 85899345920);
-- create index "uploadcustomertotal_upload_id_customer_id" to table: "upload_customer_totals"
CREATE UNIQUE INDEX `uploadcustomertotal_upload_id_customer_id` ON `upload_customer_totals` (`upload_id`, `customer_id`);
-- create "users" table
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NULL, `kind` text NOT NULL DEFAULT ('STAFF'), `role` text NOT NULL DEFAULT ('BILLING'), `password_hash` text NULL, `disabled` bool NOT NULL DEFAULT (false), `last_sign_in_at` datetime NULL, `customer_portal_users` integer NULL, CONSTRAINT `users_customers_portal_users` FOREIGN KEY (`customer_portal_users`) REFERENCES `customers` (`id`) ON DELETE SET NULL);
-- set sequence for "users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("users", 81604378624);
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);

-- +goose Down
-- reverse: create index "users_email_key" to table: "users"
DROP INDEX `users_email_key`;
-- reverse: set sequence for "users" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "users";
-- reverse: create "users" table
DROP TABLE `users`;
-- reverse: create index "uploadcustomertotal_upload_id_customer_id" to table: "upload_customer_totals"
DROP INDEX `uploadcustomertotal_upload_id_customer_id`;
-- reverse: set sequence for "upload_customer_totals" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "upload_customer_totals";
-- reverse: create "upload_customer_totals" table
DROP TABLE `upload_customer_totals`;
-- reverse: create index "tariffs_name_key" to table: "tariffs"
DROP INDEX `tariffs_name_key`;
-- reverse: set sequence for "tariffs" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "tariffs";
-- reverse: create "tariffs" table
DROP TABLE `tariffs`;
-- reverse: create index "site_name_customer_sites" to table: "sites"
DROP INDEX `site_name_customer_sites`;
-- reverse: set sequence for "sites" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "sites";
-- reverse: create "sites" table
DROP TABLE `sites`;
-- reverse: create index "ratesheet_direction_effective_from_tariff_rate_sheets" to table: "rate_sheets"
DROP INDEX `ratesheet_direction_effective_from_tariff_rate_sheets`;
-- reverse: set sequence for "rate_sheets" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "rate_sheets";
-- reverse: create "rate_sheets" table
DROP TABLE `rate_sheets`;
-- reverse: create index "rate_prefix_rate_sheet_rates" to table: "rates"
DROP INDEX `rate_prefix_rate_sheet_rates`;
-- reverse: set sequence for "rates" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "rates";
-- reverse: create "rates" table
DROP TABLE `rates`;
-- reverse: create index "providers_name_key" to table: "providers"
DROP INDEX `providers_name_key`;
-- reverse: set sequence for "providers" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "providers";
-- reverse: create "providers" table
DROP TABLE `providers`;
-- reverse: set sequence for "products" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "products";
-- reverse: create "products" table
DROP TABLE `products`;
-- reverse: create index "peak_times_name_key" to table: "peak_times"
DROP INDEX `peak_times_name_key`;
-- reverse: set sequence for "peak_times" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "peak_times";
-- reverse: create "peak_times" table
DROP TABLE `peak_times`;
-- reverse: set sequence for "peak_time_blocks" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "peak_time_blocks";
-- reverse: create "peak_time_blocks" table
DROP TABLE `peak_time_blocks`;
-- reverse: create index "invoiceline_position_invoice_lines" to table: "invoice_lines"
DROP INDEX `invoiceline_position_invoice_lines`;
-- reverse: set sequence for "invoice_lines" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "invoice_lines";
-- reverse: create "invoice_lines" table
DROP TABLE `invoice_lines`;
-- reverse: create index "invoices_number_key" to table: "invoices"
DROP INDEX `invoices_number_key`;
-- reverse: set sequence for "invoices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "invoices";
-- reverse: create "invoices" table
DROP TABLE `invoices`;
-- reverse: create index "customer_name" to table: "customers"
DROP INDEX `customer_name`;
-- reverse: create index "customers_reference_key" to table: "customers"
DROP INDEX `customers_reference_key`;
-- reverse: set sequence for "customers" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "customers";
-- reverse: create "customers" table
DROP TABLE `customers`;
-- reverse: create index "cli_value_valid_from" to table: "clis"
DROP INDEX `cli_value_valid_from`;
-- reverse: set sequence for "clis" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "clis";
-- reverse: create "clis" table
DROP TABLE `clis`;
-- reverse: set sequence for "charges" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "charges";
-- reverse: create "charges" table
DROP TABLE `charges`;
-- reverse: create index "cdr_uploads_sha256_key" to table: "cdr_uploads"
DROP INDEX `cdr_uploads_sha256_key`;
-- reverse: set sequence for "cdr_uploads" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "cdr_uploads";
-- reverse: create "cdr_uploads" table
DROP TABLE `cdr_uploads`;
-- reverse: set sequence for "cdr_line_errors" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "cdr_line_errors";
-- reverse: create "cdr_line_errors" table
DROP TABLE `cdr_line_errors`;
-- reverse: create index "call_dup_key" to table: "calls"
DROP INDEX `call_dup_key`;
-- reverse: create index "call_upload_id_line" to table: "calls"
DROP INDEX `call_upload_id_line`;
-- reverse: set sequence for "calls" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "calls";
-- reverse: create "calls" table
DROP TABLE `calls`;
-- reverse: create index "billing_schedules_name_key" to table: "billing_schedules"
DROP INDEX `billing_schedules_name_key`;
-- reverse: set sequence for "billing_schedules" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "billing_schedules";
-- reverse: create "billing_schedules" table
DROP TABLE `billing_schedules`;
-- reverse: set sequence for "billing_runs" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "billing_runs";
-- reverse: create "billing_runs" table
DROP TABLE `billing_runs`;
-- reverse: create index "api_tokens_token_hash_key" to table: "api_tokens"
DROP INDEX `api_tokens_token_hash_key`;
-- reverse: create "api_tokens" table
DROP TABLE `api_tokens`;
