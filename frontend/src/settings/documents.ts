import { graphql } from '../gql';

// The Settings page's operations; types come from codegen.

// Referenced by name in the operations below.
export const CompanySettingsFragment = graphql(`
  fragment CompanySettingsFields on Settings {
    emailPlaceholders
    company {
      name
      address
      vatNumber
      logoURL
      defaultTaxRate
      paymentTermsDays
      emailSenderName
      emailSenderAddress
      invoiceEmailSubject
      invoiceEmailBody
      nextInvoiceNumber
    }
  }
`);

export const CompanySettingsQuery = graphql(`
  query CompanySettings {
    settings {
      ...CompanySettingsFields
    }
  }
`);

export const UpdateSettingsMutation = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      ...CompanySettingsFields
    }
  }
`);

export const UploadLogoMutation = graphql(`
  mutation UploadLogo($file: Upload!) {
    uploadLogo(file: $file) {
      ...CompanySettingsFields
    }
  }
`);

export const RemoveLogoMutation = graphql(`
  mutation RemoveLogo {
    removeLogo {
      ...CompanySettingsFields
    }
  }
`);

export const SetNextInvoiceNumberMutation = graphql(`
  mutation SetNextInvoiceNumber($number: Int!) {
    setNextInvoiceNumber(number: $number) {
      ...CompanySettingsFields
    }
  }
`);
