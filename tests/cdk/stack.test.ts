import { beforeAll, describe, expect, it } from 'vitest'
import { Match } from 'aws-cdk-lib/assertions'
import { table } from '../../lib/db/table'
import { createTableInput } from '../../lib/db/create-table'
import { lambdaEntries } from '../../scripts/build'
import { FUNCTIONS, HOLD_RELEASE_EVERY_MINUTES, COUNTERS_STREAM, type FunctionName } from '../../cdk/config'
import { ROUTES } from '../../cdk/api'
import { SECRET_ARN_VARIABLE } from '../../cdk/functions'
import { REQUEST_BUDGET_MS } from '../../lib/services/request-budget'
import { functionId, resourcesOf, synth, type Synthesised } from './synth'

const NAMES = Object.keys(FUNCTIONS) as FunctionName[]
let prod: Synthesised

beforeAll(() => {
  prod = synth()
})

const tableResource = (s: Synthesised) => {
  const tables = resourcesOf(s.json, 'AWS::DynamoDB::GlobalTable')
  expect(tables).toHaveLength(1)
  return tables[0]![1]
}
const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)))

describe('the table', () => {
  it('has the keys, GSIs, TTL and stream of the shared definition, as local table creation makes it', () => {
    const t = tableResource(prod).Properties
    const local = createTableInput('ripple')
    expect(t.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ])
    expect(t.KeySchema).toEqual(local.KeySchema)
    expect(sortBy(t.AttributeDefinitions, (a: any) => a.AttributeName)).toEqual(
      sortBy(local.AttributeDefinitions!, (a) => a.AttributeName!),
    )
    expect(t.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes)
    expect(t.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(
      table.globalSecondaryIndexes.map((i) => i.indexName),
    )
    expect(t.TimeToLiveSpecification).toEqual({ AttributeName: table.ttlAttribute, Enabled: true })
    expect(t.StreamSpecification).toEqual({ StreamViewType: table.stream })
    expect(local.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: table.stream })
  })

  it('is on-demand, encrypted with KMS, and in production keeps its data', () => {
    const r = tableResource(prod)
    expect(r.Properties.BillingMode).toBe('PAY_PER_REQUEST')
    expect(r.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' })
    expect(r.Properties.Replicas).toHaveLength(1)
    expect(r.Properties.Replicas[0]).toMatchObject({
      Region: 'us-east-1',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    })
    expect(r.DeletionPolicy).toBe('Retain')
    expect(r.UpdateReplacePolicy).toBe('Retain')
  })

  it('is relaxed for a dev stack (-c stage=dev)', () => {
    const dev = synth({ stage: 'dev' })
    expect(dev.stack.stackName).toBe('Ripple-dev')
    const r = tableResource(dev)
    expect(r.Properties.BillingMode).toBe('PAY_PER_REQUEST')
    expect(r.Properties.Replicas[0]).toMatchObject({
      DeletionProtectionEnabled: false,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
    })
    expect(r.DeletionPolicy).toBe('Delete')
    expect(r.Properties.StreamSpecification).toEqual({ StreamViewType: table.stream })
  })
})

