-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_api_tokens" table
CREATE TABLE `new_api_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `token_hash` text NOT NULL, `prefix` text NOT NULL, `role` text NOT NULL DEFAULT ('READONLY'), `expires_at` datetime NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, `scope` text NOT NULL DEFAULT ('ROLE'), `created_by` text NOT NULL DEFAULT (''), `customer_id` integer NULL, `user_api_tokens` integer NULL, CONSTRAINT `api_tokens_customers_api_tokens` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL, CONSTRAINT `api_tokens_users_api_tokens` FOREIGN KEY (`user_api_tokens`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- copy rows from old table "api_tokens" to new temporary table "new_api_tokens"
INSERT INTO `new_api_tokens` (`id`, `created_at`, `updated_at`, `name`, `token_hash`, `prefix`, `role`, `expires_at`, `last_used_at`, `user_api_tokens`) SELECT `id`, `created_at`, `updated_at`, `name`, `token_hash`, `prefix`, `role`, `expires_at`, `last_used_at`, `user_api_tokens` FROM `api_tokens`;
-- drop "api_tokens" table after copying rows
DROP TABLE `api_tokens`;
-- rename temporary table "new_api_tokens" to "api_tokens"
ALTER TABLE `new_api_tokens` RENAME TO `api_tokens`;
-- create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- create "audit_entries" table
CREATE TABLE `audit_entries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `at` datetime NOT NULL, `viewer_kind` text NOT NULL, `user_id` integer NULL, `token_id` integer NULL, `who` text NOT NULL DEFAULT (''), `action` text NOT NULL, `operation` text NOT NULL DEFAULT (''), `ids` text NOT NULL DEFAULT (''), `ip` text NOT NULL DEFAULT (''), `user_agent` text NOT NULL DEFAULT (''), `outcome` text NOT NULL, `message` text NOT NULL DEFAULT (''));
-- set sequence for "audit_entries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("audit_entries", 115964116992);
-- create index "auditentry_at" to table: "audit_entries"
CREATE INDEX `auditentry_at` ON `audit_entries` (`at`);
-- create index "auditentry_who_at" to table: "audit_entries"
CREATE INDEX `auditentry_who_at` ON `audit_entries` (`who`, `at`);
-- create index "auditentry_action_at" to table: "audit_entries"
CREATE INDEX `auditentry_action_at` ON `audit_entries` (`action`, `at`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "auditentry_action_at" to table: "audit_entries"
DROP INDEX `auditentry_action_at`;
-- reverse: create index "auditentry_who_at" to table: "audit_entries"
DROP INDEX `auditentry_who_at`;
-- reverse: create index "auditentry_at" to table: "audit_entries"
DROP INDEX `auditentry_at`;
-- reverse: set sequence for "audit_entries" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "audit_entries";
-- reverse: create "audit_entries" table
DROP TABLE `audit_entries`;
-- reverse: create index "api_tokens_token_hash_key" to table: "api_tokens"
DROP INDEX `api_tokens_token_hash_key`;
-- reverse: create "new_api_tokens" table
DROP TABLE `new_api_tokens`;
