// Big tiles of a phone home: a grid of large touch targets, each a plain label and one line saying what it is for.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Tile {
  key: string;
  to: string;
  title: ReactNode;
  sub?: ReactNode;
}

export function Tiles({ items, label }: { items: Tile[]; label: string }) {
  return (
    <ul className="ph-tiles" aria-label={label}>
      {items.map((it) => (
        <li key={it.key}>
          <Link className="ph-tile" to={it.to}>
            <span className="ph-tile__title">{it.title}</span>
            {it.sub && <span className="ph-tile__sub">{it.sub}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