describe('the functions', () => {
  it('give resumable work a budget that ends well before the api function times out', () => {
    // The last step of a slice (a transaction with its retries) and the answer need their own seconds.
    expect(FUNCTIONS.api.timeoutSeconds * 1000 - REQUEST_BUDGET_MS).toBeGreaterThanOrEqual(3000)
  })

  it('are traced with X-Ray, every one', () => {
    const fns = resourcesOf(prod.json, 'AWS::Lambda::Function').filter(([, f]) =>
      String(f.Properties.Description).startsWith('Ripple '),
    )
    expect(fns).toHaveLength(NAMES.length)
    for (const [id, f] of fns) expect(f.Properties.TracingConfig, id).toEqual({ Mode: 'Active' })
  })

  it('are one per Lambda entry point in functions/', () => {
    expect(
      lambdaEntries()
        .map((e) => e.name)
        .sort(),
    ).toEqual([...NAMES].sort())
    expect(resourcesOf(prod.json, 'AWS::Lambda::Function')).toHaveLength(NAMES.length)
  })

  it.each(NAMES)('%s: Node.js 22 on arm64, its memory, timeout, handler and log retention', (name) => {
    const spec = FUNCTIONS[name]
    const fn = prod.json.Resources[functionId(prod.json, name)].Properties
    expect(fn.Runtime).toBe('nodejs22.x')
    expect(fn.Architectures).toEqual(['arm64'])
    expect(fn.MemorySize).toBe(spec.memoryMB)
    expect(fn.Timeout).toBe(spec.timeoutSeconds)
    expect(fn.Handler).toBe(spec.handler)
    const logGroupId = fn.LoggingConfig.LogGroup.Ref as string
    expect(prod.json.Resources[logGroupId].Properties.RetentionInDays).toBe(30)
  })

  it('have exactly the environment they need: the table name and the ARNs of their own secrets', () => {
    const tableId = resourcesOf(prod.json, 'AWS::DynamoDB::GlobalTable')[0]![0]
    const secretIds = Object.fromEntries(
      resourcesOf(prod.json, 'AWS::SecretsManager::Secret').map(([id, r]) => [r.Properties.Name.split('/').pop(), id]),
    )
    const extension = {
      PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'true',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
    }
    const env = (name: FunctionName) =>
      prod.json.Resources[functionId(prod.json, name)].Properties.Environment?.Variables
    expect(env('api')).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      RIPPLE_SIGNING_SECRET_ARN: { Ref: secretIds['signing-secret'] },
      RIPPLE_ADMIN_TOKEN_ARN: { Ref: secretIds['admin-token'] },
      ...extension,
    })
    expect(env('redirect')).toMatchObject({
      TABLE_NAME: { Ref: tableId },
      RIPPLE_SIGNING_SECRET_ARN: { Ref: secretIds['signing-secret'] },
      ...extension,
    })
    expect(env('redirect')).not.toHaveProperty('RIPPLE_ADMIN_TOKEN_ARN')
    expect(env('jobs')).toEqual({ TABLE_NAME: { Ref: tableId } })
    expect(env('counters')).toEqual({ TABLE_NAME: { Ref: tableId } })
    // Without a custom domain the apps that mint links are told the API's own URL, never left to the Host header.
    const apiId = resourcesOf(prod.json, 'AWS::ApiGatewayV2::Api')[0]![0]
    for (const name of ['api', 'redirect'] as const)
      expect(JSON.stringify(env(name).PUBLIC_BASE_URL)).toMatch(
        new RegExp(`^\\{"Fn::Join":\\["",\\["https://",\\{"Ref":"${apiId}"\\},"\\.execute-api\\.`),
      )
    for (const name of ['jobs', 'counters'] as const) expect(env(name)).not.toHaveProperty('PUBLIC_BASE_URL')
    for (const name of NAMES)
      expect(
        Object.keys(env(name))
          .filter((k) => k.startsWith('RIPPLE_'))
          .sort(),
      ).toEqual(FUNCTIONS[name].secrets.map((s) => SECRET_ARN_VARIABLE[s]).sort())
  })

  it('get the Parameters and Secrets extension (arm64) only where they read a secret', () => {
    for (const name of NAMES) {
      const layers = prod.json.Resources[functionId(prod.json, name)].Properties.Layers as string[] | undefined
      if (FUNCTIONS[name].secrets.length === 0) expect(layers).toBeUndefined()
      else
        expect(layers).toEqual([
          expect.stringMatching(
            /^arn:aws:lambda:us-east-1:\d+:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/,
          ),
        ])
    }
  })
})

