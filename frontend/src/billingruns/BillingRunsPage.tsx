import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCalendarDollar, IconPlayerPlay } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { FormErrors } from '../common/FormErrors';
import { TimeField } from '../common/TimeField';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf, formatCount } from '../common/numbers';
import { pageVariables } from '../common/pager';
import { serverFormErrors } from '../common/serverErrors';
import { useSettings } from '../common/settings';
import { formatDay, nowInZone } from '../common/time';
import { useFormat } from '../common/useFormat';
import { CustomerPickerQuery } from '../customers/documents';
import { customerSearchFilter } from '../customers/pagination';
import type { BillingRunFieldsFragment, BillingRunInput, PreviewInvoiceFieldsFragment, RunSchedulesQuery } from '../gql/graphql';
import { invoiceDay } from '../invoices/labels';
import { usePageTitle } from '../shell/usePageTitle';
import { BillingRunListQuery, BillingRunPreviewQuery, RunSchedulesQuery as RunSchedules, StartBillingRunMutation } from './documents';
import { Figure, RunProgress } from './RunProgress';
import { useRunProgress } from './useRunProgress';
import {
  billsDays,
  defaultPeriod,
  emptyWizard,
  isUnderWay,
  linesSummary,
  numberRange,
  periodOptions,
  previousDay,
  previousMonth,
  servicePeriod,
  RUN_STATUS_COLORS,
  RUN_STATUS_LABELS,
  stepOfField,
  stepProblems,
  toRunInput,
  wizardFields,
  type WizardValues,
} from './wizard';

const PREVIEW_PAGE = 25;
const RUNS_PAGE = 10;
const runTypes = { additionalTypenames: ['BillingRun', 'Invoice', 'Charge', 'Customer'] };
const STEPS = ['What to bill', 'How to issue', 'Preview', 'Run'];

type Schedule = RunSchedulesQuery['billingSchedules'][number];
type Form = UseFormReturnType<WizardValues>;

