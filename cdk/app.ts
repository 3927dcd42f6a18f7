import { App } from 'aws-cdk-lib'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildLambdas, formatReports } from '../scripts/build'
import { configFromContext, FUNCTIONS } from './config'
import { RippleStack } from './stack'
import { subscribeCommand } from './alarms'

/**
 * The CDK app (`npm run synth`, `npm run deploy`). It bundles the functions with
 * the project's own build (scripts/build.ts: the one esbuild configuration, the
 * same `npm run build` uses) into dist/, prints their sizes, and points each
 * function's asset at its folder. No NodejsFunction: its bundling would be a
 * second esbuild configuration, and could not inject the pages' client scripts.
 */
const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const app = new App()
const config = configFromContext((key) => app.node.tryGetContext(key))
const bundleDir = join(ROOT, 'dist')

const reports = await buildLambdas({ outDir: bundleDir })
console.error(formatReports(reports))
const missing = reports.map((r) => r.name).filter((n) => !(n in FUNCTIONS))
if (missing.length > 0)
  throw new Error(
    `functions/${missing[0]}.ts has no settings in cdk/config.ts FUNCTIONS: add its memory, timeout and table actions.`,
  )

if (!config.alarmEmail && !config.alarmTopicArn)
  console.error(
    `Alarms will go to a new SNS topic with no subscriber. Deploy with -c alarmEmail=you@example.com (or ALARM_EMAIL=…),\n` +
      `or -c alarmTopicArn=… for an existing topic, or subscribe after the deploy:\n  ${subscribeCommand('<AlarmTopicArn output>')}`,
  )

new RippleStack(app, config.stackName, {
  config,
  bundleDir,
  env: config.env,
  description: `Ripple referral platform (${config.stage})`,
})
app.synth()
