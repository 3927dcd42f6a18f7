import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The layers' boundaries (docs/architecture.md §1), checked over every import of every .ts/.tsx file:
 * `import`, `import type`, `export … from` and `import()`. A failure lists each offending file, the
 * import as written and the file it resolves to.
 */

const ROOT = resolve(import.meta.dirname, '../..')
const SOURCE_DIRS = ['lib', 'web', 'functions', 'cdk', 'scripts', 'tests']

interface Import {
  /** The importing file, relative to the repository root. */
  file: string
  /** The specifier as written. */
  spec: string
  /** For a relative import, the imported path relative to the root (no extension); else the package name. */
  target: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
  return info.importedFiles.map(({ fileName: spec }) => ({
    file,
    spec,
    target: spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
  }))
}

const imports = SOURCE_DIRS.flatMap(sourceFiles).flatMap(importsOf)

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`)
const isRelative = (i: Import) => i.spec.startsWith('.')

/** The offending imports of `from`'s files, one line each, so a failure names them. */
function violations(from: string, forbidden: (i: Import) => boolean, allowed: ReadonlyArray<string> = []): string[] {
  return imports
    .filter((i) => under(i.file, from) && forbidden(i) && !allowed.includes(`${i.file} -> ${i.target}`))
    .map((i) => `${i.file} imports '${i.spec}' (${i.target})`)
}

describe('layer boundaries (docs/architecture.md §1)', () => {
  it('reads the imports of the whole tree', () => {
    // Guards the checks below against passing on nothing (a wrong root, a parser that found no imports).
    expect(imports.filter((i) => under(i.file, 'lib/domain')).length).toBeGreaterThan(10)
    expect(imports.filter((i) => under(i.file, 'web') && under(i.target, 'lib/services')).length).toBeGreaterThan(5)
  })

  it('lib/domain imports nothing outside itself and lib/schemas, and no I/O library', () => {
    const io = /^(hono($|\/)|@aws-sdk\/|@hono\/node-server)/
    const bad = (i: Import) =>
      isRelative(i) ? !under(i.target, 'lib/domain') && !under(i.target, 'lib/schemas') : io.test(i.spec)
    expect(violations('lib/domain', bad)).toEqual([])
  })

  it('lib/db never imports lib/http (nor lib/services: data flows one way)', () => {
    const bad = (i: Import) => under(i.target, 'lib/http') || under(i.target, 'lib/services')
    expect(violations('lib/db', bad)).toEqual([])
  })

  it('lib/services never imports lib/http', () => {
    expect(violations('lib/services', (i) => under(i.target, 'lib/http'))).toEqual([])
  })

  it('web/ reads data only through lib/services: no import of lib/db', () => {
    expect(violations('web', (i) => under(i.target, 'lib/db'))).toEqual([])
  })

  it('nothing in lib imports web/, except the platform app that mounts the pages', () => {
    // docs/architecture.md §1: the platform app serves the API and the pages from one Lambda.
    const allowed = ['lib/http/platform-app.ts -> web/app']
    expect(violations('lib', (i) => under(i.target, 'web'), allowed)).toEqual([])
  })
})
