-- +goose Up
-- A rate sheet version takes effect at a whole second: a fraction is
-- rounded up to the next second (tariffs.EffectiveFrom), so that quotes and
-- analyses compare the same instants on every database. SQLite keeps times
-- as text; the value is rewritten in UTC in the driver's layout.
UPDATE `rate_sheets`
SET `effective_from` = strftime('%Y-%m-%d %H:%M:%S', `effective_from`, '+1 second') || '+00:00'
WHERE `effective_from` GLOB '????-??-?? ??:??:??.*';

-- +goose Down
-- Nothing to undo: the whole seconds are valid effective-froms as they stand.
SELECT 1;
