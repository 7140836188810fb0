import type { ModelRouter } from '../llm/model.js';
import type { QuantConnect } from '../quantconnect/port.js';
import type { ArtifactStore } from '../shared/artifact-store.js';
import type { Logger } from '../shared/logger.js';
import type { Notifier } from '../shared/notifier.js';

/** Everything a stage may touch, built once per cold start by a composition root. */
export interface Deps {
  models: ModelRouter;
  store: ArtifactStore;
  quantConnect: QuantConnect;
  notifier: Notifier;
  logger: Logger;
  now: () => Date;
  /** Pauses inside a stage (short compile polls); tests and the emulator make it instant. */
  sleep: (milliseconds: number) => Promise<void>;
}
