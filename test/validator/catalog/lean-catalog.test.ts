import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../functions/shared/errors.js';
import { LEAN_CATALOG_URL, readCatalogText } from '../../../functions/validator/catalog/catalog-file.js';
import { CATALOG_FORMAT } from '../../../functions/validator/catalog/catalog-schema.js';
import { loadLeanCatalog, parseLeanCatalog } from '../../../functions/validator/catalog/lean-catalog.js';

const QC_ALGORITHM = 'QuantConnect.Algorithm.QCAlgorithm';

const HEADER = {
  format: CATALOG_FORMAT,
  lean_commit: 'abc',
  lean_commit_date: '2026-08-21',
  pythonnet_version: '2.0.65',
  python_names: ['np'],
  assign_aliases: {},
  globals: { Thing: 'Test.Thing', np: 'Test.Thing' },
  object_members: { ToString: { kind: 'external', py: 'to_string' } },
  external_members: {},
  param_snake: {},
  python_modules: {},
};

describe('the shipped LEAN API catalog', () => {
  it('is the catalog of LEAN commit 24863901, loaded once per process', () => {
    // Act
    const catalog = loadLeanCatalog();

    // Assess
    expect(catalog.leanCommit).toMatch(/^24863901[0-9a-f]{32}$/);
    expect(loadLeanCatalog()).toBe(catalog);
    expect(catalog.globalKeys('Resolution')).toEqual(['QuantConnect.Resolution']);
    expect(catalog.globalKeys('QCAlgorithmFramework')).toEqual([QC_ALGORITHM]);
    expect(catalog.globalKeys('RollingWindow')).toHaveLength(2);
    expect(catalog.globalKeys('np')).toEqual([]);
  });

  it('finds QCAlgorithm members by their C# name and their snake_case alias, and nothing else', () => {
    // Prepare
    const members = loadLeanCatalog().members(QC_ALGORITHM);

    // Act
    const csharp = members?.lookup('SetStartDate');
    const alias = members?.lookup('set_start_date');
    const mixed = members?.lookup('set_startDate');

    // Assess
    expect(csharp?.form).toBe('csharp');
    expect(alias?.form).toBe('alias');
    expect(alias?.name).toBe('SetStartDate');
    expect(mixed).toBeUndefined();
    expect(members?.sameLetters('set_startDate').map((member) => member.name)).toEqual(['SetStartDate']);
    expect(members?.closed).toBe(true);
    expect(members?.lookup('to_string')?.owner).toBeDefined();
  });

  it('binds enum members under their C# name and UPPER_SNAKE alias only', () => {
    // Prepare
    const resolution = loadLeanCatalog().members('QuantConnect.Resolution');

    // Act
    const found = ['Daily', 'DAILY', 'daily'].map((name) => resolution?.lookup(name)?.name);

    // Assess
    expect(found).toEqual(['Daily', 'Daily', undefined]);
  });

  it('marks dynamic and open types, and gives indexer and inherited property types', () => {
    // Prepare
    const catalog = loadLeanCatalog();

    // Act
    const security = catalog.members('QuantConnect.Securities.Security');
    const portfolio = catalog.members('QuantConnect.Securities.SecurityPortfolioManager');
    const current = catalog.members('QuantConnect.Indicators.SimpleMovingAverage')?.lookup('current');

    // Assess
    expect(security?.dynamic).toBe(true);
    expect(security?.closed).toBe(false);
    expect(portfolio?.indexerKeys).toEqual(['QuantConnect.Securities.SecurityHolding']);
    expect(current?.member.type_key).toBe('QuantConnect.Indicators.IndicatorDataPoint');
  });

  it('merges the overloads of a method over the hierarchy', () => {
    // Prepare
    const catalog = loadLeanCatalog();

    // Act
    const history = catalog.members(QC_ALGORITHM)?.lookup('history');

    // Assess
    expect(history?.member.overloads?.some((overload) => overload.generic === 1)).toBe(true);
    expect(history?.member.overloads?.length).toBeGreaterThan(10);
  });
});

describe('parseLeanCatalog', () => {
  it('parses a type only when it is asked for, and checks it then', () => {
    // Prepare
    const text = `${JSON.stringify(HEADER)}\nTest.Thing\t{"name":"Thing","kind":"nonsense","members":{}}\n`;
    const catalog = parseLeanCatalog(text);

    // Act
    const lookup = () => catalog.type('Test.Thing');

    // Assess
    expect([...catalog.typeKeys()]).toEqual(['Test.Thing']);
    expect(lookup).toThrow(ConfigurationError);
    expect(catalog.type('Test.Missing')).toBeUndefined();
  });

  it('rejects a header of another format', () => {
    // Prepare
    const text = `${JSON.stringify({ ...HEADER, format: CATALOG_FORMAT + 1 })}\n`;

    // Act
    const parse = () => parseLeanCatalog(text);

    // Assess
    expect(parse).toThrow(/regenerate it with scripts\/import-lean-catalog.mjs/);
  });
});

describe('readCatalogText', () => {
  it('resolves the shipped file beside its module', () => {
    // Act
    const text = readCatalogText();

    // Assess
    expect(LEAN_CATALOG_URL.pathname.endsWith('/functions/validator/catalog/lean-catalog.txt.gz')).toBe(true);
    expect(JSON.parse(text.slice(0, text.indexOf('\n'))).format).toBe(CATALOG_FORMAT);
  });

  it('says how to produce the file when it is missing or not gzip', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'lean-catalog-'));
    const notGzip = path.join(folder, 'plain.txt.gz');
    writeFileSync(notGzip, 'plain text');

    // Act
    const missing = () => readCatalogText(pathToFileURL(path.join(folder, 'absent.txt.gz')));
    const corrupt = () => readCatalogText(pathToFileURL(notGzip));

    // Assess
    expect(missing).toThrow(/run 'node scripts\/import-lean-catalog.mjs'/);
    expect(corrupt).toThrow(ConfigurationError);
  });

  it('loads any catalog file given by URL', () => {
    // Prepare
    const folder = mkdtempSync(path.join(tmpdir(), 'lean-catalog-'));
    const file = path.join(folder, 'catalog.txt.gz');
    const type = {
      name: 'Thing',
      kind: 'enum',
      members: { One: { kind: 'enum_member', static: true, py: 'ONE' } },
    };
    writeFileSync(file, gzipSync(`${JSON.stringify(HEADER)}\nTest.Thing\t${JSON.stringify(type)}\n`));

    // Act
    const catalog = loadLeanCatalog(pathToFileURL(file));

    // Assess
    expect(catalog.leanCommit).toBe('abc');
    expect(catalog.members('Test.Thing')?.lookup('ONE')?.name).toBe('One');
    expect(catalog.members('Test.Thing')?.lookup('to_string')?.owner).toBe('object');
  });
});
