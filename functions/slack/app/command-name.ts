/** The slash command, as the manifest declares it and the app listens for it. */
export const QUANTCODER_COMMAND = '/quantcoder';
