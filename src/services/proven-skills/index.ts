export * from './proven-skills.ts';
export * from './settings.ts';
