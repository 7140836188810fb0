/** Morningstar sectors by their MorningstarSectorCode member name (PascalCase, as plans store them). */
export const MORNINGSTAR_SECTORS = [
  'BasicMaterials',
  'ConsumerCyclical',
  'FinancialServices',
  'RealEstate',
  'ConsumerDefensive',
  'Healthcare',
  'Utilities',
  'CommunicationServices',
  'Energy',
  'Industrials',
  'Technology',
] as const;
export type MorningstarSector = (typeof MORNINGSTAR_SECTORS)[number];

/** Everyday names of sectors (lower case, words separated by one space) and the sector each means. */
export const SECTOR_ALIASES: Readonly<Record<string, MorningstarSector>> = {
  'basic materials': 'BasicMaterials',
  materials: 'BasicMaterials',
  mining: 'BasicMaterials',
  'consumer cyclical': 'ConsumerCyclical',
  'consumer discretionary': 'ConsumerCyclical',
  retail: 'ConsumerCyclical',
  'financial services': 'FinancialServices',
  financial: 'FinancialServices',
  financials: 'FinancialServices',
  finance: 'FinancialServices',
  bank: 'FinancialServices',
  banks: 'FinancialServices',
  banking: 'FinancialServices',
  'real estate': 'RealEstate',
  reit: 'RealEstate',
  reits: 'RealEstate',
  'consumer defensive': 'ConsumerDefensive',
  'consumer staples': 'ConsumerDefensive',
  staples: 'ConsumerDefensive',
  healthcare: 'Healthcare',
  'health care': 'Healthcare',
  health: 'Healthcare',
  biotech: 'Healthcare',
  pharma: 'Healthcare',
  utilities: 'Utilities',
  utility: 'Utilities',
  'communication services': 'CommunicationServices',
  communications: 'CommunicationServices',
  telecom: 'CommunicationServices',
  telecoms: 'CommunicationServices',
  media: 'CommunicationServices',
  energy: 'Energy',
  oil: 'Energy',
  'oil and gas': 'Energy',
  industrials: 'Industrials',
  industrial: 'Industrials',
  technology: 'Technology',
  tech: 'Technology',
  'information technology': 'Technology',
  software: 'Technology',
  semiconductors: 'Technology',
};

/** The Morningstar sector a name means ("Financial Services", "tech", "FINANCIAL_SERVICES"), if any. */
export function canonicalSector(name: string): MorningstarSector | undefined {
  const exact = MORNINGSTAR_SECTORS.find((sector) => sector === name);
  if (exact) return exact;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .replace(/ sector$/, '');
  return (
    SECTOR_ALIASES[words] ??
    MORNINGSTAR_SECTORS.find((sector) => sector.toLowerCase() === words.replaceAll(' ', ''))
  );
}

/** A sector for people: `FinancialServices` → `Financial Services`. */
export function sectorLabel(sector: MorningstarSector): string {
  return sector.replace(/([a-z])([A-Z])/g, '$1 $2');
}
