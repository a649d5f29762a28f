// The places an activity can be held: those earlier activities used (with the map point they had, most used
// first) and the community's building addresses from the registry (no point). The console's place picker offers
// them; a place typed freely is still allowed.
import type { DbOrTrx } from '../../db/database.ts';
import type { PlaceView } from '../../../../domain/activities/views.ts';

/** At most this many of each kind: the picker searches within them. */
const MAX_EACH = 200;

export async function knownPlaces(db: DbOrTrx, communityId: string): Promise<PlaceView[]> {
  const used = await db
    .selectFrom('activity')
    .select([
      'place',
      'lat',
      'lng',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.max('created_at').as('last'),
    ])
    .where('community_id', '=', communityId)
    .groupBy(['place', 'lat', 'lng'])
    .orderBy('n', 'desc')
    .orderBy('last', 'desc')
    .limit(MAX_EACH * 2)
    .execute();
  // One entry per place name: the point used most often (a point over none).
  const byName = new Map<string, PlaceView>();
  const sorted = [...used].sort((a, b) => Number(a.lat === null) - Number(b.lat === null) || Number(b.n) - Number(a.n));
  for (const r of sorted) {
    if (byName.has(r.place)) {
      byName.get(r.place)!.uses += Number(r.n);
      continue;
    }
    byName.set(r.place, {
      name: r.place,
      lat: r.lat === null ? null : Number(r.lat),
      lng: r.lng === null ? null : Number(r.lng),
      source: 'activity',
      uses: Number(r.n),
    });
  }
  const places = [...byName.values()].sort((a, b) => b.uses - a.uses).slice(0, MAX_EACH);
  const buildings = await db
    .selectFrom('building')
    .select(['street', 'number'])
    .where('community_id', '=', communityId)
    .orderBy('street')
    .orderBy('number')
    .limit(MAX_EACH)
    .execute();
  for (const b of buildings) {
    const name = `${b.street}${b.number}`.trim();
    if (!name || byName.has(name)) continue;
    places.push({ name, lat: null, lng: null, source: 'building', uses: 0 });
  }
  return places;
}
