/** Open Badges 2.0 assertions (hosted and signed), verified into the engine's result shape. */
export {
  isOb2Assertion,
  looksLikeOb2Assertion,
  OB2_CONTEXT_URL,
  type ReadAssertion,
  readOb2Assertion,
} from './read-assertion.ts';
export { type Ob2VerifyDeps, ob2DisplayCredential, verifyOb2Assertion } from './verify-ob2.ts';
