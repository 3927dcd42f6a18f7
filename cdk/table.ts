import { RemovalPolicy } from 'aws-cdk-lib'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import { Construct } from 'constructs'
import { table } from '../lib/db/table'
import type { RippleConfig } from './config'

const S = dynamodb.AttributeType.STRING

/**
 * The table, mapped from the one definition in lib/db/table.ts (keys, GSIs, TTL,
 * stream), as lib/db/create-table.ts maps it for local runs. On-demand capacity:
 * Ripple's load is spiky (a viral link, a sale day) and on-demand needs no
 * capacity planning. GSIs project ALL, as local table creation does.
 */
export class RippleTable extends Construct {
  readonly table: dynamodb.TableV2

  constructor(scope: Construct, id: string, config: RippleConfig) {
    super(scope, id)
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: table.partitionKey, type: S },
      sortKey: { name: table.sortKey, type: S },
      globalSecondaryIndexes: table.globalSecondaryIndexes.map((i) => ({
        indexName: i.indexName,
        partitionKey: { name: i.partitionKey, type: S },
        sortKey: { name: i.sortKey, type: S },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: table.ttlAttribute,
      dynamoStream: dynamodb.StreamViewType[table.stream],
      billing: dynamodb.Billing.onDemand(),
      // The AWS managed key (aws/dynamodb): encrypted at rest under KMS, key use visible in CloudTrail, no key to manage.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // Production keeps its data; a dev stack (`-c stage=dev`) can be torn down completely.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: config.protectData },
      deletionProtection: config.protectData,
      removalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    })
  }
}
