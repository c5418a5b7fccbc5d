const grouping = new Intl.NumberFormat('en-GB');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return grouping.format(n);
}

/** 1 → "1 call", 1234 → "1,234 calls". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
