import { z } from 'zod';

/** Statistics by QuantConnect's names, numbers parsed where they are numbers. */
export const Statistics = z.record(z.string(), z.union([z.number(), z.string()]));
