import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  emptyWizard,
  furtherRun,
  linesSummary,
  numberRange,
  periodOptions,
  previousDay,
  previousMonth,
  runPercent,
  runSummary,
  servicePeriod,
  stepProblems,
  toRunInput,
  type RunLike,
  type ScheduleLike,
} from './wizard';

const monthly: ScheduleLike = {
  id: '7',
  frequency: 'MONTHLY',
  currentPeriod: { name: '2026-07', start: '2026-07-01', last: '2026-07-31' },
  endedPeriods: [
    { name: '2026-06', start: '2026-06-01', last: '2026-06-30' },
    { name: '2026-05', start: '2026-05-01', last: '2026-05-31' },
  ],
};

describe('the periods a run may bill', () => {
  it('lists the running period first, then the ended ones newest first, saying which are billed', () => {
    const options = periodOptions(monthly, new Set(['2026-05']));
    expect(options.map((o) => o.value)).toEqual(['2026-07', '2026-06', '2026-05']);
    expect(options[0]).toMatchObject({ current: true, label: '2026-07 · 1 Jul 2026 – 31 Jul 2026 (still running)' });
    expect(options[1].label).toBe('2026-06 · 1 Jun 2026 – 30 Jun 2026');
    expect(options[2]).toMatchObject({ billed: true, label: '2026-05 · 1 May 2026 – 31 May 2026 (already billed)' });
  });

  it('offers the newest ended period nobody billed', () => {
    expect(defaultPeriod(monthly, new Set())).toBe('2026-06');
    expect(defaultPeriod(monthly, new Set(['2026-06']))).toBe('2026-05');
    expect(defaultPeriod({ ...monthly, endedPeriods: [] }, new Set())).toBeNull();
  });

  it('takes the calendar month before today for chosen customers, across a year end and a leap February', () => {
    expect(previousMonth('2026-07-14')).toEqual({ firstDay: '2026-06-01', lastDay: '2026-06-30' });
    expect(previousMonth('2027-01-02')).toEqual({ firstDay: '2026-12-01', lastDay: '2026-12-31' });
    expect(previousMonth('2028-03-31')).toEqual({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
  });

  it('shows the days a line pays for, a one-off day once', () => {
    expect(servicePeriod('2026-07-01', '2026-07-31')).toBe('1 Jul 2026 – 31 Jul 2026');
    expect(servicePeriod('2026-06-20', '2026-06-20')).toBe('20 Jun 2026');
    expect(servicePeriod(null, null)).toBe('');
  });

  it('writes the numbers a run takes as a range', () => {
    expect(numberRange(1001, 1040)).toBe('1001–1040');
    expect(numberRange(7, 7)).toBe('7');
    expect(numberRange(null, null)).toBe('—');
  });

  it('reads the day before a run’s stored period end', () => {
    expect(previousDay('2026-07-01')).toBe('2026-06-30');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });
});

describe('each step says what is missing before going on', () => {
  it('asks for a schedule and its period, or customers and their days', () => {
    expect(stepProblems(0, emptyWizard, undefined, 2)).toEqual({ scheduleID: 'Choose the schedule whose customers to bill' });
    expect(stepProblems(0, { ...emptyWizard, scheduleID: '7' }, monthly, 2)).toEqual({ period: 'Choose the period to bill' });
    const customers = { ...emptyWizard, target: 'customers' as const };
    expect(stepProblems(0, customers, undefined, 2)).toEqual({
      customerIDs: 'Choose at least one customer to bill',
      lastDay: 'Give the first and the last day to bill',
    });
    expect(
      stepProblems(0, { ...customers, customerIDs: ['3'], firstDay: '2026-06-30', lastDay: '2026-06-01' }, undefined, 2),
    ).toEqual({ lastDay: 'The last day is before the first' });
  });

  it('asks for the instant when only some calls are billed', () => {
    const v = { ...emptyWizard, scheduleID: '7', period: '2026-07', calls: 'upTo' as const };
    expect(stepProblems(0, v, monthly, 2)).toEqual({ upToDay: 'Give the day and time to bill calls up to' });
    expect(stepProblems(0, { ...v, upToDay: '2026-07-15', upToTime: '12:00' }, monthly, 2)).toEqual({});
  });

  it('checks a custom start number and the minimum amount at the invoice places', () => {
    expect(stepProblems(1, { ...emptyWizard, numbering: 'custom', startNumber: '0' }, monthly, 2)).toEqual({
      startNumber: 'Give the first invoice number, a whole number from 1',
    });
    expect(stepProblems(1, { ...emptyWizard, minimumAmount: '5.005' }, monthly, 2)).toEqual({
      minimumAmount: 'The minimum invoice amount has at most 2 decimal places',
    });
    expect(stepProblems(1, { ...emptyWizard, minimumAmount: '-1' }, monthly, 2).minimumAmount).toMatch(/cannot be negative/);
    expect(stepProblems(1, { ...emptyWizard, numbering: 'custom', startNumber: '1001', minimumAmount: '£5' }, monthly, 2)).toEqual({});
  });
});

describe('the run the API is asked for', () => {
  it('bills a schedule’s period with the choices as given', () => {
    const v = {
      ...emptyWizard,
      scheduleID: '7',
      period: '2026-06',
      issueDate: '2026-07-02',
      numbering: 'custom' as const,
      startNumber: ' 1001 ',
      minimumAmount: '£5.00',
      sendEmails: false,
    };
    expect(toRunInput(v, monthly, 'Europe/London')).toEqual({
      scheduleID: '7',
      period: '2026-06',
      issueDate: '2026-07-02',
      startNumber: 1001,
      minimumAmount: '5.00',
      sendEmails: false,
    });
  });

  it('bills chosen customers for the days given, calls up to a wall-clock time in the deployment’s zone', () => {
    const v = {
      ...emptyWizard,
      target: 'customers' as const,
      customerIDs: ['3', '9'],
      firstDay: '2026-06-01',
      lastDay: '2026-06-30',
      calls: 'upTo' as const,
      upToDay: '2026-06-30',
      upToTime: '12:00',
    };
    // Noon in London in June is 11:00 UTC (BST).
    expect(toRunInput(v, undefined, 'Europe/London')).toEqual({
      customerIDs: ['3', '9'],
      period: '2026-06-01..2026-06-30',
      callsUpTo: '2026-06-30T11:00:00Z',
      minimumAmount: '0.00',
      sendEmails: true,
    });
  });

  it('gives a manual schedule its days, and nothing while a choice is missing', () => {
    const manual = { frequency: 'MANUAL' };
    expect(toRunInput({ ...emptyWizard, scheduleID: '2', firstDay: '2026-06-01', lastDay: '2026-06-14' }, manual, 'UTC')?.period).toBe(
      '2026-06-01..2026-06-14',
    );
    expect(toRunInput({ ...emptyWizard, scheduleID: '2' }, manual, 'UTC')).toBeNull();
    expect(toRunInput({ ...emptyWizard, period: '2026-06' }, monthly, 'UTC')).toBeNull();
  });
});

describe('a previewed invoice’s lines in one line', () => {
  const calls = { kind: 'CALLS', description: 'Call Charges', amount: '0.07', calls: 3 };
  const rental = { kind: 'CHARGE', description: 'Line rental', amount: '12.50', calls: 0 };
  it('counts the calls of Call Charges and names the rest', () => {
    expect(linesSummary([{ lines: [calls, rental] }])).toBe('Call Charges (3 calls), Line rental');
  });
  it('folds lines past the third, a child’s included', () => {
    const more = [1, 2, 3].map((i) => ({ ...rental, description: `Extra ${i}` }));
    expect(linesSummary([{ lines: [calls, rental] }, { lines: more }])).toBe('Call Charges (3 calls), Line rental, Extra 1 and 2 more');
  });
});

describe('a run’s progress', () => {
  const running: RunLike = { status: 'RUNNING', customersTotal: 40, customersDone: 12, invoiceCount: 11, timeLeftSeconds: 5 };
  it('says customers done, invoices and time left while running', () => {
    expect(runSummary(running)).toBe('Billing · 12 of 40 customers · 11 invoices · about 5 s left');
    expect(runPercent(running)).toBe(30);
    expect(runPercent({ ...running, customersDone: 40 })).toBe(99);
  });
  it('says what it issued once done, and why it failed', () => {
    const done = { ...running, status: 'COMPLETED' as const, customersDone: 40, invoiceCount: 1 };
    expect(runSummary(done)).toBe('Done · 40 customers · 1 invoice issued');
    expect(runPercent(done)).toBe(100);
    expect(runSummary({ ...running, status: 'FAILED', failureReason: 'the database went away' })).toBe(
      'Failed: the database went away · nothing was issued',
    );
  });
  it('keeps the snapshot further along, whichever arrives last', () => {
    const done = { ...running, status: 'COMPLETED' as const, customersDone: 40 };
    expect(furtherRun(done, running)).toBe(done);
    expect(furtherRun(running, done)).toBe(done);
    expect(furtherRun({ ...running, status: 'DRAFT' as const, customersDone: 0 }, running)).toBe(running);
    expect(furtherRun(running, { ...running, customersDone: 3 })).toBe(running);
  });
});
