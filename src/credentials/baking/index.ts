/** Baked badge images (OB 3.0 §5.3): a credential carried inside a PNG or SVG. */
export { BakedImageError, type BakedImageProblem } from './errors.ts';
export {
  type BakedPngContent,
  bakePng,
  extractBakedPng,
  extractFromPng,
  isPng,
  OB2_PNG_KEYWORD,
  OB3_PNG_KEYWORD,
  type PngLimits,
} from './png.ts';
export {
  type BakedSvgContent,
  bakeSvg,
  extractBakedSvg,
  extractFromSvg,
  looksLikeSvg,
  OB2_SVG_NAMESPACE,
  OB3_SVG_NAMESPACE,
  type SvgLimits,
} from './svg.ts';
