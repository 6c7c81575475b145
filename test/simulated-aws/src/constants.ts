/** The demo's main credentials: an IAM user of the management account 111111111111. */
export const SIM_CREDENTIALS = {
  accessKeyId: 'AKIASIM111111111111',
  secretAccessKey: 'simulated',
} as const;

/** Where `npm run sim` serves the demo estate. */
export const SIM_ENDPOINT = 'http://127.0.0.1:4566';
