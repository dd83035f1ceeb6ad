/** `.env.example` is where operators learn the settings: every setting the code reads is there, and nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/config.js';

const example = readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

describe('.env.example', () => {
  it('documents every setting', () => {
    expect(SETTING_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('names no setting the code does not read', () => {
    expect(documented.filter((name) => !SETTING_NAMES.includes(name))).toEqual([]);
  });
});
