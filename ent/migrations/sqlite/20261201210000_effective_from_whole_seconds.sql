-- +goose Up
-- A rate sheet version takes effect at a whole second: a fraction is
-- rounded up to the next second (tariffs.EffectiveFrom), so that quotes and
-- analyses compare the same instants on every database. The SQLite driver
-- keeps times as text in Go's layout, "2026-06-01 10:00:00.5 +0000 UTC":
-- the whole seconds and the offset are read from it, and the rounded value
-- is written back in UTC in the same layout.
UPDATE `rate_sheets`
SET `effective_from` = strftime('%Y-%m-%d %H:%M:%S',
    substr(`effective_from`, 1, 19) ||
    substr(`effective_from`, 21 + instr(substr(`effective_from`, 21), ' '), 3) || ':' ||
    substr(`effective_from`, 24 + instr(substr(`effective_from`, 21), ' '), 2),
    '+1 second') || ' +0000 UTC'
WHERE `effective_from` GLOB '????-??-?? ??:??:??.[0-9]* [+-][0-9][0-9][0-9][0-9]*';

-- +goose Down
-- Nothing to undo: the whole seconds are valid effective-froms as they stand.
SELECT 1;
