import { graphql } from '../gql';

// The Peak times area's GraphQL operations (types from codegen).

export const PeakTimesFieldsFragment = graphql(`
  fragment PeakTimesFields on PeakTimes {
    id
    name
    blocks {
      id
      band
      days
      start
      end
    }
    csv
    weekGrid
  }
`);

export const PeakTimesQuery = graphql(`
  query PeakTimes {
    peakTimes {
      ...PeakTimesFields
    }
  }
`);

export const ReplacePeakTimesMutation = graphql(`
  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {
    replacePeakTimes(id: $id, blocks: $blocks) {
      ...PeakTimesFields
    }
  }
`);

export const ImportPeakTimesMutation = graphql(`
  mutation ImportPeakTimes($id: ID, $file: Upload!) {
    importPeakTimes(id: $id, file: $file) {
      ...PeakTimesFields
    }
  }
`);
