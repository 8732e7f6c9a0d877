import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { groupEntrySource, type FunctionGroup } from '../../functions/src/routes';

/** Generated entry modules live beside the functions' sources (git-ignored), so their imports resolve. */
const generatedDir = path.resolve(__dirname, '../../functions/.generated');

/** Writes the entry module of a function group (only when it changed) and answers its path. */
export function writeGroupEntry(group: FunctionGroup): string {
  mkdirSync(generatedDir, { recursive: true });
  const file = path.join(generatedDir, `${group.name}.ts`);
  const source = groupEntrySource(group, '../src');
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== source) writeFileSync(file, source);
  return file;
}