describe('the HTTP API', () => {
  const integrationTarget = (s: Synthesised, routeKey: string): string => {
    const route = resourcesOf(s.json, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey)
    expect(route, routeKey).toBeDefined()
    const integrationId = route![1].Properties.Target['Fn::Join'][1][1].Ref as string
    const integration = s.json.Resources[integrationId].Properties
    expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' })
    return integration.IntegrationUri['Fn::GetAtt'][0] as string
  }

  it('routes every path to the intended function, and nothing else', () => {
    const expected: Record<string, FunctionName> = {
      'GET /s/{code}': 'redirect',
      'ANY /api/{proxy+}': 'api',
      'ANY /webhooks/{proxy+}': 'api',
      'ANY /console': 'api',
      'ANY /console/{proxy+}': 'api',
      'ANY /m': 'api',
      'ANY /m/{proxy+}': 'api',
      'GET /assets/{proxy+}': 'api',
      'GET /demo-shop/{proxy+}': 'api',
    }
    const keys = resourcesOf(prod.json, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string)
    expect(keys.sort()).toEqual(Object.keys(expected).sort())
    for (const [key, fn] of Object.entries(expected))
      expect(integrationTarget(prod, key), key).toBe(functionId(prod.json, fn))
    expect(ROUTES.filter((r) => r.fn === 'redirect').map((r) => `${r.methods.join()} ${r.path}`)).toEqual([
      'GET /s/{code}',
    ])
  })

  it('throttles the stage and writes access logs', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: prod.config.throttle.rateLimit,
        ThrottlingBurstLimit: prod.config.throttle.burstLimit,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
    })
    expect(prod.config.throttle.rateLimit).toBeGreaterThan(0)
  })

  it('lets API Gateway invoke only the API and redirect functions, and EventBridge only the jobs', () => {
    const invokers = resourcesOf(prod.json, 'AWS::Lambda::Permission').map(
      ([, p]) => `${p.Properties.Principal} → ${p.Properties.FunctionName['Fn::GetAtt'][0]}`,
    )
    expect(new Set(invokers)).toEqual(
      new Set([
        `apigateway.amazonaws.com → ${functionId(prod.json, 'api')}`,
        `apigateway.amazonaws.com → ${functionId(prod.json, 'redirect')}`,
        `events.amazonaws.com → ${functionId(prod.json, 'jobs')}`,
      ]),
    )
  })

  it('maps an optional custom domain from context and tells the apps their public origin', () => {
    const s = synth({
      domainName: 'go.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    })
    s.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'go.example.com',
      DomainNameConfigurations: [
        Match.objectLike({ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }),
      ],
    })
    s.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1)
    for (const name of ['api', 'redirect'] as const)
      expect(s.json.Resources[functionId(s.json, name)].Properties.Environment.Variables.PUBLIC_BASE_URL).toBe(
        'https://go.example.com',
      )
    expect(() => synth({ domainName: 'go.example.com' })).toThrow(/certificateArn/)
  })
})

describe('what runs without a request', () => {
  it('schedules hold release every 15 minutes', () => {
    const rules = resourcesOf(prod.json, 'AWS::Events::Rule')
    expect(rules).toHaveLength(1)
    const rule = rules[0]![1].Properties
    expect(rule.ScheduleExpression).toBe(`rate(${HOLD_RELEASE_EVERY_MINUTES} minutes)`)
    expect(rule.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionId(prod.json, 'jobs'), 'Arn'] } }),
    ])
    expect(FUNCTIONS.jobs.handler).toBe('index.holdRelease')
  })

  it('feeds new clicks from the table stream to the counters function, whole batches, failures to a queue', () => {
    const mappings = resourcesOf(prod.json, 'AWS::Lambda::EventSourceMapping')
    expect(mappings).toHaveLength(1)
    const m = mappings[0]![1].Properties
    expect(m.FunctionName).toEqual({ Ref: functionId(prod.json, 'counters') })
    expect(m.EventSourceArn).toEqual({
      'Fn::GetAtt': [resourcesOf(prod.json, 'AWS::DynamoDB::GlobalTable')[0]![0], 'StreamArn'],
    })
    expect(m).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: COUNTERS_STREAM.batchSize,
      MaximumBatchingWindowInSeconds: COUNTERS_STREAM.maxBatchingWindowSeconds,
      MaximumRetryAttempts: COUNTERS_STREAM.retryAttempts,
      // Retries must replay the same batch: see COUNTERS_STREAM.bisectBatchOnError.
      BisectBatchOnFunctionError: false,
    })
    expect(m.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][1]).toBe('Arn')
    expect(m.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern))).toEqual([
      {
        eventName: ['INSERT'],
        dynamodb: { NewImage: { entity: { S: ['click', 'link', 'distributor', 'order', 'refund', 'ledger'] } } },
      },
      { eventName: ['MODIFY'], dynamodb: { NewImage: { entity: { S: ['distributor'] } } } },
    ])
  })
})

