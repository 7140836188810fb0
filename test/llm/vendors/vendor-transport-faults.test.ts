import { describe, expect, it } from 'vitest';
import { createVendorModel, ModelUnavailableError } from '../../../functions/llm/vendors/index.js';
import { ALL_PROVIDERS, FAKE_KIND, useFakeVendors } from './fake-vendors.js';
import { fault, inOrder } from './fakes/index.js';
import { failureOf, fakeSettings, fileRequest } from './vendor-requests.js';

describe.each(ALL_PROVIDERS)(
  '%s adapter against its wire format: broken bodies, hangs and aborts',
  (provider) => {
    const startFake = useFakeVendors();
    const kind = FAKE_KIND[provider];

    it('treats a response body that is not valid JSON as ModelUnavailableError', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('malformed-body')));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelUnavailableError);
    });

    it('does not hang on a vendor that never answers: each attempt times out, then ModelUnavailableError', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('hang')));
      const model = createVendorModel(
        fakeSettings(provider, fake.baseURL, { timeoutMs: 400, maxRetries: 1 }),
        'model-1',
      );
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect(error.message).toContain('did not answer within 0.4 s');
      expect(fake.requests).toHaveLength(2);
    });

    it('does not hang on a body that stalls after the headers: the call deadline ends it', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('stall-body')));
      const model = createVendorModel(
        fakeSettings(provider, fake.baseURL, { timeoutMs: 400, maxRetries: 0 }),
        'model-1',
      );
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelUnavailableError);
    });

    it("stops at once when the caller's signal aborts, with the caller's reason", async () => {
      // Prepare
      const controller = new AbortController();
      const reason = new Error('the run was cancelled');
      const fake = await startFake(kind, () => {
        controller.abort(reason);
        return fault('hang');
      });
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest({ signal: controller.signal })));
      // Assess
      expect(error).toBe(reason);
      expect(fake.requests).toHaveLength(1);
    });
  },
);
