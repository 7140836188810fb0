import { z } from 'zod';

/** Every agent role; models are routed per role. */
export const AgentRole = z.enum([
  'coordinator',
  'universe',
  'alpha',
  'portfolio',
  'risk',
  'strategy',
  'integration',
  'refine',
]);
export type AgentRole = z.infer<typeof AgentRole>;

/** Roles that own a project file; refine routes a file's errors back to its owner's instructions. */
export const FileOwner = z.enum(['universe', 'alpha', 'portfolio', 'risk', 'strategy']);
export type FileOwner = z.infer<typeof FileOwner>;

/** The file each owner writes. */
export const FILE_OF_OWNER: Record<FileOwner, string> = {
  universe: 'universe.py',
  alpha: 'alpha.py',
  portfolio: 'portfolio.py',
  risk: 'risk.py',
  strategy: 'main.py',
};

/** Names a model may give a project file: lower-case Python modules, or the project README. */
export const PROJECT_FILE_NAME = /^(?:[a-z_][a-z0-9_]*\.py|README\.md)$/;
