-- +goose Up
-- A rate sheet version takes effect at a whole second: a fraction is
-- rounded up to the next second (tariffs.EffectiveFrom), so that quotes and
-- analyses compare the same instants on every database.
UPDATE `rate_sheets`
SET `effective_from` = `effective_from` - INTERVAL MICROSECOND(`effective_from`) MICROSECOND + INTERVAL 1 SECOND
WHERE MICROSECOND(`effective_from`) <> 0;

-- +goose Down
-- Nothing to undo: the whole seconds are valid effective-froms as they stand.
SELECT 1;
