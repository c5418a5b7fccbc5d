-- +goose Up
-- create index "call_charge_id" to table: "calls"
CREATE INDEX `call_charge_id` ON `calls` (`charge_id`);

-- +goose Down
-- reverse: create index "call_charge_id" to table: "calls"
DROP INDEX `call_charge_id`;
