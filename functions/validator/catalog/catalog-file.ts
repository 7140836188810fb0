import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ConfigurationError } from '../../shared/errors.js';

/**
 * The validator's LEAN API catalog, beside this module. A bundle resolves the URL next to the bundled script,
 * so a Lambda function ships the file beside its bundle. scripts/import-lean-catalog.mjs writes it.
 */
export const LEAN_CATALOG_URL: URL = new URL('./lean-catalog.txt.gz', import.meta.url);

/** The catalog file's text (gunzipped), or a ConfigurationError that says where it was looked for. */
export function readCatalogText(location: URL = LEAN_CATALOG_URL): string {
  let compressed: Buffer;
  try {
    compressed = readFileSync(location);
  } catch (error) {
    throw new ConfigurationError(
      `The LEAN API catalog is missing at ${location.pathname}: run 'node scripts/import-lean-catalog.mjs', or ship lean-catalog.txt.gz beside the bundle.`,
      { cause: error },
    );
  }
  try {
    return gunzipSync(compressed).toString('utf8');
  } catch (error) {
    throw new ConfigurationError(`The LEAN API catalog at ${location.pathname} is not gzip data`, {
      cause: error,
    });
  }
}