export function BillingRunsPage() {
  usePageTitle('Billing runs');
  const { timeZone, invoiceDecimals } = useSettings();
  const [{ data, error }] = useQuery({ query: RunSchedules, context: runTypes });
  const [runsData, reloadRuns] = useQuery({ query: BillingRunListQuery, variables: { first: 100 }, context: runTypes });
  // Bumped when a run started here ends: the past runs and the billed periods are asked again.
  const [ended, setEnded] = useState(0);
  const onEnded = useCallback(() => {
    reloadRuns({ requestPolicy: 'network-only' });
    setEnded((n) => n + 1);
  }, [reloadRuns]);
  const schedules = data?.billingSchedules ?? [];
  const [step, setStep] = useState(0);
  // A phone's width cannot hold four steps side by side.
  const narrow = useMediaQuery('(max-width: 48em)');
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [started, setStarted] = useState<BillingRunFieldsFragment | null>(null);
  const [starting, setStarting] = useState(false);
  const [, start] = useMutation(StartBillingRunMutation);
  const form = useForm<WizardValues>({ initialValues: emptyWizard });
  const v = form.getValues();
  const schedule = schedules.find((s) => s.id === v.scheduleID);

  // Periods a run has billed or is billing, per schedule: the picker says so before the server refuses.
  const billed = useMemo(() => {
    const out = new Map<string, Set<string>>();
    for (const e of runsData.data?.billingRuns.edges ?? []) {
      const r = e?.node;
      if (!r?.schedule || !r.periodName || r.status === 'FAILED') continue;
      if (!out.has(r.schedule.id)) out.set(r.schedule.id, new Set());
      out.get(r.schedule.id)!.add(r.periodName);
    }
    return out;
  }, [runsData.data]);
  const billedOf = (id: string | null | undefined) => (id ? (billed.get(id) ?? new Set<string>()) : new Set<string>());

  /** Puts a refusal's messages on their fields and goes back to the first step holding one. */
  const showRefusal = (err: CombinedError) => {
    const fieldMap = { customerIDs: 'customerIDs', callsUpTo: 'upToDay', ...(billsDays(v, schedule) ? { period: 'lastDay' } : {}) };
    const { fieldErrors, formErrors } = serverFormErrors(err, wizardFields, { fieldMap });
    form.setErrors(fieldErrors);
    setFormErrors(formErrors);
    const steps = Object.keys(fieldErrors).map((f) => stepOfField[f as keyof typeof stepOfField]);
    if (steps.length > 0) setStep(Math.min(...steps));
  };

  const next = () => {
    const problems = stepProblems(step, v, schedule, invoiceDecimals);
    form.setErrors(problems);
    setFormErrors([]);
    if (Object.keys(problems).length === 0) setStep(step + 1);
  };

  const input = toRunInput(v, schedule, timeZone);

  const run = async () => {
    if (!input) return;
    setStarting(true);
    setFormErrors([]);
    const r = await start({ input }, runTypes);
    setStarting(false);
    if (r.error) return showRefusal(r.error);
    if (r.data) {
      setStarted(r.data.startBillingRun);
      setStep(3);
    }
  };

  const restart = () => {
    form.reset();
    setStarted(null);
    setFormErrors([]);
    setStep(0);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>Billing runs</Title>
      </Group>
      <LoadError title="Could not load the schedules" error={error} />
      <Paper withBorder radius="md" p="lg">
        <Stepper orientation={narrow ? 'vertical' : 'horizontal'} active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={STEPS[0]} description="Customers and period">
            <WhatStep form={form} schedules={schedules} schedule={schedule} billedOf={billedOf} timeZone={timeZone} />
          </Stepper.Step>
          <Stepper.Step label={STEPS[1]} description="Date, numbers, emails">
            <IssueStep form={form} nextNumber={data?.settings.company.nextInvoiceNumber} />
          </Stepper.Step>
          <Stepper.Step label={STEPS[2]} description="Every invoice before it is issued">
            {step === 2 && input && <PreviewStep input={input} onRefused={showRefusal} />}
          </Stepper.Step>
          <Stepper.Step label={STEPS[3]} description="Live progress">
            {started && <StartedRun run={started} onEnded={onEnded} />}
          </Stepper.Step>
        </Stepper>
        <FormErrors title="The run was not started" errors={formErrors} mb="md" />
        <Group justify="space-between" mt="xl">
          {step > 0 && step < 3 ? (
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep(step - 1)}>
              Back
            </Button>
          ) : (
            <span />
          )}
          {step < 2 && (
            <Button rightSection={<IconArrowRight size={16} />} onClick={next}>
              {step === 0 ? 'Next: how to issue' : 'Preview the invoices'}
            </Button>
          )}
          {step === 2 && (
            <Button color="teal" leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={starting}>
              Run billing
            </Button>
          )}
          {step === 3 && (
            <Button variant="default" onClick={restart}>
              Start another run
            </Button>
          )}
        </Group>
      </Paper>
      <PastRuns reload={ended} />
    </Stack>
  );
}

