import { useMemo } from 'react';
import { formatMinor, formatMoney, toRounding } from './money';
import { useSettings } from './settings';
import { formatDate, formatDateTime, zoneName, type DateTimeOptions } from './time';

/**
 * The deployment's formatters: money with its symbol and places, times in
 * its zone. Every amount and time a page shows goes through these.
 */
export function useFormat() {
  const s = useSettings();
  return useMemo(() => {
    const rounding = toRounding(s.rounding);
    const price = { symbol: s.currencySymbol, places: s.callPriceDecimals, rounding };
    const total = { symbol: s.currencySymbol, places: s.invoiceDecimals, rounding };
    return {
      /** The deployment's time zone, e.g. "Europe/London". */
      zone: s.timeZone,
      /** What a clerk calls that zone, to label times: "UK time", "Central European Time". */
      zoneName: zoneName(s.timeZone),
      /** One call's price or cost, at the call price places: "£0.0153". */
      price: (decimal: string | null | undefined) => formatMoney(decimal, price),
      /** A sum of calls or an invoice amount, at the invoice places: "£1,234.50". */
      total: (decimal: string | null | undefined) => formatMoney(decimal, total),
      /** A rate sheet amount, in the minor unit as the sheet has it: "1.5p". */
      minor: (decimal: string | null | undefined) => formatMinor(decimal, s.minorUnitSymbol),
      /** "pence", "cents": what rate sheets price a minute in. */
      minorUnitName: s.minorUnitName,
      majorUnitName: s.majorUnitName,
      dateTime: (time: string | null | undefined, opts?: DateTimeOptions) => formatDateTime(time, s.timeZone, opts),
      date: (time: string | null | undefined) => formatDate(time, s.timeZone),
    };
  }, [s]);
}
