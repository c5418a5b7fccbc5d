-- +goose Up
-- create "auth_links" table
CREATE TABLE `auth_links` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `purpose` text NOT NULL, `secret_hash` text NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `user_auth_links` integer NULL, CONSTRAINT `auth_links_users_auth_links` FOREIGN KEY (`user_auth_links`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- set sequence for "auth_links" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("auth_links", 103079215104);
-- create index "auth_links_secret_hash_key" to table: "auth_links"
CREATE UNIQUE INDEX `auth_links_secret_hash_key` ON `auth_links` (`secret_hash`);
-- create "sessions" table
CREATE TABLE `sessions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `secret_hash` text NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `revoked_at` datetime NULL, `ip` text NULL, `user_agent` text NULL, `user_sessions` integer NOT NULL, CONSTRAINT `sessions_users_sessions` FOREIGN KEY (`user_sessions`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- set sequence for "sessions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sessions", 107374182400);
-- create index "sessions_secret_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_secret_hash_key` ON `sessions` (`secret_hash`);
-- create "sign_in_throttles" table
CREATE TABLE `sign_in_throttles` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `failures` integer NOT NULL DEFAULT (0), `locked_until` datetime NULL);
-- set sequence for "sign_in_throttles" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sign_in_throttles", 111669149696);
-- create index "sign_in_throttles_key_key" to table: "sign_in_throttles"
CREATE UNIQUE INDEX `sign_in_throttles_key_key` ON `sign_in_throttles` (`key`);
-- create index "signinthrottle_updated_at" to table: "sign_in_throttles"
CREATE INDEX `signinthrottle_updated_at` ON `sign_in_throttles` (`updated_at`);

-- +goose Down
-- reverse: create index "signinthrottle_updated_at" to table: "sign_in_throttles"
DROP INDEX `signinthrottle_updated_at`;
-- reverse: create index "sign_in_throttles_key_key" to table: "sign_in_throttles"
DROP INDEX `sign_in_throttles_key_key`;
-- reverse: set sequence for "sign_in_throttles" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "sign_in_throttles";
-- reverse: create "sign_in_throttles" table
DROP TABLE `sign_in_throttles`;
-- reverse: create index "sessions_secret_hash_key" to table: "sessions"
DROP INDEX `sessions_secret_hash_key`;
-- reverse: set sequence for "sessions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "sessions";
-- reverse: create "sessions" table
DROP TABLE `sessions`;
-- reverse: create index "auth_links_secret_hash_key" to table: "auth_links"
DROP INDEX `auth_links_secret_hash_key`;
-- reverse: set sequence for "auth_links" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "auth_links";
-- reverse: create "auth_links" table
DROP TABLE `auth_links`;
