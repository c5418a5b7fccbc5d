import { graphql } from '../gql';

export const QuoteCallQuery = graphql(`
  query QuoteCall($input: QuoteCallInput!) {
    quoteCall(input: $input) {
      status
      number
      billableSeconds
      band
      peakSeconds
      offpeakSeconds
      weekendSeconds
      rateDestination
      description
      price
      cost
      margin
      breakdown
      rateSheet {
        id
        version
        provider {
          id
          name
        }
      }
      tariff {
        id
        name
        bandMode
      }
    }
  }
`);
