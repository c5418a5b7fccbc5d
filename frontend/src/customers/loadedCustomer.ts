import type { CustomerQuery } from '../gql/graphql';

/** A customer as its page loads it, with its CLIs and sites: what the tabs work on. */
export type LoadedCustomer = NonNullable<CustomerQuery['customer']>;
