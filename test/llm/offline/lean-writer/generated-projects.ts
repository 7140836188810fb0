import type { Plan } from '../../../../functions/agents/plan.js';
import type { SourceFile } from '../../../../functions/agents/tasks.js';
import { writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { PLAN_FIXTURES } from '../../../fixtures/plans.js';
import { compilePython, type PythonFileFacts, pythonFacts, writeProjectToTemp } from './python-project.js';

export interface GeneratedProject {
  name: string;
  plan: Plan;
  files: SourceFile[];
  directory: string;
  facts: Record<string, PythonFileFacts>;
}

/** Writes one plan's project to a temporary directory, byte-compiles it and reads its facts. */
export function generateProject(name: string, plan: Plan): GeneratedProject {
  const files = writeLeanProject(plan);
  const directory = writeProjectToTemp(name, files);
  compilePython(directory, files);
  return { name, plan, files, directory, facts: pythonFacts(directory) };
}

const fixtureCache = new Map<string, GeneratedProject>();

/** A fixture plan's project, written once per test file. */
export function fixtureProject(name: string): GeneratedProject {
  const cached = fixtureCache.get(name);
  if (cached) return cached;
  const plan = PLAN_FIXTURES[name];
  if (!plan) throw new Error(`no fixture plan named ${name}`);
  const project = generateProject(name, plan);
  fixtureCache.set(name, project);
  return project;
}

/** A file's content by name; fails the test when the project lacks it. */
export function fileNamed(project: GeneratedProject, name: string): string {
  const file = project.files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`${project.name} has no ${name}`);
  return file.content;
}

/** A file's facts by name; fails the test when the project lacks it. */
export function factsOf(project: GeneratedProject, name: string): PythonFileFacts {
  const facts = project.facts[name];
  if (!facts) throw new Error(`${project.name} has no facts for ${name}`);
  return facts;
}
