import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import makeFolder from '../../db/make-folder.ts';
import { tempDir } from '../helper.ts';

describe('makeFolder', () => {
  it('creates every missing level', () => {
    const folder = join(tempDir(), 'a', 'b', 'c');
    makeFolder(folder);
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('accepts a folder that is already there', () => {
    const folder = join(tempDir(), 'there');
    mkdirSync(folder);
    makeFolder(folder);
    expect(existsSync(folder)).toBe(true);
  });

  it('names a file standing where a folder should be', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => makeFolder(join(file, 'data'))).toThrow(`${file} exists and is not a folder`);
  });

  // Under /proc Node's recursive mkdir never returns; tests/scripts/start.test.ts checks start-up
  // there in a process with a time limit.
  it('fails at once under /proc, naming the first level that cannot be made', () => {
    expect(() => makeFolder('/proc/vv-monitor-test/data')).toThrow(/^ENOENT: .*mkdir '\/proc\/vv-monitor-test'$/);
  });
});