function WhatStep({
  form,
  schedules,
  schedule,
  billedOf,
  timeZone,
}: {
  form: Form;
  schedules: Schedule[];
  schedule: Schedule | undefined;
  billedOf: (id: string | null | undefined) => Set<string>;
  timeZone: string;
}) {
  const v = form.getValues();
  const days = billsDays(v, schedule);
  const options = schedule ? periodOptions(schedule, billedOf(schedule.id)) : [];
  const chosen = options.find((o) => o.value === v.period);
  const lastMonth = previousMonth(nowInZone(timeZone).day);
  const setDays = () => {
    if (!v.firstDay && !v.lastDay) form.setValues(lastMonth);
  };
  // At phone width the two choices stack instead of running off the card.
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="md" mt="md" maw={720}>
      <SegmentedControl
        aria-label="Who to bill"
        value={v.target}
        onChange={(t) => {
          form.setFieldValue('target', t as WizardValues['target']);
          if (t === 'customers') setDays();
        }}
        data={[
          { value: 'schedule', label: 'A schedule’s customers' },
          { value: 'customers', label: 'Chosen customers' },
        ]}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        w={narrow ? undefined : 'fit-content'}
      />
      {v.target === 'schedule' ? (
        <Select
          label="Schedule"
          placeholder={schedules.length === 0 ? 'No schedules yet' : 'Choose a schedule'}
          data={schedules.map((s) => ({ value: s.id, label: `${s.name} (${countOf(s.customerCount, 'customer')})` }))}
          searchable
          {...form.getInputProps('scheduleID')}
          onChange={(id) => {
            const s = schedules.find((x) => x.id === id);
            form.setFieldValue('scheduleID', id);
            form.setFieldValue('period', s ? defaultPeriod(s, billedOf(s.id)) : null);
            if (s?.frequency === 'MANUAL') setDays();
          }}
          nothingFoundMessage="No schedule with that name"
        />
      ) : (
        <CustomersPicker form={form} />
      )}
      {days ? (
        <Group grow align="flex-start">
          <DateInput label="First day billed" valueFormat="D MMM YYYY" {...form.getInputProps('firstDay')} />
          <DateInput
            label="Last day billed"
            valueFormat="D MMM YYYY"
            description="Both days are included."
            {...form.getInputProps('lastDay')}
          />
        </Group>
      ) : (
        schedule && (
          <Select
            label="Period"
            data={options.map((o) => ({ value: o.value, label: o.label }))}
            description={
              chosen?.billed
                ? 'This period has already been billed: a period is billed once, and calls or charges added since go on the next run.'
                : chosen?.current
                  ? 'This period has not ended: bill its calls up to a time you choose below.'
                  : 'The latest period that has ended is the one due.'
            }
            {...form.getInputProps('period')}
          />
        )
      )}
      <Radio.Group label="Calls" {...form.getInputProps('calls')}>
        <Stack gap="xs" mt={6}>
          <Radio value="due" label="Everything due: every unbilled call up to the end of the period" />
          <Radio value="upTo" label="Only calls started before a chosen time" />
        </Stack>
      </Radio.Group>
      {v.calls === 'upTo' && (
        <Group grow align="flex-start">
          <DateInput label="Calls up to (day)" valueFormat="D MMM YYYY" {...form.getInputProps('upToDay')} />
          <TimeField label={`Time (${timeZone})`} hoursInputLabel="Hour" minutesInputLabel="Minute" {...form.getInputProps('upToTime')} />
        </Group>
      )}
    </Stack>
  );
}

function CustomersPicker({ form }: { form: Form }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const variables = useMemo(() => ({ where: customerSearchFilter(debounced) }), [debounced]);
  const [{ data, fetching }] = useQuery({ query: CustomerPickerQuery, variables });
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = (data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const labels = { ...known, ...Object.fromEntries(found.map((c) => [c.id, `${c.name} (${c.reference})`])) };
  const chosen: string[] = form.getValues().customerIDs;
  const options = [...new Set([...chosen, ...found.map((c) => c.id)])].map((id) => ({ value: id, label: labels[id] ?? id }));
  return (
    <MultiSelect
      label="Customers"
      description="Customers billed to one of them (parent billing) come along."
      placeholder="Search by name or reference"
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options /* the server already filtered */}
      nothingFoundMessage={fetching ? 'Searching…' : 'No customer found'}
      {...form.getInputProps('customerIDs')}
      onChange={(ids) => {
        setKnown(labels);
        form.setFieldValue('customerIDs', ids);
      }}
    />
  );
}

function IssueStep({ form, nextNumber }: { form: Form; nextNumber: number | undefined }) {
  const v = form.getValues();
  return (
    <Stack gap="md" mt="md" maw={720}>
      <DateInput
        label="Issue date"
        valueFormat="D MMM YYYY"
        placeholder="The day after the period"
        description="On or after the day after the period; due dates follow from it and each customer’s payment terms."
        clearable
        {...form.getInputProps('issueDate')}
      />
      <Radio.Group label="Invoice numbers" {...form.getInputProps('numbering')}>
        <Stack gap="xs" mt={6}>
          <Radio value="next" label={nextNumber ? `Next in sequence, from ${nextNumber}` : 'Next in sequence'} />
          <Radio value="custom" label="Start from a number of my own, above every number used" />
        </Stack>
      </Radio.Group>
      {v.numbering === 'custom' && (
        <TextInput label="First invoice number" inputMode="numeric" w={240} {...form.getInputProps('startNumber')} />
      )}
      <TextInput
        label="Minimum invoice amount"
        description="A customer whose invoice total would be below this gets no invoice; its calls and charges wait for a later run."
        w={360}
        {...form.getInputProps('minimumAmount')}
      />
      <Switch
        label="Email the invoices to customers on email delivery"
        {...form.getInputProps('sendEmails', { type: 'checkbox' })}
      />
    </Stack>
  );
}

