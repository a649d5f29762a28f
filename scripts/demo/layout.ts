// The community's streets, grids, buildings and flats. Xiguan has 44 residential buildings laid out
// "three across, one down" (三横一纵) on 宝福路, the main road: here 宝福路 is the one "down" street and
// three side streets run across it. Most buildings are old six- or seven-storey walk-ups; a few are towers.
import type { Rng } from './random.ts';

export const XIGUAN_STREETS = ['宝福路', '西关正街', '福临巷', '宝福北巷'] as const;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export interface GridPlan {
  code: string;
  name: string;
}
export interface BuildingPlan {
  number: string;
  street: string;
  gridIndex: number;
  units: number;
  floors: number;
  doors: number;
}
export interface Address {
  buildingIndex: number;
  unit: string;
  room: string;
}

export interface Layout {
  grids: GridPlan[];
  buildings: BuildingPlan[];
}

/**
 * Grids of neighbouring buildings (the first grids get one building more when they do not divide evenly),
 * and buildings numbered 1号楼… along the main road first, then the three cross streets.
 */
export function planLayout(
  rng: Rng,
  opts: { buildings: number; grids: number; streets: readonly string[]; gridCodePrefix: string },
): Layout {
  const grids: GridPlan[] = [];
  for (let g = 0; g < opts.grids; g++) {
    grids.push({
      code: `${opts.gridCodePrefix}-${String(g + 1).padStart(2, '0')}`,
      name: `第${CHINESE_NUMERALS[g] ?? String(g + 1)}网格`,
    });
  }
  // The main road carries about a third of the buildings; the cross streets share the rest.
  const onMain = Math.round(opts.buildings / 3);
  const streetOf = (i: number): string => {
    if (i < onMain || opts.streets.length === 1) return opts.streets[0]!;
    const cross = opts.streets.length - 1;
    return opts.streets[1 + Math.floor(((i - onMain) * cross) / (opts.buildings - onMain))]!;
  };
  const perGrid = Math.floor(opts.buildings / opts.grids);
  const bigger = opts.buildings % opts.grids;
  const buildings: BuildingPlan[] = [];
  for (let g = 0, i = 0; g < opts.grids; g++) {
    for (let k = 0; k < perGrid + (g < bigger ? 1 : 0); k++, i++) {
      const tower = rng.chance(0.14);
      buildings.push({
        number: `${i + 1}号楼`,
        street: streetOf(i),
        gridIndex: g,
        units: tower ? rng.int(1, 2) : rng.int(2, 4),
        floors: tower ? rng.int(16, 18) : rng.int(6, 7),
        doors: tower ? 4 : rng.int(2, 3),
      });
    }
  }
  return { grids, buildings };
}

function capacity(b: BuildingPlan): number {
  return b.units * b.floors * b.doors;
}

/**
 * Chooses one flat for each household: unit 1…, room 301 (floor 3, door 1). Some flats stay empty or
 * are let to people who are not registered here, as in any real community.
 */
export function chooseAddresses(rng: Rng, buildings: BuildingPlan[], households: number): Address[] {
  // Make room if the buildings drawn are too small: add a floor to a random building.
  const wanted = Math.ceil(households * 1.06);
  let total = buildings.reduce((n, b) => n + capacity(b), 0);
  while (total < wanted) {
    const b = rng.pick(buildings);
    total += b.units * b.doors;
    b.floors++;
  }
  const all: Address[] = [];
  buildings.forEach((b, buildingIndex) => {
    for (let u = 1; u <= b.units; u++) {
      for (let f = 1; f <= b.floors; f++) {
        for (let d = 1; d <= b.doors; d++)
          all.push({ buildingIndex, unit: String(u), room: `${f}${String(d).padStart(2, '0')}` });
      }
    }
  });
  // `all` is in address order; keep that order for the chosen ones, so lists read naturally.
  const keep = new Set(
    rng.sample(
      all.map((_, i) => i),
      households,
    ),
  );
  return all.filter((_, i) => keep.has(i));
}
