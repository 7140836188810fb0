import { describe, expect, it } from 'vitest';
import { type Diagnostic, validateProject } from '../../functions/validator/index.js';
import { loadValidProjects } from './fixture-projects.js';
import { type Mutation, type MutationKind, mutationsOf } from './seeded-mutations.js';

/** The issue's bar: at least 95 % of seeded mistakes reported as errors at the mutated line. */
const REQUIRED_RATE = 0.95;

function isReportedAt(diagnostics: readonly Diagnostic[], mutation: Mutation): boolean {
  return diagnostics.some(
    (diagnostic) =>
      diagnostic.severity === 'error' &&
      diagnostic.file === mutation.file &&
      diagnostic.line === mutation.line,
  );
}

describe('seeded mistakes in the valid corpus', () => {
  const projects = loadValidProjects();
  const mutations = projects.flatMap((project) =>
    mutationsOf(project.files).map((mutation) => ({ project: project.name, mutation })),
  );

  it('seeds every kind of mistake into many projects', () => {
    // Act
    const kinds = new Map<MutationKind, number>();
    for (const { mutation } of mutations) kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);

    // Assess
    expect(kinds.get('misspelled-member')).toBeGreaterThanOrEqual(25);
    expect(kinds.get('wrong-enum-member')).toBeGreaterThanOrEqual(25);
    expect(kinds.get('impossible-arguments')).toBeGreaterThanOrEqual(25);
    expect(kinds.get('syntax-error')).toBeGreaterThanOrEqual(25);
    expect(kinds.get('broken-import')).toBeGreaterThanOrEqual(8);
  });

  it(`reports at least ${REQUIRED_RATE * 100} % of them as errors at the mutated line`, () => {
    // Act
    const missed: string[] = [];
    const byKind = new Map<MutationKind, { seeded: number; reported: number }>();
    for (const { project, mutation } of mutations) {
      const diagnostics = validateProject(mutation.files);
      const reported = isReportedAt(diagnostics, mutation);
      const tally = byKind.get(mutation.kind) ?? { seeded: 0, reported: 0 };
      byKind.set(mutation.kind, { seeded: tally.seeded + 1, reported: tally.reported + (reported ? 1 : 0) });
      if (!reported)
        missed.push(`${project}/${mutation.file}:${mutation.line} ${mutation.kind}: ${mutation.description}`);
    }

    // Assess
    const rate = (mutations.length - missed.length) / mutations.length;
    const summary = [...byKind]
      .map(([kind, tally]) => `${kind} ${tally.reported}/${tally.seeded}`)
      .join(', ');
    // biome-ignore lint/suspicious/noConsole: the detection rate is this test's report, printed on every run
    console.info(
      `seeded mistakes reported at their line: ${mutations.length - missed.length}/${mutations.length} (${(rate * 100).toFixed(1)} %): ${summary}${missed.length > 0 ? `\nmissed:\n${missed.join('\n')}` : ''}`,
    );
    expect(rate).toBeGreaterThanOrEqual(REQUIRED_RATE);
  });
});
