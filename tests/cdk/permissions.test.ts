import { beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTIONS, type FunctionName } from '../../cdk/config'
import { functionId, resourcesOf, synth, type Synthesised } from './synth'

const NAMES = Object.keys(FUNCTIONS) as FunctionName[]
let s: Synthesised
let tableId: string

beforeAll(() => {
  s = synth()
  tableId = resourcesOf(s.json, 'AWS::DynamoDB::GlobalTable')[0]![0]
})

type Statement = { Effect: string; Action: string | string[]; Resource: unknown }
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x])

/** Every statement of the policies attached to a function's role. */
function statementsOf(name: FunctionName): Statement[] {
  const roleId = s.json.Resources[functionId(s.json, name)].Properties.Role['Fn::GetAtt'][0] as string
  return resourcesOf(s.json, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[])
}

const TABLE_ARN = () => ({ 'Fn::GetAtt': [tableId, 'Arn'] })
const _indexArn = (index: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, `/index/${index}`]] })

/** DynamoDB actions granted to a function, by resource ("table" or the index name). */
function dynamoGrants(name: FunctionName): Map<string, Set<string>> {
  const grants = new Map<string, Set<string>>()
  for (const st of statementsOf(name)) {
    const actions = list(st.Action).filter((a) => a.startsWith('dynamodb:'))
    if (actions.length === 0) continue
    for (const res of list(st.Resource)) {
      const key =
        JSON.stringify(res) === JSON.stringify(TABLE_ARN())
          ? 'table'
          : (JSON.stringify(res).match(/\/index\/(GSI\d)/)?.[1] ?? JSON.stringify(res))
      const set = grants.get(key) ?? new Set<string>()
      actions.forEach((a) => set.add(a.replace('dynamodb:', '')))
      grants.set(key, set)
    }
  }
  return grants
}

/**
 * The DynamoDB calls a bundle can make, read from the built code: the SDK is
 * external, so the bundle keeps `import { GetCommand as x } from "@aws-sdk/lib-dynamodb"`
 * and `new x(`; transaction items keep their `{Put:` / `{Update:` keys; index
 * names stay string literals.
 */
function callsInBundle(name: FunctionName): { table: Set<string>; indexes: Set<string> } {
  const code = readFileSync(join(inject('cdkBundleDir'), name, 'index.mjs'), 'utf8')
  const commandAction: Record<string, string[]> = {
    GetCommand: ['GetItem'],
    PutCommand: ['PutItem'],
    UpdateCommand: ['UpdateItem'],
    DeleteCommand: ['DeleteItem'],
    QueryCommand: ['Query'],
    ScanCommand: ['Scan'],
    BatchGetCommand: ['BatchGetItem'],
    BatchWriteCommand: ['BatchWriteItem'],
    TransactGetCommand: ['GetItem'],
    TransactWriteCommand: [],
  }
  const table = new Set<string>()
  let transacts = false
  for (const m of code.matchAll(/import\{([^}]*)\}from"@aws-sdk\/(?:lib|client)-dynamodb"/g)) {
    for (const part of m[1]!.split(',')) {
      const [imported, alias = imported] = part.split(' as ').map((x) => x.trim()) as [string, string?]
      if (!(imported in commandAction) && !imported.endsWith('Command')) continue
      if (!new RegExp(`new ${alias.replace(/\$/g, '\\$')}\\(`).test(code)) continue
      if (!(imported in commandAction))
        throw new Error(`${name} bundle uses ${imported}: map it to its IAM action in this test`)
      commandAction[imported]!.forEach((a) => table.add(a))
      if (imported === 'TransactWriteCommand') transacts = true
    }
  }
  if (transacts) {
    const item: Record<string, string> = {
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      ConditionCheck: 'ConditionCheckItem',
    }
    // S3's DeleteObjects body is also `Delete:{Objects:…}` (product images): not a table action.
    for (const [key, action] of Object.entries(item))
      if (new RegExp(`[{,]${key}:(?!\\{Objects:)`).test(code)) table.add(action)
  }
  const indexes = new Set([...code.matchAll(/IndexName:"(GSI\d)"/g)].map((m) => m[1]!))
  return { table, indexes }
}

