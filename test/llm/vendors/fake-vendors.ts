import { afterEach } from 'vitest';
import type { Provider } from '../../../functions/llm/vendors/index.js';
import {
  type FakeHandler,
  type FakeVendor,
  type FakeVendorKind,
  type FakeVendorOptions,
  startFakeVendor,
} from './fakes/index.js';

/** Every provider; the shared suites run once for each. */
export const ALL_PROVIDERS: Provider[] = ['anthropic', 'openai', 'openai-compatible', 'deepseek', 'mistral'];

/** The wire format each provider speaks. */
export const FAKE_KIND: Record<Provider, FakeVendorKind> = {
  anthropic: 'anthropic',
  openai: 'openai',
  'openai-compatible': 'openai',
  deepseek: 'deepseek',
  mistral: 'mistral',
};

/** Starts fakes that are closed after each test of the calling file. */
export function useFakeVendors(): (
  kind: FakeVendorKind,
  handler: FakeHandler,
  options?: FakeVendorOptions,
) => Promise<FakeVendor> {
  const open: FakeVendor[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fake) => fake.close()));
  });
  return async (kind, handler, options) => {
    const fake = await startFakeVendor(kind, handler, options);
    open.push(fake);
    return fake;
  };
}
