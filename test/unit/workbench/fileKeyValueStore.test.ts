import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyValueStore, type StoreProblem } from '../../../src/views/workbench/fileKeyValueStore';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'kv-'));
}

test('an update is on disk when update() returns, and a new store (after a reload) reads it back', () => {
  const dir = folder();
  try {
    const file = join(dir, 'nested', 'panels.json');
    const store = new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p)));
    const value = { query: 'dstport:443', list: [1, 2] };
    void store.update('k', value);
    value.list.push(3); // the caller's object changes later: the store keeps what it was given
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { k: { query: 'dstport:443', list: [1, 2] } });
    assert.deepEqual(new FileKeyValueStore(file, (p) => assert.fail(JSON.stringify(p))).get('k'), { query: 'dstport:443', list: [1, 2] });
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['panels.json'], 'no temporary file is left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged file is reported and replaced on the next write, not trusted', () => {
  const dir = folder();
  try {
    const file = join(dir, 'panels.json');
    writeFileSync(file, '{"k": [unterminated');
    const errors: StoreProblem[] = [];
    const store = new FileKeyValueStore(file, (m) => errors.push(m));
    assert.equal(store.get('k'), undefined);
    assert.deepEqual(errors, [{ kind: 'notAnObject', file }]);
    void store.update('k', 1);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { k: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write that fails is reported and the value is still served from memory', () => {
  const dir = folder();
  try {
    writeFileSync(join(dir, 'file'), 'x');
    const errors: StoreProblem[] = [];
    const store = new FileKeyValueStore(join(dir, 'file', 'panels.json'), (m) => errors.push(m));
    void store.update('k', 'v');
    assert.equal(store.get('k'), 'v');
    assert.equal(errors[0]?.kind, 'unwritable');
    assert.equal(errors[0]?.file, join(dir, 'file', 'panels.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
