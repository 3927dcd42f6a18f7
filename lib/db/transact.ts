import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** DynamoDB's limit on items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100
