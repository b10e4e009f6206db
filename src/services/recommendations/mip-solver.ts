import highs from 'highs';
import { highsSolver, type MipSolver } from '../../domain/recommendations/exact.ts';

// The package's types describe its CommonJS build; Node loads the ES build, whose default export
// is the loader.
const loadHighs = highs as unknown as typeof highs.default;

let solver: Promise<MipSolver> | undefined;

/** HiGHS (WebAssembly, bundled in the npm package: nothing is downloaded) loaded once per process. */
export function mipSolver(): Promise<MipSolver> {
  solver ??= loadHighs().then((instance) => highsSolver(instance));
  return solver;
}
