import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as iam from 'aws-cdk-lib/aws-iam'
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { join } from 'node:path'
import { FUNCTIONS, type FunctionName, type RippleConfig, type SecretName } from './config'
import { grantTableAccess } from './table-access'

/** The environment variable that carries each secret's ARN (lib/config/load-secrets.ts reads it). */
export const SECRET_ARN_VARIABLE: Record<SecretName, string> = {
  SIGNING_SECRET: 'RIPPLE_SIGNING_SECRET_ARN',
  ADMIN_TOKEN: 'RIPPLE_ADMIN_TOKEN_ARN',
}

export interface RippleFunctionsProps {
  config: RippleConfig
  /** Where `buildLambdas()` wrote `<name>/index.mjs` (scripts/build.ts, the one esbuild build). */
  bundleDir: string
  table: dynamodb.TableV2
  secrets: Record<SecretName, secretsmanager.ISecret>
}

/**
 * One Lambda per entry point, all from the same props: Node.js 22 on arm64
 * (Graviton: ~20% cheaper per GB-second), code from the project's own esbuild
 * build (target node20, so the bundle that runs in CI runs here), memory and
 * timeout per function from cdk/config.ts, its own log group, and only the
 * table actions and secrets it uses.
 */
export class RippleFunctions extends Construct {
  readonly byName: Record<FunctionName, lambda.Function>

  constructor(scope: Construct, id: string, props: RippleFunctionsProps) {
    super(scope, id)
    const { config, table, secrets } = props
    // Pinned extension version; CDK resolves the region's arm64 layer ARN without a lookup.
    const secretsExtension = lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, {
      cacheSize: 10,
    })
    const byName = {} as Record<FunctionName, lambda.Function>
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      const spec = config.functions[name]
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: config.logRetentionDays as logs.RetentionDays,
        removalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      })
      const environment: Record<string, string> = { TABLE_NAME: table.tableName }
      for (const s of spec.secrets) environment[SECRET_ARN_VARIABLE[s]] = secrets[s].secretArn
      const fn = new lambda.Function(this, name, {
        description: `Ripple ${name} (functions/${name}.ts)`,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        handler: spec.handler,
        // Source maps stay in the build output: loading a 2 MB map on every cold start costs more than it gives.
        code: lambda.Code.fromAsset(join(props.bundleDir, name), { exclude: ['*.map'] }),
        memorySize: spec.memoryMB,
        timeout: Duration.seconds(spec.timeoutSeconds),
        environment,
        logGroup,
        paramsAndSecrets: spec.secrets.length > 0 ? secretsExtension : undefined,
        // X-Ray: each invocation's trace (cold start, duration, errors). The HTTP API itself cannot be traced
        // (X-Ray supports REST APIs only); the access logs carry its request ids.
        tracing: lambda.Tracing.ACTIVE,
      })
      grantTableAccess(fn, table, spec)
      for (const s of spec.secrets) secrets[s].grantRead(fn)
      if (name === 'api') {
        // Sign-in codes by SMS (lib/sms/sns-sender.ts): SNS Publish to a phone number has no resource ARN to scope to.
        fn.addEnvironment('SMS_SENDER', 'sns')
        // Its own policy, so CDK does not merge it into the X-Ray statement on "*".
        const sms = new iam.Policy(this, 'apiSms', {
          statements: [new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })],
        })
        if (fn.role) sms.attachToRole(fn.role)
      }
      byName[name] = fn
    }
    this.byName = byName
  }
}
