import { Duration } from 'aws-cdk-lib'
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import * as events from 'aws-cdk-lib/aws-events'
import * as eventTargets from 'aws-cdk-lib/aws-events-targets'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { COUNTERS_STREAM, HOLD_RELEASE_EVERY_MINUTES, type FunctionName } from './config'
import { COUNTED_CHANGES } from '../lib/domain/counter-deltas'

export interface RippleEventsProps {
  table: dynamodb.TableV2
  functions: Record<FunctionName, lambda.Function>
}

/**
 * What runs without a request: the hold-release schedule (what `npm start` runs
 * on a timer) and the table's stream feeding the click counters (what the local
 * stream pump feeds).
 */
export class RippleEvents extends Construct {
  readonly holdReleaseRule: events.Rule
  /** Stream batches that failed every retry land here, with their shard and sequence numbers. */
  readonly countersDeadLetters: sqs.Queue

  constructor(scope: Construct, id: string, props: RippleEventsProps) {
    super(scope, id)
    this.holdReleaseRule = new events.Rule(this, 'HoldRelease', {
      description: 'Ripple hold release: pending commissions past their hold become available.',
      schedule: events.Schedule.rate(Duration.minutes(HOLD_RELEASE_EVERY_MINUTES)),
      // A missed run is caught up by the next one (the job walks from its watermark), so retry briefly only.
      targets: [
        new eventTargets.LambdaFunction(props.functions.jobs, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(HOLD_RELEASE_EVERY_MINUTES),
        }),
      ],
    })

    this.countersDeadLetters = new sqs.Queue(this, 'CountersDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    })
    props.functions.counters.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: COUNTERS_STREAM.batchSize,
        maxBatchingWindow: Duration.seconds(COUNTERS_STREAM.maxBatchingWindowSeconds),
        retryAttempts: COUNTERS_STREAM.retryAttempts,
        bisectBatchOnError: COUNTERS_STREAM.bisectBatchOnError,
        onFailure: new SqsDlq(this.countersDeadLetters),
        // Only the events the counters read invoke the function (the same list the local pump applies); every other write is filtered out by Lambda, free.
        filters: COUNTED_CHANGES.map((c) =>
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual(c.eventName),
            dynamodb: { NewImage: { entity: { S: lambda.FilterRule.or(...c.entities) } } },
          }),
        ),
      }),
    )
  }
}
