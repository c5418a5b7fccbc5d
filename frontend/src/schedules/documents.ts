import { graphql } from '../gql';

// Every GraphQL operation of the Schedules area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const ScheduleFieldsFragment = graphql(`
  fragment ScheduleFields on BillingSchedule {
    id
    name
    frequency
    anchorDay
    customerCount
    currentPeriod {
      name
      start
      last
      days
      dueAt
    }
    nextPeriod {
      name
      start
      last
      days
      dueAt
    }
  }
`);

export const ScheduleListQuery = graphql(`
  query ScheduleList {
    billingSchedules {
      ...ScheduleFields
    }
  }
`);

/** The schedules a customer may be put on. */
export const SchedulePickerQuery = graphql(`
  query SchedulePicker {
    billingSchedules {
      id
      name
      frequency
      anchorDay
    }
  }
`);

export const CreateScheduleMutation = graphql(`
  mutation CreateSchedule($input: BillingScheduleInput!) {
    createBillingSchedule(input: $input) {
      ...ScheduleFields
    }
  }
`);

export const UpdateScheduleMutation = graphql(`
  mutation UpdateSchedule($id: ID!, $input: BillingScheduleInput!) {
    updateBillingSchedule(id: $id, input: $input) {
      ...ScheduleFields
    }
  }
`);

export const DeleteScheduleMutation = graphql(`
  mutation DeleteSchedule($id: ID!) {
    deleteBillingSchedule(id: $id)
  }
`);
