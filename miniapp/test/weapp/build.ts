/**
 * One weapp build at a time, each suite running its own copy: the weapp suites (the smoke test and the
 * rendered pages) run in parallel jest workers, and a Taro build empties dist/weapp first and shares the
 * webpack cache, so builds take turns under a lock and each suite copies the output it runs.
 */
import { spawnSync } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'

const miniappRoot = path.resolve(__dirname, '..', '..')
const buildRoot = path.join(miniappRoot, 'dist', 'weapp')
const lock = path.join(miniappRoot, 'dist', '.weapp-build.lock')
/** A lock left by a killed run is taken over after this long. */
const STALE_MS = 5 * 60_000

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function withLock<T>(run: () => T): T {
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_MS) fs.rmSync(lock, { recursive: true, force: true })
      else sleep(250)
    }
  }
  try {
    return run()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

/** Builds the weapp bundle as `npm run build:weapp` does and answers the folder of a private copy. */
export function buildWeappCopy(): string {
  return withLock(() => {
    // jest sets NODE_ENV=test, which would make Taro's babel preset emit a Node-flavoured bundle.
    const { NODE_ENV: _testMode, ...env } = process.env
    const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: miniappRoot, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120_000 })
    if (build.status !== 0) throw new Error(`weapp build failed:\n${build.stdout}\n${build.stderr}`)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yilin-weapp-'))
    fs.cpSync(buildRoot, copy, { recursive: true })
    return copy
  })
}
