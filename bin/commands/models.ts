import {
  describeRouting,
  describeRoutingJson,
  readModelConfiguration,
} from '../../functions/llm/routing/index.js';

/** `quantcoder models`: the effective model per agent role, its fallbacks, its price and why. */
export async function modelsCommand(options: { json?: boolean }): Promise<void> {
  const configuration = readModelConfiguration(process.env);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(describeRoutingJson(configuration), null, 2)}\n`);
    return;
  }
  for (const line of describeRouting(configuration)) process.stdout.write(`${line}\n`);
}
