import { describe, expect, it } from 'vitest';
import {
  createVendorModel,
  ModelAuthenticationError,
  ModelRateLimitError,
  ModelRequestError,
  ModelUnavailableError,
  PROVIDER_PROFILES,
} from '../../../functions/llm/vendors/index.js';
import { TransientError } from '../../../functions/shared/errors.js';
import { ALL_PROVIDERS, FAKE_KIND, useFakeVendors } from './fake-vendors.js';
import { answer, fault, inOrder } from './fakes/index.js';
import { FILE_ANSWER, failureOf, fakeSettings, fileRequest } from './vendor-requests.js';

describe.each(ALL_PROVIDERS)(
  '%s adapter against its wire format: HTTP error statuses and retries',
  (provider) => {
    const startFake = useFakeVendors();
    const kind = FAKE_KIND[provider];
    const { apiKeyVariable } = PROVIDER_PROFILES[provider];

    it('turns a 400 into a ModelRequestError without retrying', async () => {
      // Prepare
      const fake = await startFake(
        kind,
        inOrder(fault('bad-request', { message: 'messages: malformed turn' })),
      );
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelRequestError);
      expect(error).toMatchObject({ provider, model: 'model-1', status: 400 });
      expect(error.message).toContain('malformed turn');
      expect(error.message).toContain('the request is malformed, not the model id');
      expect(fake.requests).toHaveLength(1);
    });

    it('turns a 404 into a ModelRequestError that points at the model id', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('not-found')));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'no-such-model');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelRequestError);
      expect(error.message).toContain('"no-such-model"');
      expect(error.message).toContain('QUANTCODER_MODELS');
      expect(error.message).toContain(PROVIDER_PROFILES[provider].baseUrlVariable);
    });

    it('turns a 400 that names the model into a ModelRequestError that points at the model id', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('bad-request', { message: 'model: unknown-model' })));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'unknown-model');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelRequestError);
      expect(error.message).toContain('over the model');
      expect(error.message).toContain('QUANTCODER_MODELS');
    });

    it(`turns a 403 into a ModelAuthenticationError naming ${apiKeyVariable}`, async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('forbidden')));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelAuthenticationError);
      expect(error).toMatchObject({ status: 403 });
      expect(error.message).toContain(apiKeyVariable);
    });

    it(`turns a 401 into a ModelAuthenticationError naming ${apiKeyVariable}, without retrying`, async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('unauthorized')));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelAuthenticationError);
      expect(error).toMatchObject({ status: 401, provider });
      expect(error.message).toContain(apiKeyVariable);
      expect(error.message).not.toContain('test-key-not-secret');
      expect(fake.requests).toHaveLength(1);
    });

    it('waits the retry-after of a 429, then succeeds', async () => {
      // Prepare
      const fake = await startFake(
        kind,
        inOrder(fault('rate-limit', { retryAfterSeconds: 0.6 }), answer(FILE_ANSWER)),
      );
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      const started = performance.now();
      // Act
      const response = await model.generate(fileRequest());
      // Assess
      expect(response.output).toEqual(FILE_ANSWER);
      expect(fake.requests).toHaveLength(2);
      // The default backoff before a first retry is at most 500 ms; only the 600 ms asked for explains this.
      expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    });

    it('reports a 429 that outlasts the retries as a ModelRateLimitError', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('rate-limit', { retryAfterMs: 1 })));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL, { maxRetries: 1 }), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelRateLimitError);
      expect(error).toBeInstanceOf(TransientError);
      expect(fake.requests).toHaveLength(2);
    });

    it('retries a 500 with backoff, then succeeds', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('server-error'), answer(FILE_ANSWER)));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const response = await model.generate(fileRequest());
      // Assess
      expect(response.output).toEqual(FILE_ANSWER);
      expect(fake.requests).toHaveLength(2);
    });

    it('retries 408 and 409 too, then succeeds', async () => {
      // Prepare
      const fake = await startFake(
        kind,
        inOrder(
          fault('request-timeout', { retryAfterMs: 1 }),
          fault('conflict', { retryAfterMs: 1 }),
          answer(FILE_ANSWER),
        ),
      );
      const model = createVendorModel(fakeSettings(provider, fake.baseURL), 'model-1');
      // Act
      const response = await model.generate(fileRequest());
      // Assess
      expect(response.output).toEqual(FILE_ANSWER);
      expect(fake.requests).toHaveLength(3);
    });

    it('gives up on a vendor that keeps failing: ModelUnavailableError after maxRetries + 1 attempts', async () => {
      // Prepare
      const fake = await startFake(kind, inOrder(fault('server-error', { retryAfterMs: 1 })));
      const model = createVendorModel(fakeSettings(provider, fake.baseURL, { maxRetries: 2 }), 'model-1');
      // Act
      const error = await failureOf(model.generate(fileRequest()));
      // Assess
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect(error).toBeInstanceOf(TransientError);
      expect(error).toMatchObject({ status: 500, provider, model: 'model-1' });
      expect(error.message).toContain('after 2 retries');
      expect(fake.requests).toHaveLength(3);
    });
  },
);
