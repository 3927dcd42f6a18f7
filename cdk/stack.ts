import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import type { RippleConfig } from './config'
import { RippleTable } from './table'
import { RippleSecrets } from './secrets'
import { RippleFunctions } from './functions'
import { RippleApi } from './api'
import { RippleEvents } from './events'
import { RippleAlarms } from './alarms'

export interface RippleStackProps extends StackProps {
  config: RippleConfig
  /** Output directory of `buildLambdas()`: `<bundleDir>/<function>/index.mjs`. */
  bundleDir: string
}

/** Everything `npm start` runs, on AWS: one table, four functions, one HTTP API, a schedule, a stream, alarms. */
export class RippleStack extends Stack {
  constructor(scope: Construct, id: string, props: RippleStackProps) {
    super(scope, id, props)
    const { config } = props
    Tags.of(this).add('app', 'ripple')
    Tags.of(this).add('stage', config.stage)

    const { table } = new RippleTable(this, 'Data', config)
    const secrets = new RippleSecrets(this, 'Secrets', config).byName
    const functions = new RippleFunctions(this, 'Functions', { config, bundleDir: props.bundleDir, table, secrets })
      .byName
    const api = new RippleApi(this, 'Api', { config, functions })
    // The origin links are minted on: the apps never take it from a request's Host header (lib/http/base-url.ts).
    // The function depends on the API's id, not its routes, so there is no cycle.
    for (const name of ['api', 'redirect'] as const) functions[name].addEnvironment('PUBLIC_BASE_URL', api.url)
    const events = new RippleEvents(this, 'Events', { table, functions })
    new RippleAlarms(this, 'Alarms', {
      config,
      httpApi: api.httpApi,
      functions,
      table,
      countersDeadLetters: events.countersDeadLetters,
    })

    new CfnOutput(this, 'ApiUrl', {
      value: api.url,
      description: 'Console at <url>/console, mobile page at <url>/m, API at <url>/api',
    })
    new CfnOutput(this, 'TableName', { value: table.tableName })
    new CfnOutput(this, 'AdminTokenSecretName', {
      value: secrets.ADMIN_TOKEN.secretName,
      description: 'aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text',
    })
    new CfnOutput(this, 'SigningSecretName', { value: secrets.SIGNING_SECRET.secretName })
    new CfnOutput(this, 'ApiFunctionName', {
      value: functions.api.functionName,
      description: 'After rotating a secret, any configuration update makes its instances read the new value (README).',
    })
  }
}
