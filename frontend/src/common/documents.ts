import { graphql } from '../gql';

// The operations of the shared pieces. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const SettingsQuery = graphql(`
  query Settings {
    settings {
      currency
      currencySymbol
      minorUnitSymbol
      minorUnitName
      majorUnitName
      timeZone
      countryCode
      callPriceDecimals
      invoiceDecimals
      rounding
    }
  }
`);
