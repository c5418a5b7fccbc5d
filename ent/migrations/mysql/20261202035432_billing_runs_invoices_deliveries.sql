-- +goose Up
-- modify "billing_runs" table
ALTER TABLE `billing_runs` ADD COLUMN `run_key` varchar(190) NULL, ADD COLUMN `period_name` varchar(64) NULL, ADD COLUMN `period_start` datetime(6) NULL, ADD COLUMN `period_end` datetime(6) NULL, ADD COLUMN `customer_ids` json NULL, ADD COLUMN `customers_total` bigint NOT NULL DEFAULT 0, ADD COLUMN `customers_done` bigint NOT NULL DEFAULT 0, ADD COLUMN `first_number` bigint NULL, ADD COLUMN `last_number` bigint NULL, ADD COLUMN `net_total` decimal(18,2) NOT NULL, ADD COLUMN `total` decimal(18,2) NOT NULL, ADD COLUMN `documents_done` bigint NOT NULL DEFAULT 0, ADD COLUMN `started_at` datetime(6) NULL, ADD COLUMN `finished_at` datetime(6) NULL, ADD COLUMN `lease_owner` varchar(64) NULL, ADD COLUMN `lease_until` datetime(6) NULL, ADD UNIQUE INDEX `run_key` (`run_key`);
-- modify "calls" table
ALTER TABLE `calls` ADD COLUMN `site_id` bigint NULL;
-- modify "invoices" table
ALTER TABLE `invoices` MODIFY COLUMN `status` enum('ISSUED','SETTLED','DELETED') NOT NULL DEFAULT 'ISSUED', ADD COLUMN `customer_reference` varchar(64) NULL, ADD COLUMN `customer_name` varchar(255) NULL, ADD COLUMN `customer_address` longtext NULL, ADD COLUMN `currency` varchar(3) NULL, ADD COLUMN `tax_exempt` bool NOT NULL DEFAULT 0, ADD COLUMN `period_start` datetime(6) NULL, ADD COLUMN `period_end` datetime(6) NULL, ADD COLUMN `settle_comment` longtext NULL, ADD COLUMN `deleted_at` datetime(6) NULL, ADD COLUMN `delete_reason` longtext NULL, ADD COLUMN `statement_blob_key` varchar(255) NULL, ADD COLUMN `statement_format` enum('CSV','PDF','NONE') NOT NULL DEFAULT 'NONE', ADD COLUMN `documents_at` datetime(6) NULL, ADD INDEX `invoice_status_due_date` (`status`, `due_date`);
-- create "deliveries" table
CREATE TABLE `deliveries` (`id` bigint NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, `recipient` varchar(255) NOT NULL, `status` enum('QUEUED','SENDING','SENT','FAILED','CANCELLED') NOT NULL DEFAULT 'QUEUED', `attempts` bigint NOT NULL DEFAULT 0, `next_attempt_at` datetime(6) NULL, `last_error` longtext NULL, `sent_at` datetime(6) NULL, `message_id` varchar(255) NULL, `outbox_file` varchar(255) NULL, `lease_owner` varchar(64) NULL, `lease_until` datetime(6) NULL, `invoice_deliveries` bigint NOT NULL, PRIMARY KEY (`id`), INDEX `deliveries_invoices_deliveries` (`invoice_deliveries`), INDEX `delivery_status_next_attempt_at` (`status`, `next_attempt_at`), CONSTRAINT `deliveries_invoices_deliveries` FOREIGN KEY (`invoice_deliveries`) REFERENCES `invoices` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 98784247808;
-- modify "charges" table
ALTER TABLE `charges` ADD COLUMN `site_id` bigint NULL, ADD COLUMN `calls` bigint NOT NULL DEFAULT 0, ADD COLUMN `call_total` decimal(18,4) NOT NULL;
-- modify "invoice_lines" table
ALTER TABLE `invoice_lines` ADD COLUMN `kind` enum('CALLS','CHARGE') NOT NULL DEFAULT 'CHARGE', ADD COLUMN `category` varchar(128) NULL, ADD COLUMN `customer_id` bigint NULL, ADD COLUMN `calls` bigint NOT NULL DEFAULT 0, ADD COLUMN `call_total` decimal(18,4) NOT NULL, ADD COLUMN `service_from` datetime(6) NULL, ADD COLUMN `service_to` datetime(6) NULL, ADD COLUMN `pro_rata` bool NOT NULL DEFAULT 0, ADD COLUMN `charge_lines` bigint NULL, ADD INDEX `invoice_lines_charges_lines` (`charge_lines`), ADD CONSTRAINT `invoice_lines_charges_lines` FOREIGN KEY (`charge_lines`) REFERENCES `charges` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "invoice_lines" table
ALTER TABLE `invoice_lines` DROP FOREIGN KEY `invoice_lines_charges_lines`, DROP INDEX `invoice_lines_charges_lines`, DROP COLUMN `charge_lines`, DROP COLUMN `pro_rata`, DROP COLUMN `service_to`, DROP COLUMN `service_from`, DROP COLUMN `call_total`, DROP COLUMN `calls`, DROP COLUMN `customer_id`, DROP COLUMN `category`, DROP COLUMN `kind`;
-- reverse: modify "charges" table
ALTER TABLE `charges` DROP COLUMN `call_total`, DROP COLUMN `calls`, DROP COLUMN `site_id`;
-- reverse: create "deliveries" table
DROP TABLE `deliveries`;
-- reverse: modify "invoices" table
ALTER TABLE `invoices` DROP INDEX `invoice_status_due_date`, DROP COLUMN `documents_at`, DROP COLUMN `statement_format`, DROP COLUMN `statement_blob_key`, DROP COLUMN `delete_reason`, DROP COLUMN `deleted_at`, DROP COLUMN `settle_comment`, DROP COLUMN `period_end`, DROP COLUMN `period_start`, DROP COLUMN `tax_exempt`, DROP COLUMN `currency`, DROP COLUMN `customer_address`, DROP COLUMN `customer_name`, DROP COLUMN `customer_reference`, MODIFY COLUMN `status` enum('ISSUED','SETTLED') NOT NULL DEFAULT 'ISSUED';
-- reverse: modify "calls" table
ALTER TABLE `calls` DROP COLUMN `site_id`;
-- reverse: modify "billing_runs" table
ALTER TABLE `billing_runs` DROP INDEX `run_key`, DROP COLUMN `lease_until`, DROP COLUMN `lease_owner`, DROP COLUMN `finished_at`, DROP COLUMN `started_at`, DROP COLUMN `documents_done`, DROP COLUMN `total`, DROP COLUMN `net_total`, DROP COLUMN `last_number`, DROP COLUMN `first_number`, DROP COLUMN `customers_done`, DROP COLUMN `customers_total`, DROP COLUMN `customer_ids`, DROP COLUMN `period_end`, DROP COLUMN `period_start`, DROP COLUMN `period_name`, DROP COLUMN `run_key`;
