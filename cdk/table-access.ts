import * as iam from 'aws-cdk-lib/aws-iam'
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import type * as lambda from 'aws-cdk-lib/aws-lambda'
import type { FunctionSpec } from './config'

/**
 * Least privilege on the table: the listed actions on the table's ARN, and Query
 * on the listed indexes' ARNs, nothing else. Not `table.grantReadWriteData()`:
 * that also grants Scan, DeleteItem and BatchWriteItem on every index, which no
 * function uses. Transactions need no action of their own: IAM checks each item
 * (PutItem, UpdateItem, ConditionCheckItem) as if it were sent alone.
 */
export function grantTableAccess(fn: lambda.Function, table: dynamodb.TableV2, spec: FunctionSpec): void {
  if (spec.tableActions.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: spec.tableActions.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }),
    )
  }
  if (spec.indexQueries.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: spec.indexQueries.map((i) => `${table.tableArn}/index/${i}`),
      }),
    )
  }
}