describe('alarms and the dashboard', () => {
  it('alarm on the API 5xx rate, every function’s errors and throttles, and DynamoDB throttling', () => {
    const alarms = resourcesOf(prod.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties)
    const metricsOf = (a: any): any[] =>
      (
        a.Metrics ?? [
          { MetricStat: { Metric: { MetricName: a.MetricName, Namespace: a.Namespace, Dimensions: a.Dimensions } } },
        ]
      ).filter((m: any) => m.MetricStat)
    const watches = (ns: string, metric: string, dim?: unknown) =>
      alarms.filter((a) =>
        metricsOf(a).some(
          (m) =>
            m.MetricStat.Metric.Namespace === ns &&
            m.MetricStat.Metric.MetricName === metric &&
            (!dim || JSON.stringify(m.MetricStat.Metric.Dimensions).includes(JSON.stringify(dim))),
        ),
      )

    const rate = watches('AWS/ApiGateway', '5xx')
    expect(rate).toHaveLength(1)
    expect(rate[0].Metrics.find((m: any) => m.Expression)?.Expression).toMatch(/100 \* errors \/ requests/)
    for (const name of NAMES) {
      const ref = { Ref: functionId(prod.json, name) }
      expect(watches('AWS/Lambda', 'Errors', ref), `${name} errors`).toHaveLength(1)
      expect(watches('AWS/Lambda', 'Throttles', ref), `${name} throttles`).toHaveLength(1)
    }
    expect(watches('AWS/DynamoDB', 'ThrottledRequests').length).toBe(1)
    expect(watches('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toHaveLength(1)
    expect(watches('AWS/Lambda', 'IteratorAge')).toHaveLength(1)
    prod.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1)
  })

  it('notify someone by default: every alarm acts on the stack’s topic, whose ARN is an output saying how to subscribe', () => {
    const topics = resourcesOf(prod.json, 'AWS::SNS::Topic')
    expect(topics).toHaveLength(1)
    const alarms = resourcesOf(prod.json, 'AWS::CloudWatch::Alarm')
    expect(alarms.length).toBeGreaterThanOrEqual(12)
    for (const [id, a] of alarms) expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topics[0]![0] }])
    prod.template.resourceCountIs('AWS::SNS::Subscription', 0)
    const output = prod.json.Outputs.AlarmTopicArn
    expect(output.Value).toEqual({ Ref: topics[0]![0] })
    expect(output.Description).toContain('aws sns subscribe')
  })

  it('notify an SNS topic from context: a new one for alarmEmail, an existing one for alarmTopicArn', () => {
    const withEmail = synth({ alarmEmail: 'ops@example.com' })
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    })
    const topic = resourcesOf(withEmail.json, 'AWS::SNS::Topic')[0]![0]
    withEmail.template.hasResourceProperties('AWS::SNS::Subscription', { TopicArn: { Ref: topic } })
    for (const [, a] of resourcesOf(withEmail.json, 'AWS::CloudWatch::Alarm'))
      expect(a.Properties.AlarmActions).toEqual([{ Ref: topic }])
    // ALARM_EMAIL in the environment works as the context value does (`ALARM_EMAIL=… npm run deploy`).
    synth({}, { ALARM_EMAIL: 'oncall@example.com' }).template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    })

    const arn = 'arn:aws:sns:us-east-1:123456789012:ops'
    const withTopic = synth({ alarmTopicArn: arn })
    withTopic.template.resourceCountIs('AWS::SNS::Topic', 0)
    for (const [, a] of resourcesOf(withTopic.json, 'AWS::CloudWatch::Alarm'))
      expect(a.Properties.AlarmActions).toEqual([arn])
  })
})

describe('synth', () => {
  it('needs no account and makes no lookups', () => {
    expect(prod.stack.resolve(prod.stack.account)).toEqual({ Ref: 'AWS::AccountId' })
    expect(prod.stack.region).toBe('us-east-1')
    // A context lookup would leave "missing" entries for the CLI to fill with credentials.
    const assembly = prod.stack.node.root as unknown as { synth(): { manifest: { missing?: unknown[] } } }
    expect(assembly.synth().manifest.missing ?? []).toEqual([])
  })

  it('takes the region from context or CDK_DEFAULT_REGION', () => {
    expect(synth({}, { CDK_DEFAULT_REGION: 'eu-west-1' }).stack.region).toBe('eu-west-1')
    expect(synth({ region: 'ap-southeast-1' }, { CDK_DEFAULT_REGION: 'eu-west-1' }).stack.region).toBe('ap-southeast-1')
  })
})