function PreviewStep({ input, onRefused }: { input: BillingRunInput; onRefused: (e: CombinedError) => void }) {
  const format = useFormat();
  const [page, setPage] = useState(1);
  const variables = useMemo(() => ({ input, first: PREVIEW_PAGE, offset: (page - 1) * PREVIEW_PAGE }), [input, page]);
  const [{ data, fetching, error }] = useQuery({ query: BillingRunPreviewQuery, variables, requestPolicy: 'network-only' });
  // A refusal goes to the page above once: it puts each message on its field and moves to that step.
  const handled = useRef<CombinedError | null>(null);
  useEffect(() => {
    if (error && handled.current !== error) {
      handled.current = error;
      onRefused(error);
    }
  }, [error, onRefused]);
  const p = data?.billingRunPreview;
  if (!p) return fetching ? <LoadingRows label="Working out the invoices" rows={5} height={36} /> : null;
  const pages = Math.ceil(p.invoiceCount / PREVIEW_PAGE);
  const numbers = numberRange(p.firstNumber, p.lastNumber);
  return (
    <Stack gap="md" mt="md">
      <Text size="sm">
        {p.period}: {formatDay(p.periodStart)} – {formatDay(p.periodEnd)}, calls started before{' '}
        {format.dateTime(p.callsUpTo, { withZone: true })}; issued {formatDay(p.issueDate)}. Nothing is issued until you run it.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 6 }} aria-label="What the run would issue">
        <Figure label="Invoices" value={formatCount(p.invoiceCount)} />
        <Figure label="Numbers" value={numbers} />
        <Figure label="Calls" value={formatCount(p.callCount)} />
        <Figure label="Net" value={format.total(p.net)} />
        <Figure label="Tax" value={format.total(p.tax)} />
        <Figure label="Total" value={format.total(p.total)} strong />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {countOf(p.customerCount, 'customer')} in the run · {countOf(p.emailCount, 'invoice')} to email · the next number after the run is{' '}
        {p.nextNumber}
      </Text>
      {p.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Before you run it">
          {p.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </Alert>
      )}
      {p.carriedOver.length > 0 && (
        <Alert color="blue" title={`${countOf(p.carriedOver.length, 'customer')} below the minimum amount: no invoice this run`}>
          {p.carriedOver.map((c) => (
            <div key={c.customer.id}>
              {c.customer.name} ({c.customer.reference}) would have come to {format.total(c.total)}; its calls and charges wait for a
              later run.
            </div>
          ))}
        </Alert>
      )}
      {p.invoiceCount === 0 ? (
        <Alert color="gray" title="No invoice to issue">
          Nothing is due for these customers in this period: no unbilled calls and no pending charges.
        </Alert>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Invoices the run would issue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Lines</Table.Th>
                  <Table.Th ta="right">Net</Table.Th>
                  <Table.Th ta="right">Tax</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Email</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.invoices.map((inv) => (
                  <PreviewRow key={inv.number} inv={inv} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {countOf(p.invoiceCount, 'invoice')}, {PREVIEW_PAGE} per page, in number order
          </Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}

function PreviewRow({ inv }: { inv: PreviewInvoiceFieldsFragment }) {
  const format = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td ff="monospace">{inv.number}</Table.Td>
        <Table.Td>
          <Anchor component={Link} to={`/customers/${inv.customer.id}`} size="sm">
            {inv.customerName}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {inv.customerReference}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{linesSummary(inv.sections)}</Text>
          <Anchor component="button" type="button" size="xs" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Hide the lines' : `Show the lines of invoice ${inv.number}`}
          </Anchor>
        </Table.Td>
        <Table.Td ta="right" ff="monospace">
          {format.total(inv.net)}
        </Table.Td>
        <Table.Td ta="right" ff="monospace">
          {inv.taxExempt ? 'exempt' : format.total(inv.tax)}
        </Table.Td>
        <Table.Td ta="right" ff="monospace" fw={600} data-testid={`preview-total-${inv.number}`}>
          {format.total(inv.total)}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(inv.dueDate)}</Table.Td>
        <Table.Td>
          <Text size="sm">{inv.email ?? '—'}</Text>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={8} bg="var(--mantine-color-gray-0)">
            <Table withRowBorders={false} verticalSpacing={4} aria-label={`Lines of invoice ${inv.number}`}>
              <Table.Tbody>
                {inv.sections.flatMap((s, i) => [
                  ...(s.heading
                    ? [
                        <Table.Tr key={`h${i}`}>
                          <Table.Td colSpan={5} fw={600}>
                            {s.heading}
                          </Table.Td>
                        </Table.Tr>,
                      ]
                    : []),
                  ...s.lines.map((l, j) => (
                    <Table.Tr key={`${i}-${j}`}>
                      <Table.Td>
                        {l.description}
                        {l.proRata && (
                          <Badge ml="xs" size="xs" variant="light">
                            pro rata
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td c="dimmed">
                        {servicePeriod(l.serviceFrom, l.serviceTo)}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {l.kind === 'CALLS' ? countOf(l.calls, 'call') : `${l.quantity} × ${format.total(l.unitPrice)}`}
                      </Table.Td>
                      <Table.Td ta="right" c="dimmed">
                        {l.taxRate}%
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {format.total(l.amount)}
                      </Table.Td>
                    </Table.Tr>
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function StartedRun({ run, onEnded }: { run: BillingRunFieldsFragment; onEnded: () => void }) {
  const live = useRunProgress(run);
  const over = !!live && !isUnderWay(live.status);
  useEffect(() => {
    if (over) onEnded();
  }, [over, onEnded]);
  return <Stack mt="md">{live && <RunProgress run={live} />}</Stack>;
}

function PastRuns({ reload }: { reload: number }) {
  const format = useFormat();
  const navigate = useNavigate();
  const [cursor, goTo] = useUrlCursor();
  const variables = useMemo(() => pageVariables(RUNS_PAGE, cursor), [cursor]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: BillingRunListQuery, variables, context: runTypes });
  useEffect(() => {
    if (reload > 0) reexecute({ requestPolicy: 'network-only' });
  }, [reload, reexecute]);
  const connection = data?.billingRuns;
  const runs = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <Stack gap="sm">
      <Title order={3}>Past runs</Title>
      <LoadError title="Could not load the past runs" error={error} />
      {!data && fetching ? (
        <LoadingRows label="Loading past runs" rows={3} height={36} />
      ) : runs.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Group gap="sm">
            <IconCalendarDollar size={20} />
            <Text size="sm" c="dimmed">
              No billing run yet. Runs started here, by the schedules when due, or with <Code>tollgate bill</Code> are listed here.
            </Text>
          </Group>
        </Paper>
      ) : (
        connection && (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={640}>
                <Table highlightOnHover verticalSpacing="sm" aria-label="Past billing runs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Period</Table.Th>
                      <Table.Th>Billed</Table.Th>
                      <Table.Th>Started</Table.Th>
                      <Table.Th>Issued</Table.Th>
                      <Table.Th ta="right">Invoices</Table.Th>
                      <Table.Th>Numbers</Table.Th>
                      <Table.Th ta="right">Total</Table.Th>
                      <Table.Th>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {runs.map((r) => (
                      <Table.Tr
                        key={r.id}
                        style={{ cursor: 'pointer' }}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest('a')) return;
                          navigate(`/billing-runs/${r.id}`);
                        }}
                      >
                        <Table.Td>
                          <Anchor component={Link} to={`/billing-runs/${r.id}`} fw={500}>
                            {r.periodName ?? '—'}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {formatDay(r.periodStart)} – {r.periodEnd ? formatDay(previousDay(r.periodEnd)) : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>{r.schedule ? r.schedule.name : 'Chosen customers'}</Table.Td>
                        <Table.Td>{format.dateTime(r.startedAt ?? r.createdAt)}</Table.Td>
                        <Table.Td>{invoiceDay(r.issueDate)}</Table.Td>
                        <Table.Td ta="right">{formatCount(r.invoiceCount)}</Table.Td>
                        <Table.Td ff="monospace">{numberRange(r.firstNumber, r.lastNumber)}</Table.Td>
                        <Table.Td ta="right" ff="monospace">
                          {r.status === 'COMPLETED' ? format.total(r.total) : '—'}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={RUN_STATUS_COLORS[r.status]} variant="light">
                            {RUN_STATUS_LABELS[r.status]}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <CursorPager
              connection={connection}
              pageSize={RUNS_PAGE}
              summary={`${countOf(connection.totalCount, 'run')}, newest first`}
              onPage={goTo}
              newestFirst
            />
          </>
        )
      )}
    </Stack>
  );
}
