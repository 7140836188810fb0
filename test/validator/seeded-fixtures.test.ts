import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Diagnostic, validateProject } from '../../functions/validator/index.js';
import { PITFALL_RULES } from '../../functions/validator/rules/pitfall-rules.js';

const SEEDED = fileURLToPath(new URL('../fixtures/validator/seeded', import.meta.url));
const EXPECTED_FILE = 'expected.json';

/** What a seeded project must produce: every error, and the pitfall rules' warnings, as `file:line rule`. */
const Expected = z.object({ errors: z.array(z.string()), warnings: z.array(z.string()) });

const pitfallIds = new Set(PITFALL_RULES.map((rule) => rule.id));

function where(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line} ${diagnostic.rule}`;
}

function loadSeeded(name: string) {
  const folder = path.join(SEEDED, name);
  const files = readdirSync(folder)
    .filter((file) => file !== EXPECTED_FILE)
    .sort()
    .map((file) => ({ name: file, content: readFileSync(path.join(folder, file), 'utf8') }));
  const expected = Expected.parse(JSON.parse(readFileSync(path.join(folder, EXPECTED_FILE), 'utf8')));
  return { files, expected };
}

describe('seeded pitfall projects', () => {
  it.each(readdirSync(SEEDED).sort())('%s gives exactly the expected findings at their lines', (name) => {
    // Prepare
    const { files, expected } = loadSeeded(name);

    // Act
    const diagnostics = validateProject(files);

    // Assess
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(where);
    const warnings = diagnostics
      .filter((diagnostic) => diagnostic.severity === 'warning' && pitfallIds.has(diagnostic.rule))
      .map(where);
    expect(errors).toEqual(expected.errors);
    expect(warnings).toEqual(expected.warnings);
  });
});
