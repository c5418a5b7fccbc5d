-- +goose Up
-- modify "calls" table
ALTER TABLE `calls` ADD INDEX `call_charge_id` (`charge_id`);

-- +goose Down
-- reverse: modify "calls" table
ALTER TABLE `calls` DROP INDEX `call_charge_id`;