describe('least privilege', () => {
  it.each(NAMES)('%s: granted exactly its configured table actions and index queries', (name) => {
    const spec = FUNCTIONS[name]
    const grants = dynamoGrants(name)
    const expected = new Map<string, Set<string>>()
    if (spec.tableActions.length) expected.set('table', new Set(spec.tableActions))
    for (const i of spec.indexQueries) expected.set(i, new Set(['Query']))
    // Stream reading is the event source mapping's, on the stream ARN only.
    if (name === 'counters')
      expected.set(
        JSON.stringify({ 'Fn::GetAtt': [tableId, 'StreamArn'] }),
        new Set(['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams']),
      )
    expect(grants).toEqual(expected)
  })

  it.each(NAMES)('%s: its grants cover every DynamoDB call its bundle makes', (name) => {
    const used = callsInBundle(name)
    const grants = dynamoGrants(name)
    // A Query in the code may be on the table or on an index (its IndexName is read below): either grant covers it.
    const queriesSomewhere = [...grants.values()].some((g) => g.has('Query'))
    expect([...used.table].filter((a) => !grants.get('table')?.has(a) && !(a === 'Query' && queriesSomewhere))).toEqual(
      [],
    )
    expect([...used.indexes].filter((i) => !grants.get(i)?.has('Query'))).toEqual([])
  })

  it('the redirect function may read a link, count clicks per address and write a click, nothing else', () => {
    expect(dynamoGrants('redirect')).toEqual(new Map([['table', new Set(['GetItem', 'PutItem', 'UpdateItem'])]]))
    const actions = statementsOf('redirect').flatMap((st) => list(st.Action))
    expect(actions.filter((a) => /Scan|Delete|BatchWrite|^dynamodb:\*$/.test(a))).toEqual([])
  })

  it('no function is granted a wildcard action or resource, nor Scan or Delete, on anything', () => {
    // X-Ray's two write actions, which have no resource-level permissions, are the one statement on "*".
    const xray = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments']
    for (const name of NAMES) {
      const traces = statementsOf(name).filter((st) => list(st.Action).some((a) => a.startsWith('xray:')))
      expect(
        traces.map((st) => [list(st.Action).sort(), st.Resource]),
        name,
      ).toEqual([[xray, '*']])
      for (const st of statementsOf(name)) {
        if (traces.includes(st)) continue
        // SMS to a phone number: SNS has no resource to scope Publish to; only the api function holds it.
        if (name === 'api' && JSON.stringify(st.Action) === '"sns:Publish"') continue
        expect(st.Effect).toBe('Allow')
        for (const a of list(st.Action)) expect(a, `${name}: ${a}`).not.toMatch(/\*|dynamodb:(Scan|DeleteItem|PartiQL)/)
        // BatchWriteItem can delete too: no function holds it.
        expect(list(st.Action), name).not.toContain('dynamodb:BatchWriteItem')
        for (const r of list(st.Resource)) expect(JSON.stringify(r), name).not.toMatch(/"\*"|\/\*"|:\*"/)
      }
    }
  })

  it('only the api function may publish SMS (sns:Publish, for sign-in codes), and it sends through SNS', () => {
    const publishers = NAMES.filter((n) => statementsOf(n).some((st) => list(st.Action).includes('sns:Publish')))
    expect(publishers).toEqual(['api'])
    expect(statementsOf('api').filter((st) => list(st.Action).includes('sns:Publish'))).toEqual([
      { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
    ])
    const vars = s.json.Resources[functionId(s.json, 'api')].Properties.Environment.Variables
    expect(vars.SMS_SENDER).toBe('sns')
  })

  it('each secret is readable only by the functions that use it', () => {
    const secretIds = Object.fromEntries(
      resourcesOf(s.json, 'AWS::SecretsManager::Secret').map(([id, r]) => [r.Properties.Name.split('/').pop(), id]),
    )
    const readers = (secretId: string) =>
      NAMES.filter((n) =>
        statementsOf(n).some(
          (st) =>
            list(st.Action).includes('secretsmanager:GetSecretValue') &&
            list(st.Resource).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: secretId })),
        ),
      )
    expect(readers(secretIds['signing-secret']!)).toEqual(['api', 'redirect'])
    expect(readers(secretIds['admin-token']!)).toEqual(['api'])
    for (const n of NAMES)
      for (const st of statementsOf(n))
        if (list(st.Action).some((a) => a.startsWith('secretsmanager:')))
          expect(list(st.Action).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'])
  })
})

describe('secrets', () => {
  it('are generated by Secrets Manager: no value in the template, no SecretString, no secret in any environment', () => {
    const secrets = resourcesOf(s.json, 'AWS::SecretsManager::Secret')
    expect(secrets.map(([, r]) => r.Properties.Name).sort()).toEqual([
      'ripple/prod/admin-token',
      'ripple/prod/signing-secret',
    ])
    for (const [, r] of secrets) {
      expect(r.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true })
      expect(r.Properties).not.toHaveProperty('SecretString')
      expect(r.DeletionPolicy).toBe('Retain')
    }
    const text = JSON.stringify(s.json)
    expect(text).not.toMatch(/"SecretString"/)
    expect(text).not.toMatch(/"(SIGNING_SECRET|ADMIN_TOKEN)"/)
    // Values a developer might have in their shell or .data/secrets.json must never reach the template.
    for (const v of [process.env.SIGNING_SECRET, process.env.ADMIN_TOKEN]) if (v) expect(text).not.toContain(v)
    for (const name of NAMES) {
      const vars = s.json.Resources[functionId(s.json, name)].Properties.Environment?.Variables ?? {}
      for (const [k, v] of Object.entries(vars)) {
        expect(k, name).not.toMatch(/^(SIGNING_SECRET|ADMIN_TOKEN)$/)
        if (k.startsWith('RIPPLE_')) expect(v, `${name} ${k}`).toEqual({ Ref: expect.stringMatching(/^Secrets/) })
      }
    }
  })
})

describe('bundles', () => {
  it('keep the redirect, the click path, under 150 KB minified', () => {
    const redirect = inject('cdkBundleReports').find((r) => r.name === 'redirect')
    expect(redirect?.bytes).toBeGreaterThan(0)
    expect(redirect?.bytes).toBeLessThan(150 * 1024)
  })
})
