#!/usr/bin/env node
// The npm registry these machines reach lacks some platform builds (e.g. @biomejs/cli-darwin-arm64),
// so `npm install` leaves those optional packages out of package-lock.json and `npm ci` then refuses
// the lock as out of sync. This adds an entry for each missing platform package, with the platform
// read from its name, so `npm ci` skips it as it would on any other machine. Run it after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM =
  /-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-(gnu|gnueabihf|musl|musleabihf|msvc|eabi))?$/;

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const match = PLATFORM.exec(name);
    if (!match) {
      console.error(
        `${name}@${version} is missing from the lock and is not a platform build: run npm install.`,
      );
      process.exitCode = 1;
      continue;
    }
    const [, os, cpu, abi] = match;
    const libc = abi?.startsWith('musl') ? ['musl'] : abi?.startsWith('gnu') ? ['glibc'] : undefined;
    lock.packages[`node_modules/${name}`] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc ? { libc } : {}),
      optional: true,
      os: [os],
    };
    added.push(`${name}@${version}`);
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.error(
  added.length
    ? `Added ${added.length} platform packages to package-lock.json.`
    : 'package-lock.json is complete.',
);
