/** Morningstar sector constants (`MorningstarSectorCode.<member>`) and the everyday names that mean each. */
const SECTOR_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['BASIC_MATERIALS', ['basic materials', 'materials', 'chemicals', 'mining', 'metals']],
  ['CONSUMER_CYCLICAL', ['consumer cyclical', 'consumer discretionary', 'retail', 'automotive', 'autos']],
  ['FINANCIAL_SERVICES', ['financial services', 'financials', 'financial', 'finance', 'banks', 'banking']],
  ['REAL_ESTATE', ['real estate', 'reits', 'reit', 'property']],
  ['CONSUMER_DEFENSIVE', ['consumer defensive', 'consumer staples', 'staples']],
  [
    'HEALTHCARE',
    ['healthcare', 'health care', 'health', 'biotech', 'biotechnology', 'pharma', 'pharmaceuticals'],
  ],
  ['UTILITIES', ['utilities', 'utility']],
  [
    'COMMUNICATION_SERVICES',
    ['communication services', 'communications', 'telecom', 'telecommunications', 'media'],
  ],
  ['ENERGY', ['energy', 'oil', 'oil and gas', 'oil & gas']],
  ['INDUSTRIALS', ['industrials', 'industrial', 'aerospace', 'defense', 'transportation']],
  ['TECHNOLOGY', ['technology', 'tech', 'information technology', 'it', 'software', 'semiconductors']],
];

/** Letters only, in lower case: "Health Care", "health-care", "HealthCare" and "HEALTH_CARE" all agree. */
export function normaliseSector(name: string): string {
  return name.toLowerCase().replaceAll(/[^a-z]/g, '');
}

/** The `MorningstarSectorCode` member for a sector name, or undefined when the name is not a known sector. */
export function morningstarSectorMember(name: string): string | undefined {
  const wanted = normaliseSector(name);
  return SECTOR_NAMES.find(([member, names]) =>
    [member, ...names].some((known) => normaliseSector(known) === wanted),
  )?.[0];
}

/** Every accepted spelling, normalised, with its member, for a lookup table in generated code. */
export function sectorLookupEntries(): Array<[string, string]> {
  const entries = new Map<string, string>();
  for (const [member, names] of SECTOR_NAMES) {
    for (const name of [member, ...names]) {
      const key = normaliseSector(name);
      if (!entries.has(key)) entries.set(key, member);
    }
  }
  return [...entries];
}
