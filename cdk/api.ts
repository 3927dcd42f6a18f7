import { CfnOutput } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import type * as lambda from 'aws-cdk-lib/aws-lambda'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as route53 from 'aws-cdk-lib/aws-route53'
import * as targets from 'aws-cdk-lib/aws-route53-targets'
import { Construct } from 'constructs'
import type { FunctionName, RippleConfig } from './config'

const { ANY, GET } = apigw.HttpMethod

/**
 * Every route of the HTTP API and the function behind it. HTTP APIs have no
 * `/console*` wildcard, so a page prefix is two routes: the page and `{proxy+}`.
 * Static assets come from the API function too: the pages' client scripts are
 * a few KB, compiled into the API bundle at build time (`__RIPPLE_CLIENT_ASSETS__`,
 * web/assets.ts) and served with a content hash and a one-year immutable cache,
 * so browsers fetch each version once; an S3 bucket and CloudFront would be a
 * second deployment path for ~20 KB. The demo shop stays: the demo seed's
 * product URLs point at it.
 */
export const ROUTES: readonly { path: string; methods: apigw.HttpMethod[]; fn: FunctionName }[] = [
  { path: '/s/{code}', methods: [GET], fn: 'redirect' },
  { path: '/api/{proxy+}', methods: [ANY], fn: 'api' },
  { path: '/webhooks/{proxy+}', methods: [ANY], fn: 'api' },
  { path: '/console', methods: [ANY], fn: 'api' },
  { path: '/console/{proxy+}', methods: [ANY], fn: 'api' },
  { path: '/m', methods: [ANY], fn: 'api' },
  { path: '/m/{proxy+}', methods: [ANY], fn: 'api' },
  { path: '/assets/{proxy+}', methods: [GET], fn: 'api' },
  { path: '/demo-shop/{proxy+}', methods: [GET], fn: 'api' },
]

/**
 * One JSON line per request: route, status, latencies, and why an integration failed.
 * The route key, not the raw path: paths carry single-use sign-in tokens (/m/sign-in/…).
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    status: '$context.status',
    bytes: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
)

export interface RippleApiProps {
  config: RippleConfig
  functions: Record<FunctionName, lambda.IFunction>
}

/** The HTTP API: routes, stage throttling, access logs, and the optional custom domain. */
export class RippleApi extends Construct {
  readonly httpApi: apigw.HttpApi
  readonly stage: apigw.HttpStage
  readonly url: string

  constructor(scope: Construct, id: string, props: RippleApiProps) {
    super(scope, id)
    const { config } = props
    // No default stage: HttpApi cannot throttle it, so the stage is declared below with its limits.
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', { apiName: config.stackName, createDefaultStage: false })
    const integrations = {} as Record<FunctionName, HttpLambdaIntegration>
    for (const r of ROUTES) {
      integrations[r.fn] ??= new HttpLambdaIntegration(`${r.fn}Integration`, props.functions[r.fn])
      this.httpApi.addRoutes({ path: r.path, methods: r.methods, integration: integrations[r.fn] })
    }

    const domain = config.domain
      ? new apigw.DomainName(this, 'Domain', {
          domainName: config.domain.domainName,
          certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', config.domain.certificateArn),
        })
      : undefined
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: config.logRetentionDays as logs.RetentionDays,
    })
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Stage-wide default route limits: a flood on one route cannot take the whole account's API quota.
      throttle: config.throttle,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
      domainMapping: domain ? { domainName: domain } : undefined,
    })
    this.url = domain ? `https://${config.domain?.domainName}` : this.stage.url

    if (domain && config.domain?.hostedZoneId && config.domain.zoneName) {
      // Attributes, not HostedZone.fromLookup: synth must need no credentials.
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: config.domain.hostedZoneId,
        zoneName: config.domain.zoneName,
      })
      new route53.ARecord(this, 'Alias', {
        zone,
        recordName: config.domain.domainName,
        target: route53.RecordTarget.fromAlias(
          new targets.ApiGatewayv2DomainProperties(domain.regionalDomainName, domain.regionalHostedZoneId),
        ),
      })
    } else if (domain) {
      new CfnOutput(this, 'DomainTarget', {
        value: domain.regionalDomainName,
        description: `Point a CNAME for ${config.domain?.domainName} here.`,
      })
    }
  }
}
