export * from './role-profiles.ts';
