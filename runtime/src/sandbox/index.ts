/** Sandboxes: synthetic candidates and requisitions for pilots and trials. */
export { seededRandom, syntheticContext, syntheticSubjects } from './syntheticSubjects.ts';
