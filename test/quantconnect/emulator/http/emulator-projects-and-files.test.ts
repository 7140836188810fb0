import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, createProject, startHarness, succeeded } from './emulator-http-fixture.js';

afterEach(closeHarnesses);

describe('emulator over HTTP: projects', () => {
  it('creates a project that already holds main.py and research.ipynb, marked emulated', async () => {
    // Prepare
    const harness = await startHarness();

    // Act
    const created = succeeded(await harness.call('projects/create', { name: 'Momentum', language: 'Py' }));
    const projectId = await createProject(harness, 'Mean Reversion');
    const files = succeeded(await harness.call('files/read', { projectId }));

    // Assess
    expect(created).toMatchObject({
      success: true,
      emulated: true,
      projects: [{ name: 'Momentum', language: 'Py', emulated: true }],
    });
    expect(files.files).toEqual([
      expect.objectContaining({
        name: 'main.py',
        content: expect.stringContaining('class DefaultAlgorithm'),
      }),
      expect.objectContaining({ name: 'research.ipynb' }),
    ]);
  });

  it('refuses a duplicate name, a language other than Py and a missing name, with success false', async () => {
    // Prepare
    const harness = await startHarness();
    await createProject(harness, 'Momentum');

    // Act
    const duplicate = await harness.call('projects/create', { name: 'Momentum', language: 'Py' });
    const csharp = await harness.call('projects/create', { name: 'Other', language: 'C#' });
    const unnamed = await harness.call('projects/create', { language: 'Py' });

    // Assess
    for (const answer of [duplicate, csharp, unnamed]) {
      expect(answer.status).toBe(200);
      expect(answer.json.success).toBe(false);
    }
    expect(duplicate.json.errors?.[0]).toContain("'Momentum' already exists");
    expect(unnamed.json.errors?.[0]).toContain('name');
  });

  it('reads one project or all, and deletes', async () => {
    // Prepare
    const harness = await startHarness();
    const first = await createProject(harness, 'First');
    await createProject(harness, 'Second');

    // Act
    const one = succeeded(await harness.call('projects/read', { projectId: first }));
    const all = succeeded(await harness.call('projects/read'));
    const deleted = await harness.call('projects/delete', { projectId: first });
    const afterDelete = await harness.call('projects/read', { projectId: first });

    // Assess
    expect(one.projects).toEqual([expect.objectContaining({ projectId: first, name: 'First' })]);
    expect(all.projects).toHaveLength(2);
    expect(deleted.json.success).toBe(true);
    expect(afterDelete.json).toMatchObject({ success: false, errors: [`Project ${first} was not found.`] });
  });
});

describe('emulator over HTTP: files', () => {
  it('fails files/create for main.py in a new project, and updates it instead', async () => {
    // Prepare
    const harness = await startHarness();
    const projectId = await createProject(harness);

    // Act
    const create = await harness.call('files/create', { projectId, name: 'main.py', content: 'x = 1' });
    const update = await harness.call('files/update', { projectId, name: 'main.py', content: 'x = 2' });
    const read = succeeded(await harness.call('files/read', { projectId, name: 'main.py' }));

    // Assess
    expect(create.json.success).toBe(false);
    expect(create.json.errors?.[0]).toContain('already exists');
    expect(update.json).toMatchObject({ success: true, files: [{ name: 'main.py', content: 'x = 2' }] });
    expect(read.files).toEqual([
      expect.objectContaining({ name: 'main.py', content: 'x = 2', isLibrary: false }),
    ]);
  });

  it('creates files in folders, refuses empty content and updates of missing files, and deletes', async () => {
    // Prepare
    const harness = await startHarness();
    const projectId = await createProject(harness);

    // Act
    const nested = await harness.call('files/create', {
      projectId,
      name: 'models/alpha.py',
      content: 'a = 1',
    });
    const empty = await harness.call('files/create', { projectId, name: 'risk.py', content: '' });
    const missing = await harness.call('files/update', { projectId, name: 'risk.py', content: 'r = 1' });
    const escaping = await harness.call('files/create', { projectId, name: '../x.py', content: 'x = 1' });
    const deleted = await harness.call('files/delete', { projectId, name: 'models/alpha.py' });
    const readDeleted = await harness.call('files/read', { projectId, name: 'models/alpha.py' });

    // Assess
    expect(nested.json.success).toBe(true);
    expect(empty.json.success).toBe(false);
    expect(missing.json).toMatchObject({ success: false, errors: [expect.stringContaining('not found')] });
    expect(escaping.json.success).toBe(false);
    expect(deleted.json.success).toBe(true);
    expect(readDeleted.json.success).toBe(false);
  });

  it('refuses a file over the size limit and files/patch, which it does not emulate', async () => {
    // Prepare
    const harness = await startHarness({ maxFileBytes: 32_000 });
    const projectId = await createProject(harness);

    // Act
    const large = await harness.call('files/create', {
      projectId,
      name: 'big.py',
      content: 'x'.repeat(32_001),
    });
    const patch = await harness.call('files/patch', { projectId, patch: '' });

    // Assess
    expect(large.json.errors?.[0]).toContain('32000 bytes');
    expect(patch.json).toMatchObject({ success: false, errors: [expect.stringContaining('files/update')] });
  });

  it('answers an unknown endpoint with 404 and an envelope', async () => {
    // Prepare
    const harness = await startHarness();

    // Act
    const answer = await harness.call('projects/frobnicate', {});

    // Assess
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ success: false, emulated: true });
  });
});
