// Run in a fresh process (`node --expose-gc --import tsx bench/catalog-memory.ts <corpus-dir>`): the heap the
// LEAN catalog takes once loaded, alone and after validating a corpus (types are indexed as rules ask for them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLeanCatalog } from '../functions/validator/catalog/lean-catalog.js';
import { validateProject } from '../functions/validator/index.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
const heap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

const corpus = process.argv[2] ?? '';
const projects = readdirSync(corpus).map((name) =>
  readdirSync(join(corpus, name))
    .filter((file) => file.endsWith('.py'))
    .map((file) => ({ name: file, content: readFileSync(join(corpus, name, file), 'utf8') })),
);
// Parser and rules loaded first, so only the catalog's own memory is measured.
validateProject([{ name: 'main.py', content: 'x = 1\n' }], { rules: [] });
const before = heap();
const started = performance.now();
const catalog = loadLeanCatalog();
const loadMs = performance.now() - started;
const loaded = heap();
for (const project of projects) validateProject(project);
const used = heap();
process.stdout.write(
  `${JSON.stringify({ loadMs, loadedBytes: loaded - before, afterCorpusBytes: used - before, types: [...catalog.typeKeys()].length })}\n`,
);
