import { graphql } from '../gql';

// Every GraphQL operation of the API tokens and audit log pages (admins only).

export const ApiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    scope
    role
    customer {
      id
      name
      reference
    }
    createdAt
    createdBy
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        ...ApiTokenFields
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenFields
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          at
          viewerKind
          who
          action
          operation
          ids
          ip
          userAgent
          outcome
          message
        }
      }
    }
  }
`);

export const UserFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    email
    role
    disabled
    createdAt
    lastSignInAt
  }
`);

export const StaffUsersQuery = graphql(`
  query StaffUsers {
    users(first: 100, where: { kind: STAFF }, orderBy: { field: CREATED_AT, direction: ASC }) {
      edges {
        node {
          ...UserFields
        }
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      url
      expiresAt
      user {
        ...UserFields
      }
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!) {
    resetUserPassword(id: $id) {
      url
      expiresAt
      user {
        ...UserFields
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);
