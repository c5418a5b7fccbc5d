-- +goose Up
-- create "company_settings" table
CREATE TABLE `company_settings` (`id` bigint NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, `singleton` varchar(16) NOT NULL, `company_name` varchar(255) NULL, `address` longtext NULL, `vat_number` varchar(32) NULL, `logo_blob_key` varchar(255) NULL, `logo_content_type` varchar(32) NULL, `default_tax_rate` decimal(7,4) NOT NULL, `payment_terms_days` bigint NOT NULL DEFAULT 30, `email_sender_name` varchar(255) NULL, `email_sender_address` varchar(255) NULL, `invoice_email_subject` varchar(255) NULL, `invoice_email_body` longtext NULL, `next_invoice_number` bigint NOT NULL DEFAULT 1, PRIMARY KEY (`id`), UNIQUE INDEX `singleton` (`singleton`)) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 90194313216;

-- +goose Down
-- reverse: create "company_settings" table
DROP TABLE `company_settings`;
