-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_billing_runs" table
CREATE TABLE `new_billing_runs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('DRAFT'), `run_key` text NULL, `period_name` text NULL, `period_start` datetime NULL, `period_end` datetime NULL, `customer_ids` json NULL, `customers_total` integer NOT NULL DEFAULT (0), `customers_done` integer NOT NULL DEFAULT (0), `first_number` integer NULL, `last_number` integer NULL, `net_total` text NOT NULL, `total` text NOT NULL, `documents_done` integer NOT NULL DEFAULT (0), `started_at` datetime NULL, `finished_at` datetime NULL, `lease_owner` text NULL, `lease_until` datetime NULL, `issue_date` datetime NOT NULL, `calls_up_to` datetime NULL, `starting_number` integer NULL, `minimum_amount` text NOT NULL, `send_emails` bool NOT NULL DEFAULT (true), `invoice_count` integer NOT NULL DEFAULT (0), `failure_reason` text NULL, `billing_schedule_runs` integer NULL, CONSTRAINT `billing_runs_billing_schedules_runs` FOREIGN KEY (`billing_schedule_runs`) REFERENCES `billing_schedules` (`id`) ON DELETE SET NULL);
-- set sequence for "new_billing_runs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_billing_runs", 4294967296);
-- copy rows from old table "billing_runs" to new temporary table "new_billing_runs"
INSERT INTO `new_billing_runs` (`id`, `created_at`, `updated_at`, `status`, `issue_date`, `calls_up_to`, `starting_number`, `minimum_amount`, `send_emails`, `invoice_count`, `failure_reason`, `billing_schedule_runs`) SELECT `id`, `created_at`, `updated_at`, `status`, `issue_date`, `calls_up_to`, `starting_number`, `minimum_amount`, `send_emails`, `invoice_count`, `failure_reason`, `billing_schedule_runs` FROM `billing_runs`;
-- drop "billing_runs" table after copying rows
DROP TABLE `billing_runs`;
-- rename temporary table "new_billing_runs" to "billing_runs"
ALTER TABLE `new_billing_runs` RENAME TO `billing_runs`;
-- create index "billing_runs_run_key_key" to table: "billing_runs"
CREATE UNIQUE INDEX `billing_runs_run_key_key` ON `billing_runs` (`run_key`);
-- add column "site_id" to table: "calls"
ALTER TABLE `calls` ADD COLUMN `site_id` integer NULL;
-- create "new_invoices" table
CREATE TABLE `new_invoices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `number` integer NOT NULL, `issue_date` datetime NOT NULL, `due_date` datetime NULL, `status` text NOT NULL DEFAULT ('ISSUED'), `customer_reference` text NULL, `customer_name` text NULL, `customer_address` text NULL, `currency` text NULL, `tax_exempt` bool NOT NULL DEFAULT (false), `period_start` datetime NULL, `period_end` datetime NULL, `net_total` text NOT NULL, `tax_total` text NOT NULL, `total` text NOT NULL, `sent_at` datetime NULL, `settled_at` datetime NULL, `settle_comment` text NULL, `deleted_at` datetime NULL, `delete_reason` text NULL, `pdf_blob_key` text NULL, `statement_blob_key` text NULL, `statement_format` text NOT NULL DEFAULT ('NONE'), `documents_at` datetime NULL, `billing_run_invoices` integer NULL, `customer_invoices` integer NOT NULL, CONSTRAINT `invoices_billing_runs_invoices` FOREIGN KEY (`billing_run_invoices`) REFERENCES `billing_runs` (`id`) ON DELETE SET NULL, CONSTRAINT `invoices_customers_invoices` FOREIGN KEY (`customer_invoices`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_invoices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_invoices", 38654705664);
-- copy rows from old table "invoices" to new temporary table "new_invoices"
INSERT INTO `new_invoices` (`id`, `created_at`, `updated_at`, `number`, `issue_date`, `due_date`, `status`, `net_total`, `tax_total`, `total`, `sent_at`, `settled_at`, `pdf_blob_key`, `billing_run_invoices`, `customer_invoices`) SELECT `id`, `created_at`, `updated_at`, `number`, `issue_date`, `due_date`, `status`, `net_total`, `tax_total`, `total`, `sent_at`, `settled_at`, `pdf_blob_key`, `billing_run_invoices`, `customer_invoices` FROM `invoices`;
-- drop "invoices" table after copying rows
DROP TABLE `invoices`;
-- rename temporary table "new_invoices" to "invoices"
ALTER TABLE `new_invoices` RENAME TO `invoices`;
-- create index "invoices_number_key" to table: "invoices"
CREATE UNIQUE INDEX `invoices_number_key` ON `invoices` (`number`);
-- create index "invoice_status_due_date" to table: "invoices"
CREATE INDEX `invoice_status_due_date` ON `invoices` (`status`, `due_date`);
-- create "new_invoice_lines" table
CREATE TABLE `new_invoice_lines` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `position` integer NOT NULL, `kind` text NOT NULL DEFAULT ('CHARGE'), `heading` text NULL, `category` text NULL, `customer_id` integer NULL, `calls` integer NOT NULL DEFAULT (0), `call_total` text NOT NULL, `service_from` datetime NULL, `service_to` datetime NULL, `pro_rata` bool NOT NULL DEFAULT (false), `description` text NOT NULL, `quantity` text NOT NULL, `unit_price` text NOT NULL, `amount` text NOT NULL, `tax_rate` text NOT NULL, `charge_lines` integer NULL, `invoice_lines` integer NOT NULL, CONSTRAINT `invoice_lines_charges_lines` FOREIGN KEY (`charge_lines`) REFERENCES `charges` (`id`) ON DELETE SET NULL, CONSTRAINT `invoice_lines_invoices_lines` FOREIGN KEY (`invoice_lines`) REFERENCES `invoices` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_invoice_lines" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_invoice_lines", 42949672960);
-- copy rows from old table "invoice_lines" to new temporary table "new_invoice_lines"
INSERT INTO `new_invoice_lines` (`id`, `position`, `heading`, `description`, `quantity`, `unit_price`, `amount`, `tax_rate`, `invoice_lines`) SELECT `id`, `position`, `heading`, `description`, `quantity`, `unit_price`, `amount`, `tax_rate`, `invoice_lines` FROM `invoice_lines`;
-- drop "invoice_lines" table after copying rows
DROP TABLE `invoice_lines`;
-- rename temporary table "new_invoice_lines" to "invoice_lines"
ALTER TABLE `new_invoice_lines` RENAME TO `invoice_lines`;
-- create index "invoiceline_position_invoice_lines" to table: "invoice_lines"
CREATE INDEX `invoiceline_position_invoice_lines` ON `invoice_lines` (`position`, `invoice_lines`);
-- create "new_charges" table
CREATE TABLE `new_charges` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NOT NULL, `recurrence` text NOT NULL DEFAULT ('ONE_OFF'), `quantity` text NOT NULL, `unit_price` text NOT NULL, `amount` text NOT NULL, `tax_rate` text NULL, `status` text NOT NULL DEFAULT ('PENDING'), `date` datetime NULL, `start_date` datetime NULL, `end_date` datetime NULL, `billed_through` datetime NULL, `period_start` datetime NULL, `period_end` datetime NULL, `site_id` integer NULL, `calls` integer NOT NULL DEFAULT (0), `call_total` text NOT NULL, `customer_charges` integer NOT NULL, `invoice_charges` integer NULL, `product_charges` integer NULL, CONSTRAINT `charges_customers_charges` FOREIGN KEY (`customer_charges`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `charges_invoices_charges` FOREIGN KEY (`invoice_charges`) REFERENCES `invoices` (`id`) ON DELETE SET NULL, CONSTRAINT `charges_products_charges` FOREIGN KEY (`product_charges`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- set sequence for "new_charges" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_charges", 25769803776);
-- copy rows from old table "charges" to new temporary table "new_charges"
INSERT INTO `new_charges` (`id`, `created_at`, `updated_at`, `kind`, `description`, `recurrence`, `quantity`, `unit_price`, `amount`, `tax_rate`, `status`, `date`, `start_date`, `end_date`, `billed_through`, `period_start`, `period_end`, `customer_charges`, `invoice_charges`, `product_charges`) SELECT `id`, `created_at`, `updated_at`, `kind`, `description`, `recurrence`, `quantity`, `unit_price`, `amount`, `tax_rate`, `status`, `date`, `start_date`, `end_date`, `billed_through`, `period_start`, `period_end`, `customer_charges`, `invoice_charges`, `product_charges` FROM `charges`;
-- drop "charges" table after copying rows
DROP TABLE `charges`;
-- rename temporary table "new_charges" to "charges"
ALTER TABLE `new_charges` RENAME TO `charges`;
-- create "deliveries" table
CREATE TABLE `deliveries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `recipient` text NOT NULL, `status` text NOT NULL DEFAULT ('QUEUED'), `attempts` integer NOT NULL DEFAULT (0), `next_attempt_at` datetime NULL, `last_error` text NULL, `sent_at` datetime NULL, `message_id` text NULL, `outbox_file` text NULL, `lease_owner` text NULL, `lease_until` datetime NULL, `invoice_deliveries` integer NOT NULL, CONSTRAINT `deliveries_invoices_deliveries` FOREIGN KEY (`invoice_deliveries`) REFERENCES `invoices` (`id`) ON DELETE NO ACTION);
-- set sequence for "deliveries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("deliveries", 98784247808);
-- create index "delivery_status_next_attempt_at" to table: "deliveries"
CREATE INDEX `delivery_status_next_attempt_at` ON `deliveries` (`status`, `next_attempt_at`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "delivery_status_next_attempt_at" to table: "deliveries"
DROP INDEX `delivery_status_next_attempt_at`;
-- reverse: set sequence for "deliveries" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "deliveries";
-- reverse: create "deliveries" table
DROP TABLE `deliveries`;
-- reverse: set sequence for "new_charges" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_charges";
-- reverse: create "new_charges" table
DROP TABLE `new_charges`;
-- reverse: create index "invoiceline_position_invoice_lines" to table: "invoice_lines"
DROP INDEX `invoiceline_position_invoice_lines`;
-- reverse: set sequence for "new_invoice_lines" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_invoice_lines";
-- reverse: create "new_invoice_lines" table
DROP TABLE `new_invoice_lines`;
-- reverse: create index "invoice_status_due_date" to table: "invoices"
DROP INDEX `invoice_status_due_date`;
-- reverse: create index "invoices_number_key" to table: "invoices"
DROP INDEX `invoices_number_key`;
-- reverse: set sequence for "new_invoices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_invoices";
-- reverse: create "new_invoices" table
DROP TABLE `new_invoices`;
-- reverse: add column "site_id" to table: "calls"
ALTER TABLE `calls` DROP COLUMN `site_id`;
-- reverse: create index "billing_runs_run_key_key" to table: "billing_runs"
DROP INDEX `billing_runs_run_key_key`;
-- reverse: set sequence for "new_billing_runs" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_billing_runs";
-- reverse: create "new_billing_runs" table
DROP TABLE `new_billing_runs`;
