/**
 * Body names: the normalised key (normalise.ts), the similarity measure (similarity.ts) and the
 * candidate index that finds similar pairs among many names (nameIndex.ts).
 */
export { inferLocalNames, normaliseName } from './normalise';
export { nameSimilarity, profileName, profileNames, profileSimilarity, type NameProfile } from './similarity';
export {
  buildNameIndex,
  MAX_CANDIDATES_PER_NAME,
  searchSimilar,
  searchSimilarPairs,
  similarPairs,
  similarPairsNaive,
  type NameIndex,
  type NameMatch,
  type PairSearch,
  type SimilarPair,
} from './nameIndex';
