-- +goose Up
-- create "audit_entries" table
CREATE TABLE `audit_entries` (`id` bigint NOT NULL AUTO_INCREMENT, `at` datetime(6) NOT NULL, `viewer_kind` enum('ANONYMOUS','STAFF','PORTAL','TOKEN','SYSTEM') NOT NULL, `user_id` bigint NULL, `token_id` bigint NULL, `who` varchar(255) NOT NULL DEFAULT '', `action` varchar(255) NOT NULL, `operation` varchar(255) NOT NULL DEFAULT '', `ids` varchar(1024) NOT NULL DEFAULT '', `ip` varchar(64) NOT NULL DEFAULT '', `user_agent` varchar(512) NOT NULL DEFAULT '', `outcome` varchar(64) NOT NULL, `message` varchar(1024) NOT NULL DEFAULT '', PRIMARY KEY (`id`), INDEX `auditentry_action_at` (`action`, `at`), INDEX `auditentry_at` (`at`), INDEX `auditentry_who_at` (`who`, `at`)) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 115964116992;
-- modify "api_tokens" table
ALTER TABLE `api_tokens` DROP FOREIGN KEY `api_tokens_users_api_tokens`;
-- modify "api_tokens" table
ALTER TABLE `api_tokens` MODIFY COLUMN `user_api_tokens` bigint NULL, ADD COLUMN `revoked_at` datetime(6) NULL, ADD COLUMN `scope` enum('ROLE','CUSTOMER') NOT NULL DEFAULT 'ROLE', ADD COLUMN `created_by` varchar(255) NOT NULL DEFAULT '', ADD COLUMN `customer_id` bigint NULL, ADD INDEX `api_tokens_customers_api_tokens` (`customer_id`), ADD CONSTRAINT `api_tokens_users_api_tokens` FOREIGN KEY (`user_api_tokens`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL, ADD CONSTRAINT `api_tokens_customers_api_tokens` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "api_tokens" table
ALTER TABLE `api_tokens` DROP FOREIGN KEY `api_tokens_customers_api_tokens`, DROP FOREIGN KEY `api_tokens_users_api_tokens`, DROP INDEX `api_tokens_customers_api_tokens`, DROP COLUMN `customer_id`, DROP COLUMN `created_by`, DROP COLUMN `scope`, DROP COLUMN `revoked_at`, MODIFY COLUMN `user_api_tokens` bigint NOT NULL;
-- reverse: modify "api_tokens" table
ALTER TABLE `api_tokens` ADD CONSTRAINT `api_tokens_users_api_tokens` FOREIGN KEY (`user_api_tokens`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION;
-- reverse: create "audit_entries" table
DROP TABLE `audit_entries`;
