import { CfnOutput, Duration } from 'aws-cdk-lib'
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions'
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import type * as lambda from 'aws-cdk-lib/aws-lambda'
import * as sns from 'aws-cdk-lib/aws-sns'
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions'
import type * as sqs from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import type { FunctionName, RippleConfig } from './config'

export interface RippleAlarmsProps {
  config: RippleConfig
  httpApi: apigw.HttpApi
  functions: Record<FunctionName, lambda.Function>
  table: dynamodb.TableV2
  countersDeadLetters: sqs.Queue
}

const FIVE_MINUTES = Duration.minutes(5)
/** The table operations the functions use; throttling on any of them is worth a page. */
const TABLE_OPERATIONS = ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem', 'TransactWriteItems']

/** The command that subscribes an address to the alarm topic (printed by cdk/app.ts and in an output). */
export const subscribeCommand = (topicArn: string) =>
  `aws sns subscribe --protocol email --topic-arn ${topicArn} --notification-endpoint you@example.com`

/**
 * Alarms that mean "users are affected": API 5xx rate, any function error or
 * throttle, DynamoDB throttling, counter batches given up, counters falling
 * behind. Every alarm notifies one SNS topic: `-c alarmTopicArn=…` (or
 * ALARM_TOPIC_ARN) names an existing one, otherwise the stack makes its own and
 * subscribes `-c alarmEmail=…` (or ALARM_EMAIL); without an address the
 * `AlarmTopicArn` output says how to subscribe. And a small dashboard of the same metrics.
 */
export class RippleAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = []
  readonly topic: sns.ITopic

  constructor(scope: Construct, id: string, props: RippleAlarmsProps) {
    super(scope, id)
    const { config, httpApi, functions, table } = props
    if (config.alarmTopicArn) this.topic = sns.Topic.fromTopicArn(this, 'Topic', config.alarmTopicArn)
    else {
      const topic = new sns.Topic(this, 'Topic', { displayName: `${config.stackName} alarms`, enforceSSL: true })
      if (config.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail))
      this.topic = topic
    }
    new CfnOutput(scope, 'AlarmTopicArn', {
      value: this.topic.topicArn,
      description: config.alarmEmail
        ? `Alarms go here and to ${config.alarmEmail} (confirm the e-mail AWS sends).`
        : `Alarms go here; nobody is subscribed: ${subscribeCommand('<this ARN>')}`,
    })
    const action = new cwActions.SnsAction(this.topic)
    const add = (name: string, alarmProps: Omit<cloudwatch.AlarmProps, 'alarmName'>) => {
      const alarm = new cloudwatch.Alarm(this, name, {
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...alarmProps,
      })
      alarm.addAlarmAction(action)
      this.alarms.push(alarm)
    }

    // 5xx as a share of requests, so a quiet night's single error does not page but 1% of a busy hour does.
    const apiErrorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 20, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        requests: httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
      },
      period: FIVE_MINUTES,
      label: 'API 5xx %',
    })
    add('Api5xxRate', {
      metric: apiErrorRate,
      threshold: 1,
      evaluationPeriods: 2,
      alarmDescription: 'More than 1% of API requests answered 5xx for 10 minutes.',
    })

    for (const [name, fn] of Object.entries(functions)) {
      add(`${name}Errors`, {
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 5,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        alarmDescription: `The ${name} function failed 5+ times in 5 minutes.`,
      })
      add(`${name}Throttles`, {
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        alarmDescription: `The ${name} function was throttled (account concurrency exhausted).`,
      })
    }

    const tableThrottles = table.metricThrottledRequestsForOperations({
      operations: TABLE_OPERATIONS as dynamodb.Operation[],
      period: FIVE_MINUTES,
    })
    add('TableThrottles', {
      metric: tableThrottles,
      threshold: 10,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'DynamoDB throttled requests: a hot key or partition (on-demand has no table limit to raise).',
    })

    add('CountersDeadLetters', {
      metric: props.countersDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Max',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription:
        'A stream batch of clicks was given up after every retry: counters are short until it is replayed.',
    })
    const iteratorAge = functions.counters.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' })
    add('CountersBehind', {
      metric: iteratorAge,
      threshold: 10 * 60_000,
      evaluationPeriods: 3,
      alarmDescription: 'Click counters are more than 10 minutes behind the stream.',
    })

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: config.stackName })
    const fns = Object.entries(functions)
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and 5xx',
        left: [httpApi.metricCount(), httpApi.metricServerError(), httpApi.metricClientError()],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency p99 (ms)',
        left: [httpApi.metricLatency({ statistic: 'p99' })],
        width: 12,
      }),
    )
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Invocations',
        left: fns.map(([n, f]) => f.metricInvocations({ label: n })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Errors and throttles',
        left: fns.flatMap(([n, f]) => [
          f.metricErrors({ label: `${n} errors` }),
          f.metricThrottles({ label: `${n} throttles` }),
        ]),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Duration p99 (ms)',
        left: fns.map(([n, f]) => f.metricDuration({ label: n, statistic: 'p99' })),
        width: 8,
      }),
    )
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'DynamoDB consumed capacity',
        left: [table.metricConsumedReadCapacityUnits(), table.metricConsumedWriteCapacityUnits()],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'DynamoDB throttles · counters lag (ms)',
        left: [tableThrottles],
        right: [iteratorAge],
        width: 12,
      }),
    )
  }
}
