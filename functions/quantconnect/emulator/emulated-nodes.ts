import { newHex32 } from './emulator-ids.js';

/** One of the organization's compute nodes, as `projects/nodes/read` lists it. */
export interface EmulatedNode {
  id: string;
  name: string;
  sku: string;
  busy: boolean;
  hasGpu: number;
  cpu: number;
  ram: number;
  speed: number;
  price: { monthly: number; yearly: number };
  description: string;
  usedBy: string;
  projectName: string;
  active: boolean;
  assets: number;
  host: string;
}

export interface EmulatedNodes {
  backtest: EmulatedNode[];
  research: EmulatedNode[];
  live: EmulatedNode[];
}

/** One idle node of each kind; live node ids have QuantConnect's `LN-<hex32>` shape. */
export function createEmulatedNodes(): EmulatedNodes {
  const node = (prefix: string, name: string, sku: string): EmulatedNode => ({
    id: `${prefix}${newHex32()}`,
    name,
    sku,
    busy: false,
    hasGpu: 0,
    cpu: 2,
    ram: 8,
    speed: 2.4,
    price: { monthly: 0, yearly: 0 },
    description: `${name} (emulated)`,
    usedBy: '',
    projectName: '',
    active: true,
    assets: 0,
    host: '',
  });
  return {
    backtest: [node('BN-', 'Emulated backtest node', 'B2-8')],
    research: [node('RN-', 'Emulated research node', 'R2-8')],
    live: [node('LN-', 'Emulated live node', 'L2-4')],
  };
}
