// Tables kept one per area (messages, error codes) and joined into one. Two areas defining the same key is a
// mistake, and it fails twice: at type-check (the argument's type asks for a property naming the key) and at start.

type KeysOf<T> = T extends unknown ? keyof T : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The keys that two or more of the areas define; never when the areas are disjoint. */
export type SharedKeys<A> = { [N in keyof A]: keyof A[N] & KeysOf<A[Exclude<keyof A, N>]> }[keyof A];

/** Asks for a property naming the shared keys, so a clash shows at type-check with the keys in the message. */
type Disjoint<A> = [SharedKeys<A>] extends [never] ? unknown : { 'keys defined by two areas': SharedKeys<A> };

/** Joins the areas' tables into one, or throws naming the key and both areas when two define the same key. */
export function joinAreas<const A extends Record<string, Record<string, unknown>>>(
  what: string,
  areas: A & Disjoint<A>,
): Intersection<A[keyof A]> {
  const joined: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const [area, table] of Object.entries(areas as A)) {
    for (const [key, value] of Object.entries(table)) {
      if (Object.hasOwn(owner, key)) throw new Error(`${what} "${key}" is defined by both ${owner[key]} and ${area}`);
      owner[key] = area;
      joined[key] = value;
    }
  }
  return joined as Intersection<A[keyof A]>;
}
