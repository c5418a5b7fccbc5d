import { describe, expect, it } from 'vitest';
import { peakTimesFileName } from './download';

describe('peakTimesFileName', () => {
  it.each([
    ['Default', 'default-peak-times.csv'],
    ['UK standard (2026)', 'uk-standard-2026-peak-times.csv'],
    ['', 'peak-times.csv'],
  ])('%j → %s', (name, file) => {
    expect(peakTimesFileName(name)).toBe(file);
  });
});
