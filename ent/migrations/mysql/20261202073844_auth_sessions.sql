-- +goose Up
-- create "sign_in_throttles" table
CREATE TABLE `sign_in_throttles` (`id` bigint NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, `key` varchar(320) NOT NULL, `failures` bigint NOT NULL DEFAULT 0, `locked_until` datetime(6) NULL, PRIMARY KEY (`id`), UNIQUE INDEX `key` (`key`), INDEX `signinthrottle_updated_at` (`updated_at`)) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 111669149696;
-- create "auth_links" table
CREATE TABLE `auth_links` (`id` bigint NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, `purpose` enum('SETUP','INVITE','RESET') NOT NULL, `secret_hash` varchar(64) NOT NULL, `expires_at` datetime(6) NOT NULL, `used_at` datetime(6) NULL, `user_auth_links` bigint NULL, PRIMARY KEY (`id`), INDEX `auth_links_users_auth_links` (`user_auth_links`), UNIQUE INDEX `secret_hash` (`secret_hash`), CONSTRAINT `auth_links_users_auth_links` FOREIGN KEY (`user_auth_links`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 103079215104;
-- create "sessions" table
CREATE TABLE `sessions` (`id` bigint NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, `secret_hash` varchar(64) NOT NULL, `last_seen_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, `revoked_at` datetime(6) NULL, `ip` varchar(64) NULL, `user_agent` varchar(255) NULL, `user_sessions` bigint NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `secret_hash` (`secret_hash`), INDEX `sessions_users_sessions` (`user_sessions`), CONSTRAINT `sessions_users_sessions` FOREIGN KEY (`user_sessions`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 107374182400;

-- +goose Down
-- reverse: create "sessions" table
DROP TABLE `sessions`;
-- reverse: create "auth_links" table
DROP TABLE `auth_links`;
-- reverse: create "sign_in_throttles" table
DROP TABLE `sign_in_throttles`;
