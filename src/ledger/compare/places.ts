import { inferLocalNames } from '../names';
import { placeAtStart } from '../place';

/**
 * The registers' own place names for name normalisation (潍坊市 in 潍坊市安全生产委员会): the place
 * each title starts with (潍坊市市级议事协调机构管理台账), else the place most names start with.
 */
export function localNamesFrom(titles: readonly string[], names: readonly string[]): string[] {
  const places = new Set<string>();
  for (const line of titles) {
    const place = placeAtStart(line);
    if (place) places.add(place);
  }
  // Only when no title says it: guessing reads every name.
  if (places.size === 0) for (const place of inferLocalNames(names)) places.add(place);
  return [...places];
}
