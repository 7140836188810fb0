import type { Model, ModelRequest, ModelResponse } from '../functions/llm/model.js';

/** Roles whose calls write one project file. */
const FILE_WRITING_ROLES = new Set(['universe', 'alpha', 'portfolio', 'risk', 'strategy', 'refine']);

export interface LatencyRecord {
  role: string;
  outputChars: number;
  sleptMs: number;
}

/**
 * Wraps a model so each call takes as long as a vendor would: a call that writes a file takes
 * `fileMs` (the "one file ≈ 60 s of generation", scaled down); any other call takes time in
 * proportion to its output, measured against `referenceFileChars`, the size of an average file.
 */
export function withVendorLatency(
  inner: Model,
  options: { fileMs: number; referenceFileChars: number },
): Model & { records: LatencyRecord[] } {
  const records: LatencyRecord[] = [];
  return {
    provider: inner.provider,
    modelId: inner.modelId,
    records,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const response = await inner.generate(request);
      const outputChars = JSON.stringify(response.output).length;
      const sleptMs = FILE_WRITING_ROLES.has(request.role)
        ? options.fileMs
        : Math.round((options.fileMs * outputChars) / options.referenceFileChars);
      await new Promise((resolve) => setTimeout(resolve, sleptMs));
      records.push({ role: request.role, outputChars, sleptMs });
      return response;
    },
  };
}
