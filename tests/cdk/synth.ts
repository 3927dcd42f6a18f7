import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { readFileSync } from 'node:fs'
import { inject } from 'vitest'
import { configFromContext, type RippleConfig } from '../../cdk/config'
import { RippleStack } from '../../cdk/stack'

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>
}

export interface Synthesised {
  config: RippleConfig
  stack: RippleStack
  template: Template
  json: Record<string, any>
}

/** The stack as `cdk synth` makes it (cdk.json's feature flags plus `context`), from the run's prebuilt bundles. */
export function synth(context: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): Synthesised {
  const app = new App({ context: { ...cdkJson.context, ...context } })
  const config = configFromContext((k) => app.node.tryGetContext(k), env)
  const stack = new RippleStack(app, config.stackName, { config, bundleDir: inject('cdkBundleDir'), env: config.env })
  const template = Template.fromStack(stack)
  return { config, stack, template, json: template.toJSON() }
}

/** Resources of one type, by logical id. */
export function resourcesOf(json: Record<string, any>, type: string): [string, any][] {
  return Object.entries(json.Resources as Record<string, any>).filter(([, r]) => r.Type === type)
}

/** The logical id of a function, found by its description (`Ripple <name> (functions/<name>.ts)`). */
export function functionId(json: Record<string, any>, name: string): string {
  const found = resourcesOf(json, 'AWS::Lambda::Function').find(
    ([, r]) => r.Properties.Description === `Ripple ${name} (functions/${name}.ts)`,
  )
  if (!found) throw new Error(`No function ${name} in the template`)
  return found[0]
}
